/**
 * Errors a user can act on. The CLI prints `message` alone, on one line, and exits non-zero; anything else is a bug
 * and gets a stack trace.
 */
export class RotorError extends Error {
  override readonly name: string = 'RotorError';
}

/** A strategy asked for data that was not yet known at its decision time. */
export class LookAheadError extends RotorError {
  override readonly name = 'LookAheadError';
  constructor(
    readonly symbol: string,
    readonly field: string,
    readonly requestedDate: string,
    readonly decisionDate: string,
  ) {
    super(
      `look-ahead: read of ${symbol} ${field} for ${requestedDate} at decision time ${decisionDate}; ` +
        `only data up to ${decisionDate} is known`,
    );
  }
}

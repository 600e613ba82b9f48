/**
 * Errors a user can act on. The CLI prints `message` alone, on one line, and exits non-zero; anything else is a bug
 * and gets a stack trace.
 */
export class RotorError extends Error {
  override readonly name: string = 'RotorError';
}

/**
 * A bad value of one input field, named as the engine knows it (`settings.initialCash`, `params.days`) and
 * written into the message under that name. The engine never knows which flag or file a value came from; the caller
 * that does renames the field in the message (the CLI to `--cash`, a sweep to `--grid days`).
 */
export class FieldError extends RotorError {
  override readonly name = 'FieldError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
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

import { RotorError } from '../../engine/errors.ts';

/** The one HTTP call the fetchers make; tests pass a stub that answers in the providers' formats. */
export type HttpGet = (url: string) => Promise<string>;

/** Node's own network failure codes: the machine cannot reach the host at all. */
const OFFLINE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'UND_ERR_CONNECT_TIMEOUT']);

/** One line for a request that never got an answer, naming the host. */
export function networkError(url: string, e: unknown): RotorError {
  const cause = (e as { cause?: { code?: string } })?.cause?.code ?? (e as { code?: string })?.code;
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  return new RotorError(`cannot reach ${host}: no network?${cause ? ` (${cause})` : ''}`);
}

export function isOffline(e: unknown): boolean {
  const code = (e as { cause?: { code?: string } })?.cause?.code ?? (e as { code?: string })?.code;
  return (code !== undefined && OFFLINE.has(code)) || (e instanceof TypeError && /fetch failed/.test(e.message));
}

/** GET with a time limit; an HTTP error status names the URL and the status. */
export const httpGet: HttpGet = async (url) => {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(30_000), headers: { 'user-agent': 'rotor (backtesting engine)' } });
  } catch (e) {
    throw networkError(url, e);
  }
  if (!response.ok) throw new RotorError(`${url}: HTTP ${response.status} ${response.statusText}`);
  return response.text();
};

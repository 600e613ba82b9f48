import { RotorError } from '../../engine/errors.ts';

/** The HTTP calls the fetchers make; tests pass stubs that answer in the providers' formats. */
export type HttpGet = (url: string) => Promise<string>;
/** A form POST (`application/x-www-form-urlencoded`, fields in order, names may repeat) answered with bytes. */
export type HttpPostForm = (url: string, fields: readonly (readonly [string, string])[]) => Promise<Uint8Array>;

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

const USER_AGENT = 'rotor (backtesting engine)';

async function send(url: string, init: RequestInit, seconds: number): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(seconds * 1000) });
  } catch (e) {
    throw networkError(url, e);
  }
  if (!response.ok) throw new RotorError(`${url}: HTTP ${response.status} ${response.statusText}`);
  return response;
}

/** GET with a time limit; an HTTP error status names the URL and the status. */
export const httpGet: HttpGet = async (url) => (await send(url, { headers: { 'user-agent': USER_AGENT } }, 30)).text();

/** POST a form; a longer limit, since ALFRED builds the archive of every vintage before answering. */
export const httpPostForm: HttpPostForm = async (url, fields) => {
  const body = new URLSearchParams(fields.map(([k, v]): [string, string] => [k, v])).toString();
  const response = await send(url, { method: 'POST', body, headers: { 'user-agent': USER_AGENT, 'content-type': 'application/x-www-form-urlencoded' } }, 180);
  return new Uint8Array(await response.arrayBuffer());
};

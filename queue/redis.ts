import { Redis } from 'ioredis';
import { RotorError } from '../engine/index.ts';

/** Where the queue lives, checked: `redis://[user:password@]host[:port][/db]` or `rediss://` (TLS). */
export interface QueueAddress {
  url: string;
  /** The URL with its password replaced, for every message and log line. */
  shown: string;
}

export function parseQueueUrl(text: string, flag = '--queue'): QueueAddress {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new RotorError(`${flag} ${redact(text)}: expected a Redis URL, e.g. redis://HOST:6379, redis://:PASSWORD@HOST:6379/0 or rediss://HOST:6380 (TLS)`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new RotorError(`${flag} ${redact(text)}: expected redis:// or rediss:// (TLS), got ${u.protocol}//`);
  if (!u.hostname) throw new RotorError(`${flag} ${redact(text)}: no host`);
  const db = u.pathname.replace(/^\//, '');
  if (db && !/^\d+$/.test(db)) throw new RotorError(`${flag} ${redact(text)}: the database after the host must be a number (redis://HOST:PORT/0), got /${db}`);
  return { url: text, shown: redact(text) };
}

function redact(text: string): string {
  return text.replace(/^(rediss?:\/\/)([^@/]*)@/, (_m, scheme: string, auth: string) => `${scheme}${auth.includes(':') ? `${auth.split(':')[0]}:***` : '***'}@`);
}

export interface ConnectOptions {
  /** How long to keep retrying a lost connection before giving up. */
  retrySeconds: number;
}

/**
 * An ioredis connection that retries a lost Redis for `retrySeconds`, then ends: every waiting and later command
 * rejects, and `gaveUp` is set, so the caller can stop with one clear line instead of hanging.
 */
export function connect(address: QueueAddress, options: ConnectOptions): { redis: Redis; gaveUp: () => boolean } {
  let since: number | null = null;
  let gaveUp = false;
  const redis = new Redis(address.url, {
    // Commands wait while the connection is retried (BullMQ's workers need this too); the give-up rejects them.
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    lazyConnect: false,
    retryStrategy: () => {
      since ??= Date.now();
      if (Date.now() - since > options.retrySeconds * 1000) {
        gaveUp = true;
        return null;
      }
      return 500;
    },
  });
  redis.on('ready', () => (since = null));
  // Connection errors are reported by the commands that fail and by the give-up; never as unhandled events.
  redis.on('error', () => {});
  return { redis, gaveUp: () => gaveUp };
}

/** The one line for a Redis that went away (or never answered) and did not come back. */
export function goneError(address: QueueAddress, retrySeconds: number, cause: unknown, what: string): RotorError {
  const why = (cause as Error)?.message?.split('\n')[0] ?? String(cause);
  return new RotorError(`Redis at ${address.shown} went away (${why}) and did not come back within ${retrySeconds} s of retries; ${what}`);
}

/** A Redis failure the user can act on (unreachable, lost, wrong password) as one line; anything else unchanged. */
export function redisFailure(address: QueueAddress, retrySeconds: number, e: unknown, what: string, gaveUp: boolean): unknown {
  if (e instanceof RotorError) return e;
  const message = (e as Error)?.message ?? String(e);
  if (/WRONGPASS|NOAUTH|invalid password|invalid username/i.test(message)) return new RotorError(`Redis at ${address.shown} refused the login (${message.split('\n')[0]}): check the user and password in the URL`);
  if (gaveUp || /Connection is closed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|ECONNRESET/.test(message)) return goneError(address, retrySeconds, e, what);
  return e;
}

/**
 * Refuse a Redis that may evict keys when full: it would drop queued chunks or stored results silently. Managed
 * Redis services often disable CONFIG, so the policy is read from INFO.
 */
export async function checkNoEviction(redis: Redis, address: QueueAddress): Promise<void> {
  const info = await redis.info('memory');
  const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1] ?? 'unknown';
  if (policy !== 'noeviction') {
    throw new RotorError(
      `Redis at ${address.shown} has maxmemory-policy ${policy}, which would evict queued chunks and results when memory runs short; set it to noeviction (redis-cli CONFIG SET maxmemory-policy noeviction, or maxmemory-policy noeviction in redis.conf)`,
    );
  }
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { RotorError } from '../engine/index.ts';

/**
 * The shared secret that signs what a coordinator puts in the queue. A worker runs the strategy code it is sent, so
 * without it anyone able to write to Redis could run code on every worker. It is read from a file or the
 * environment, never from the command line (where `ps` shows it to every user of the machine).
 */
export function readSecret(file: string | undefined, env = process.env.ROTOR_QUEUE_SECRET): Buffer {
  let text: string;
  if (file !== undefined) {
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new RotorError(`--secret-file ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  } else if (env !== undefined && env !== '') text = env;
  else throw new RotorError('--queue needs the shared secret that signs its jobs: --secret-file FILE, or ROTOR_QUEUE_SECRET in the environment (the same on the coordinator and every worker)');
  const secret = text.trim();
  if (secret.length < 16) throw new RotorError(`${file !== undefined ? `--secret-file ${file}` : 'ROTOR_QUEUE_SECRET'}: the secret must be at least 16 characters (e.g. openssl rand -hex 32), got ${secret.length}`);
  return Buffer.from(secret, 'utf8');
}

/** HMAC-SHA256 of a message, hex. What is signed always starts with its kind, so one signature never fits another. */
export function sign(secret: Buffer, kind: string, message: string | Buffer): string {
  return createHmac('sha256', secret).update(`rotor-queue:${kind}\n`).update(message).digest('hex');
}

export function verify(secret: Buffer, kind: string, message: string | Buffer, signature: unknown): boolean {
  if (typeof signature !== 'string' || !/^[0-9a-f]{64}$/.test(signature)) return false;
  return timingSafeEqual(Buffer.from(sign(secret, kind, message), 'hex'), Buffer.from(signature, 'hex'));
}

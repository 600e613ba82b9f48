import { strFromU8, unzipSync } from 'fflate';
import { RotorError } from '../../engine/errors.ts';

/**
 * The one CSV inside a ZIP answer (ALFRED puts one table in it, sometimes beside a README). A server that answers
 * with a web page instead (an error, a changed form) is named with the start of what it sent.
 */
export function unzipOneCsv(what: string, bytes: Uint8Array): { name: string; text: string } {
  // Every ZIP starts with a local file header, "PK\x03\x04" (or "PK\x05\x06" when empty).
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    const start = strFromU8(bytes.subarray(0, 60)).replace(/\s+/g, ' ').trim();
    throw new RotorError(`${what}: expected a ZIP archive, received ${bytes.length} bytes starting "${start}"`);
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.toLowerCase().endsWith('.csv') });
  } catch (e) {
    throw new RotorError(`${what}: unreadable ZIP archive (${(e as Error).message})`);
  }
  const names = Object.keys(files);
  if (names.length !== 1) throw new RotorError(`${what}: expected one CSV in the ZIP archive, found ${names.length}${names.length ? ` (${names.join(', ')})` : ''}`);
  return { name: names[0], text: strFromU8(files[names[0]]) };
}

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Redis } from 'ioredis';
import { unpackDataset, type Dataset } from '../datasets/index.ts';
import type { BatchPlan } from '../batch/index.ts';
import { builtInPath, ENGINE_STUB } from '../strategies/index.ts';
import { readDataset, readStrategy, sha256, type Checked, type SweepManifest } from './store.ts';

function writeAtomic(path: string, bytes: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

/**
 * The sweep's dataset on this worker: from the local cache when its bytes still hash right, else fetched from
 * Redis, checked against the manifest's hash and cached. Refused when the bytes do not unpack to the plan's data.
 */
export async function fetchDataset(redis: Redis, cacheDir: string, manifest: SweepManifest): Promise<Checked<Pick<Dataset, 'market' | 'macro' | 'identity'>>> {
  const { sha256: sha } = manifest.dataset;
  const path = join(cacheDir, 'data', `${sha}.bin`);
  let bytes: Buffer | undefined = existsSync(path) ? readFileSync(path) : undefined;
  if (!bytes || sha256(bytes) !== sha) {
    const got = await readDataset(redis, sha);
    if (!got.ok) return got;
    bytes = got.value;
    writeAtomic(path, bytes);
  }
  const dataset = unpackDataset(bytes);
  if (!dataset) return { ok: false, why: `dataset ${sha.slice(0, 12)} is not a packed dataset this rotor can read` };
  if (dataset.identity.hash !== manifest.plan.data.hash) return { ok: false, why: `dataset ${sha.slice(0, 12)} holds data ${dataset.identity.hash.slice(0, 12)}, the plan needs ${manifest.plan.data.hash.slice(0, 12)}` };
  return { ok: true, value: dataset };
}

/**
 * The plan with each strategy pointing at this machine's copy. A built-in is this rotor's own file (its hash is
 * checked when it loads). A strategy file is fetched (signed, by its sha256) into the cache, under the place it had
 * in the coordinator's rotor folder, beside a stub of rotor's engine there, so a relative import of the engine
 * resolves to this rotor's (as `import 'rotor'` does). A strategy importing other local files is refused before it is
 * queued (cli/queue-command.ts).
 */
export async function localPlan(redis: Redis, secret: Buffer, cacheDir: string, manifest: SweepManifest): Promise<Checked<BatchPlan>> {
  const strategies = [];
  for (const [k, ref] of manifest.plan.strategies.entries()) {
    const entry = manifest.strategies[k];
    if (ref.builtIn) {
      strategies.push({ ...ref, path: builtInPath(ref.ref) });
      continue;
    }
    const root = join(cacheDir, 'strategies', entry.sha256);
    const file = join(root, entry.rel ?? join('outside', entry.name));
    if (!existsSync(file) || sha256(readFileSync(file)) !== entry.sha256) {
      const got = await readStrategy(redis, secret, entry.sha256);
      if (!got.ok) return got;
      writeAtomic(file, got.value);
    }
    // `rotor` is what a strategy file's loader maps to the running engine (strategies/typescript-loader.ts); written
    // each time, so a cache left by another rotor version gets this one's.
    writeAtomic(join(root, 'engine', 'index.ts'), ENGINE_STUB);
    strategies.push({ ...ref, path: file });
  }
  return { ok: true, value: { ...manifest.plan, strategies } };
}

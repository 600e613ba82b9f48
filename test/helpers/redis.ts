import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** Debian's redis-server, started by the tests themselves on a loopback port of their own. */
export const REDIS_SERVER = process.env.ROTOR_REDIS_SERVER ?? 'redis-server';
export const HAVE_REDIS = spawnSync(REDIS_SERVER, ['--version'], { stdio: 'ignore' }).status === 0;

if (!HAVE_REDIS && process.env.CI === 'true') throw new Error(`${REDIS_SERVER} not found: CI must have it (apt-get install -y redis-server)`);
if (!HAVE_REDIS) console.warn(`[rotor tests] ${REDIS_SERVER} not found: queue tests SKIPPED; install it with apt-get install -y redis-server`);

export interface TestRedis {
  port: number;
  password: string;
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A throwaway redis-server (no persistence, a password, loopback only); stop() ends it by its pid. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const password = `test-${Math.random().toString(36).slice(2)}`;
  const child: ChildProcess = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--requirepass', password], { stdio: 'ignore' });
  for (let k = 0; k < 100; k++) {
    const r = spawnSync('redis-cli', ['-p', String(port), '-a', password, '--no-auth-warning', 'ping'], { encoding: 'utf8' });
    if (r.stdout?.trim() === 'PONG') break;
    await sleep(50);
  }
  return {
    port,
    password,
    url: `redis://:${password}@127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

#!/usr/bin/env node
/**
 * Fingerprints of what rotor writes, to check that a speed change altered no result: runs the demo, several
 * built-ins (on the sample and on real data when there) and a small sweep through the built CLI, and writes the
 * sha256 of every result file (equity, trades, decisions, metrics, round trips, trial rows) to a JSON file. Run it
 * before and after a change and compare:
 *
 *   node scripts/snapshot-runs.mjs OUT.json [--data DIR]      write fingerprints
 *   node scripts/snapshot-runs.mjs --compare A.json B.json    list what differs (exit 1 if anything does)
 *
 * Nothing it writes goes into the repository; the fingerprints of real data stay wherever OUT.json is put.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../cli/bin.js', import.meta.url));
const RESULT_FILES = /(equity|trades|decisions|round-trips|trials|curves)\.(csv|jsonl)$|metrics\.json$|positions\.csv$/;

function digestFolder(dir) {
  const out = {};
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (RESULT_FILES.test(name)) {
        let text = readFileSync(p, 'utf8');
        // Timings and paths differ from run to run; results do not.
        if (name.endsWith('.json') || name.endsWith('.jsonl')) text = text.replace(/"(seconds|trialsPerSecond|maxRssMb|startedAt|finishedAt|elapsed[A-Za-z]*|out|dir|path)":\s*("[^"]*"|[0-9.e+-]+)/g, '"$1":_');
        out[relative(dir, p)] = createHash('sha256').update(text).digest('hex').slice(0, 16);
      }
    }
  };
  walk(dir);
  return out;
}

function rotor(args) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`rotor ${args.join(' ')} failed: ${r.stderr}`);
}

function snapshot(outFile, data) {
  const cases = [
    ['demo', ['demo', '--no-html']],
    ['sample/buy-and-hold', ['run', 'buy-and-hold', '--no-html']],
    ['sample/small-cap-streak', ['run', 'small-cap-streak', '--no-html']],
    ['sample/dual-momentum', ['run', 'dual-momentum', '--no-html', '--benchmark', 'SPY']],
    ['sample/sweep-streak', ['sweep', 'small-cap-streak', '--grid', 'days=2..4', '--grid', 'holdDays=5..7', '--workers', '1', '--keep', 'best', '--quiet']],
  ];
  if (data && existsSync(data)) {
    for (const s of ['small-cap-streak', 'dual-momentum', 'sector-rotation', 'relative-momentum', 'trend-rotation', 'inverse-vol-sectors', 'ubs-four-conditions']) {
      cases.push([`data/${s}`, ['run', s, '--data', data, '--no-html', '--benchmark', 'SPY']]);
    }
    cases.push(['data/streak-cash-rate', ['run', 'small-cap-streak', '--data', data, '--no-html', '--risk-free', 'BIL', '--cash-rate', '0.02']]);
    cases.push(['data/sweep-streak', ['sweep', 'small-cap-streak', '--data', data, '--grid', 'days=2..5', '--grid', 'holdDays=5..14', '--workers', '2', '--keep', 'best', '--quiet']]);
  }
  const all = {};
  for (const [name, args] of cases) {
    const dir = mkdtempSync(join(tmpdir(), 'rotor-snapshot-'));
    rotor([...args, '--out', dir]);
    all[name] = digestFolder(dir);
    rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`  ${name}: ${Object.keys(all[name]).length} files\n`);
  }
  writeFileSync(outFile, JSON.stringify(all, null, 1) + '\n');
}

function compare(a, b) {
  const A = JSON.parse(readFileSync(a, 'utf8'));
  const B = JSON.parse(readFileSync(b, 'utf8'));
  let diffs = 0;
  for (const name of new Set([...Object.keys(A), ...Object.keys(B)])) {
    for (const f of new Set([...Object.keys(A[name] ?? {}), ...Object.keys(B[name] ?? {})])) {
      if (A[name]?.[f] !== B[name]?.[f]) {
        console.log(`differs: ${name} ${f}`);
        diffs++;
      }
    }
  }
  console.log(diffs ? `${diffs} file(s) differ` : 'identical');
  process.exit(diffs ? 1 : 0);
}

const argv = process.argv.slice(2);
if (argv[0] === '--compare') compare(argv[1], argv[2]);
else {
  const i = argv.indexOf('--data');
  snapshot(argv[0], i >= 0 ? argv[i + 1] : undefined);
}

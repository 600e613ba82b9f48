import { resolve } from 'node:path';
import { parseMacroLagFlags } from '../datasets/index.ts';
import { parseNullSpec } from '../runs/index.ts';
import { parseParamFlags, runJob } from './run-job.ts';
import { settingsFromFlags, type RunFlags } from './settings-flags.ts';
import { summaryLines } from './summary.ts';

/** What `rotor run` reads of its parsed arguments, from yargs or from the fast reader of run-argv.ts. */
export type RunCommandFlags = RunFlags & {
  strategy: string;
  out?: string;
  macroLag?: (string | number)[];
  macroVintage: 'first' | 'latest';
  html: boolean;
  null?: string;
  nullSeed: number;
};

/** `rotor run`: one backtest, its summary lines and the files it wrote. */
export async function runCommand(flags: RunCommandFlags): Promise<void> {
  const name = flags.strategy.replace(/^.*[\\/]/, '').replace(/\.[cm]?[jt]s$/, '');
  const job = await runJob({
    strategy: flags.strategy,
    data: flags.data,
    params: parseParamFlags(flags.param?.map(String)),
    settings: settingsFromFlags(flags),
    out: flags.out ?? resolve('rotor-out', name),
    macroLags: parseMacroLagFlags(flags.macroLag?.map(String)),
    vintage: flags.macroVintage,
    html: flags.html,
    ...(flags.null !== undefined ? { null: parseNullSpec(String(flags.null), flags.nullSeed) } : {}),
  });
  for (const line of summaryLines(job)) console.log(line);
  if (job.nullModel) {
    const nm = job.nullModel;
    const p = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
    console.log(`  null random-timing:${nm.n} (seed ${nm.seed}, ${nm.switches} switches, exposure ${(nm.exposure * 100).toFixed(1)}%): total return at the ${p(nm.totalReturn.percentile)} percentile, Sharpe at the ${p(nm.sharpe.percentile)}`);
  }
  console.log(`  wrote ${job.files.join(', ')}`);
}

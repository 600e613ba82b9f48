/** Process CPU time so far (user + system), ms: waiting for a core on a loaded machine does not count. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
}

/**
 * Calls per CPU second of each case, best batch of several: the cases run in turn, one ~50 ms batch each per round,
 * until each has had `seconds` of time, so that a noisy machine slows them alike and the ratios between them hold.
 * Each case returns a number, checked to stay the same from call to call (a determinism check, and it keeps the
 * work from being optimised away).
 */
export function bestRate(cases: readonly (() => number)[], seconds: number, batchMs = 50): number[] {
  const best = cases.map(() => 0);
  const spent = cases.map(() => 0);
  const expect = cases.map((c) => c()); // warm-up, and the value every later call must return
  for (let round = 0; round < 3 || spent.some((s) => s < seconds * 1e3); round++) {
    cases.forEach((c, i) => {
      let calls = 0;
      const t0 = cpuMs();
      let t = t0;
      while (t - t0 < batchMs) {
        const v = c();
        if (!Object.is(v, expect[i])) throw new Error(`bench case ${i} is not deterministic: ${v} vs ${expect[i]}`);
        calls++;
        t = cpuMs();
      }
      spent[i] += t - t0;
      best[i] = Math.max(best[i], (calls / (t - t0)) * 1e3);
    });
  }
  return best;
}

/** `3.2× slower than` / `1.0× of`: how far a figure is from its bare-loop ceiling. */
export function formatRatio(ceiling: number, rate: number): string {
  return `${(ceiling / rate).toFixed(1).padStart(5)}× slower than`;
}

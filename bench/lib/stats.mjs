// Small helpers: medians, rounding, a fresh-process timer.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

export const round = (x, digits = 1) => (typeof x === 'number' && Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);

const CHILD = fileURLToPath(new URL('./require-child.cjs', import.meta.url));

/** Median time of require(file) over `n` fresh Node processes (stub `vscode`). */
export function requireTime(file, n, mode = 'warm') {
  const samples = [];
  const cpu = [];
  let loaded = [];
  for (let i = 0; i < n; i++) {
    const r = spawnSync(process.execPath, [CHILD, file, mode], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`require(${file}) failed in a child process:\n${r.stderr.slice(-2000)}`);
    const out = JSON.parse(r.stdout.trim().split('\n').pop());
    samples.push(out.ms);
    cpu.push(out.cpuMs);
    loaded = out.loaded;
  }
  return { medianMs: round(median(samples), 2), cpuMedianMs: round(median(cpu), 2), samples: samples.map((s) => round(s, 2)), loaded };
}

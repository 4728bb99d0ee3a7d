// @ts-check
// Small helpers: medians, rounding, a fresh-process timer.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The median of the finite numbers among `xs` (undefined when there is none).
 * @param {readonly unknown[]} xs
 * @returns {number | undefined}
 */
export const median = (xs) => {
  const v = xs.flatMap((x) => (typeof x === 'number' && Number.isFinite(x) ? [x] : [])).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const mid = Math.floor(v.length / 2);
  const upper = /** @type {number} */ (v[mid]);
  return v.length % 2 ? upper : (/** @type {number} */ (v[mid - 1]) + upper) / 2;
};

/**
 * @overload
 * @param {number} x
 * @param {number} [digits]
 * @returns {number}
 */
/**
 * @overload
 * @param {number | undefined} x
 * @param {number} [digits]
 * @returns {number | undefined}
 */
/**
 * `x` rounded to `digits` decimals; anything but a finite number as it is.
 * @param {number | undefined} x
 * @param {number} [digits]
 * @returns {number | undefined}
 */
export function round(x, digits = 1) {
  return (typeof x === 'number' && Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);
}

const CHILD = fileURLToPath(new URL('./require-child.cjs', import.meta.url));

/**
 * Median time of require(file) over `n` fresh Node processes (stub `vscode`).
 * @param {string} file
 * @param {number} n
 * @param {'warm' | 'cold'} [mode]
 */
export function requireTime(file, n, mode = 'warm') {
  const samples = [];
  const cpu = [];
  /** @type {string[]} */
  let loaded = [];
  for (let i = 0; i < n; i++) {
    const r = spawnSync(process.execPath, [CHILD, file, mode], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`require(${file}) failed in a child process:\n${r.stderr.slice(-2000)}`);
    const out = /** @type {{ ms: number, cpuMs: number, loaded: string[] }} */ (JSON.parse(r.stdout.trim().split('\n').pop() ?? ''));
    samples.push(out.ms);
    cpu.push(out.cpuMs);
    loaded = out.loaded;
  }
  return { medianMs: round(median(samples), 2), cpuMedianMs: round(median(cpu), 2), samples: samples.map((s) => round(s, 2)), loaded };
}

#!/usr/bin/env node
// @ts-check
// npm run bench: measures bundle/package size, activation, tree latency and memory, API call counts and form
// latency in one run, checks the budgets of issue 6, prints a table and writes bench/results.json.
// Exit code 1 when a budget is missed (2 when the benchmark itself failed).
//
//   node bench/run.mjs [--reps N] [--skip-vscode] [--keep]
//     --reps N        repetitions of the in-VS-Code activation measurement (default 9, a multiple of the 3 extensions that take turns going first; each is a fresh window)
//     --skip-vscode   only the build, package and require() parts (no code-server)
//     --keep          keep the temp folder (snapshot, VSIX, code-server logs)
//     --only activation|session|groups   only that part of the in-VS-Code measurements
//     --root DIR      measure another checkout (a copy with a proposed change, for an A/B comparison)
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildProduction, packageVsix, snapshot } from './lib/build.mjs';
import { requireTime, round } from './lib/stats.mjs';

/**
 * What bench/results.json holds. A part that did not run (or failed before it was measured) is missing.
 * @typedef {import('./types.js').VsCodeResult} VsCodeResult
 * @typedef {ReturnType<typeof requireTime>} RequireTiming
 * @typedef {ReturnType<typeof buildProduction> & { vsix: ReturnType<typeof packageVsix> }} BundleResult
 * @typedef {{
 *   runs: number, extension: RequireTiming, hello: RequireTiming, extensionCold: RequireTiming,
 *   coreChunk: RequireTiming | undefined, deferredChunk: RequireTiming, apiChunk: RequireTiming,
 *   breakdown?: import('./lib/breakdown.mjs').BreakdownRow[],
 * }} RequireResult
 * @typedef {{ name: string, measured: number | undefined, limit: number, unit: string, pass: boolean }} BudgetCheck
 * @typedef {{
 *   date: string,
 *   machine?: { cpus: number, loadavg: number[], node: string },
 *   bundle?: BundleResult,
 *   require?: RequireResult,
 *   vscode?: VsCodeResult,
 *   budgets: BudgetCheck[],
 *   error?: string,
 *   totalSeconds?: number,
 * }} Results
 */

const BENCH = dirname(fileURLToPath(import.meta.url));
const HELLO = join(BENCH, 'fixtures', 'hello');

const { values: opts } = parseArgs({
  options: {
    root: { type: 'string' },
    reps: { type: 'string', default: '9' },
    'skip-vscode': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const REPS = Math.max(1, Number(opts.reps) || 9);
const ONLY = opts.only === 'activation' || opts.only === 'session' || opts.only === 'groups' ? opts.only : undefined;
if (opts.only !== undefined && ONLY === undefined) {
  console.error(`[bench] --only takes activation, session or groups, not ${JSON.stringify(opts.only)}`);
  process.exit(2);
}
/** The tree measured: this checkout, or another one (`--root`, e.g. a copy with a proposed change, for an A/B run). */
const ROOT = resolve(opts.root ?? join(BENCH, '..'));

const BUDGET = {
  extensionKb: 160,
  vsixMb: 1.5,
  vsixFiles: 40,
  activationRatio: 1.5,
  firstPageSlackMs: 50,
  sessionCalls: 20,
  reopenCalls: 0,
  formMs: 300,
  formFloorRatio: 1.5,
  memoryMb: 30,
  /** Ext-host heap growth with a plan of 1,000 groups against 10,000 shown, and with its prune plan (9,000 deletes) shown (the tree's figure for 10,000 groups). */
  groupsPlanMemoryMb: 30,
};

/** @param {string} msg */
const log = (msg) => console.log(`[bench] ${msg}`);
const t0 = Date.now();
const work = mkdtempSync(join(tmpdir(), 'dataworks-bench-'));
const stage = join(work, 'ext');
/** @type {Results} */
const results = { date: new Date().toISOString(), machine: undefined, bundle: undefined, require: undefined, vscode: undefined, budgets: [] };
const budgets = results.budgets;
/**
 * Records one budget check.
 * @param {string} name
 * @param {number | undefined} measured
 * @param {number} limit
 * @param {boolean} pass
 */
function check(name, measured, limit, pass, unit = '') {
  budgets.push({ name, measured, limit, unit, pass: Boolean(pass) });
}

async function main() {
  const os = await import('node:os');
  results.machine = { cpus: os.cpus().length, loadavg: os.loadavg().map((x) => round(x, 2)), node: process.version };

  // 1. Bundle and package ----------------------------------------------------------------------------------------
  log(`snapshot of the working tree in ${stage}`);
  snapshot(ROOT, stage);
  const b = buildProduction(stage);
  log(`production build (${b.buildMs} ms)`);
  const vsix = packageVsix(stage, join(work, 'dataworks-vscode.vsix'));
  log(`VSIX packaged (${vsix.packageMs} ms)`);
  results.bundle = { ...b, vsix };
  check('dist/extension.js (minified)', b.extension.kb, BUDGET.extensionKb, b.extension.kb <= BUDGET.extensionKb, 'KB');
  check('@alicloud/* modules in dist/extension.js', b.alicloudInExtension.length, 0, b.alicloudInExtension.length === 0);
  check('VSIX size', vsix.mb, BUDGET.vsixMb, vsix.mb <= BUDGET.vsixMb, 'MB');
  check('VSIX files', vsix.files, BUDGET.vsixFiles, vsix.files <= BUDGET.vsixFiles);

  // 2a. require() in a fresh Node (stub vscode), ours vs hello world -----------------------------------------------
  const n = 15;
  const ours = requireTime(join(stage, 'dist', 'extension.js'), n);
  const hello = requireTime(join(HELLO, 'extension.js'), n);
  const oursCold = requireTime(join(stage, 'dist', 'extension.js'), n, 'cold');
  const coreChunk = existsSync(join(stage, 'dist', 'core.js')) ? requireTime(join(stage, 'dist', 'core.js'), n) : undefined;
  const deferredChunk = requireTime(join(stage, 'dist', 'deferred.js'), n);
  const apiChunk = requireTime(join(stage, 'dist', 'api.js'), n);
  /** @type {RequireResult} */
  const req = { runs: n, extension: ours, hello, extensionCold: oursCold, coreChunk, deferredChunk, apiChunk };
  results.require = req;
  const sdkLoaded = ours.loaded.filter((f) => /[\\/]dist[\\/]api\.js$|@alicloud/.test(f));
  check('modules loaded by require(dist/extension.js) from @alicloud/* or dist/api.js', sdkLoaded.length, 0, sdkLoaded.length === 0);
  log(`require(): extension ${ours.medianMs} ms, hello ${hello.medianMs} ms, api chunk ${apiChunk.medianMs} ms`);
  const { loadBreakdown } = await import('./lib/breakdown.mjs');
  req.breakdown = await loadBreakdown(ROOT, stage, work, 9);

  // 2b–5. In a real VS Code ------------------------------------------------------------------------------------------
  if (!opts['skip-vscode']) {
    const { runInVsCode, stopAll } = await import('./lib/vscode.mjs');
    stopVsCode = stopAll;
    const v = await runInVsCode({ root: ROOT, stage, hello: HELLO, work, reps: REPS, log, only: ONLY });
    results.vscode = v;
    addVsCodeChecks(v);
    for (const e of v.errors ?? []) console.error(`[bench] ${e}`);
    if (v.errors.length) benchError = `${v.errors.length} part(s) of the VS Code measurements failed`;
  }
}

/** @param {VsCodeResult} v */
function addVsCodeChecks(v) {
  if (v.activation) {
    const a = v.activation;
    check('activation (ext.activate(), end to end, wall, ratio of medians) vs hello world', round(a.ratio, 2), BUDGET.activationRatio, a.ratio <= BUDGET.activationRatio, '×');
    check('network calls during activation', a.networkCalls, 0, a.networkCalls === 0);
    check('dist/core.js, dist/deferred.js, dist/api.js or @alicloud/* loaded by activation', a.sdkLoadedAtActivation.length, 0, a.sdkLoadedAtActivation.length === 0);
  }
  if (v.tree) {
    // The budget is the tree's own cost on top of the round trip, first of all on the first expansion of a window:
    // dist/deferred.js and dist/api.js are loaded by then, in the background once the view was shown.
    for (const row of v.tree.firstPage) {
      const limit = round(row.roundTripMs + BUDGET.firstPageSlackMs, 1);
      check(`first 100 user groups, ${row.latencyMs} ms latency (${row.kind})`, round(row.medianMs, 1), limit, row.medianMs <= limit, 'ms');
    }
    if (v.tree.memory) check('ext-host memory growth, 10,000 groups loaded (heapUsed)', v.tree.memory.heapGrowthMb, BUDGET.memoryMb, v.tree.memory.heapGrowthMb < BUDGET.memoryMb, 'MB');
  }
  if (v.session) {
    check('API calls, scripted session', v.session.total, BUDGET.sessionCalls, v.session.total <= BUDGET.sessionCalls);
    check('API calls, reopening the view (cache)', v.session.reopen, BUDGET.reopenCalls, v.session.reopen === BUDGET.reopenCalls);
  }
  if (v.groups) addGroupsChecks(v.groups);
  if (v.forms) {
    // Where VS Code alone needs more than two thirds of the 300 ms to show a scripted webview (code-server on a
    // busy 2-core machine: 300-550 ms), no form can meet 300 ms; there the form is held to 1.5x that floor, the
    // same rule as activation. The floor is the hello world's webview doing the same ready -> init handshake.
    const floor = v.forms.find((x) => x.form === 'hello-scripted')?.medianMs;
    const limit = floor === undefined ? BUDGET.formMs : round(Math.max(BUDGET.formMs, floor * BUDGET.formFloorRatio), 0);
    const why = floor === undefined || limit === BUDGET.formMs ? '' : `, 1.5× the platform's ${round(floor, 0)} ms`;
    for (const f of v.forms.filter((x) => !x.form.startsWith('hello'))) check(`form interactive: ${f.form} (limit 300 ms${why})`, round(f.medianMs, 0), limit, f.medianMs <= limit, 'ms');
  }
}

/**
 * The issue's budget for groups as code: list pages + one call per batch, nothing per unchanged group; the apply's
 * read-back after each batch costs what the batch wrote. Each limit is computed from the tenant and the file
 * (bench/lib/groups.mjs), not from what the engine did.
 * @param {import('./types.js').GroupsSummary} g
 */
function addGroupsChecks(g) {
  const { scenario: sc, window: w } = g;
  /** @param {import('./types.js').CallDiff} c @param {string} action */
  const n = (c, action) => c.byAction[action] ?? 0;
  /** @param {import('./types.js').CallDiff} c @param {readonly string[]} allowed */
  const others = (c, allowed) => Object.entries(c.byAction).filter(([a]) => !allowed.includes(a)).reduce((s, [, k]) => s + k, 0);
  const reads = ['DsgUserGroupQueryList', 'ListProjects'];
  const label = `${sc.fileGroups} groups vs ${sc.tenant}`;
  for (const [name, step, pages] of /** @type {const} */ ([['plan', w.plan, sc.plan], ['plan again after the apply', w.replan, sc.replan], ['plan with prune', w.prunePlan, sc.replan]])) {
    check(`groups ${name} (${label}): API calls ≤ list pages`, step.calls.total, pages.total, step.calls.total <= pages.total && others(step.calls, reads) === 0);
  }
  check(`groups plan at the default rate (${label}): API calls ≤ list pages`, w.planDefaultRate.calls.total, sc.plan.total, w.planDefaultRate.calls.total <= sc.plan.total && others(w.planDefaultRate.calls, reads) === 0);
  const a = w.apply.calls;
  check(`groups apply (${label}): DsgUserGroupAddOrUpdate = one per batch`, n(a, 'DsgUserGroupAddOrUpdate'), sc.apply.batches, n(a, 'DsgUserGroupAddOrUpdate') === sc.apply.batches);
  check(`groups apply (${label}): API calls ≤ stale check + batches + read-back of the written groups, none per unchanged group`, a.total, sc.apply.total, a.total <= sc.apply.total && others(a, ['DsgUserGroupQueryList', 'DsgUserGroupAddOrUpdate']) === 0);
  check('groups apply: the tenant holds every file group once, as the file says', g.problems.length, 0, g.problems.length === 0);
  const steps = [w.planDefaultRate, w.plan, w.apply, w.replan, w.prunePlan];
  const failures = steps.reduce((s, x) => s + x.errors.length, 0);
  check('groups plan and apply: failures logged by the extension', failures, 0, failures === 0);
  const growth = round((w.plan.memory.heapUsed - w.baseline.heapUsed) / 1048576, 1);
  check(`groups plan shown (${label}): ext-host heap growth`, growth, BUDGET.groupsPlanMemoryMb, growth < BUDGET.groupsPlanMemoryMb, 'MB');
  const pruneGrowth = round((w.prunePlan.memory.heapUsed - w.baseline.heapUsed) / 1048576, 1);
  check(`groups plan with prune shown (${sc.counts.pruneDelete} deletes): ext-host heap growth`, pruneGrowth, BUDGET.groupsPlanMemoryMb, pruneGrowth < BUDGET.groupsPlanMemoryMb, 'MB');
}

function printTable() {
  const r = results;
  /** @type {string[]} */
  const lines = [];
  /** @param {string} k @param {string} v */
  const row = (k, v) => lines.push(`  ${k.padEnd(58)} ${v}`);
  const bundle = r.bundle;
  if (bundle) {
    lines.push('', 'Bundle and package (production build)');
    row('dist/extension.js', `${bundle.extension.kb} KB (${bundle.extension.gzipKb} KB gzip)`);
    row('  largest parts', bundle.extension.top.map((t) => `${t.pkg} ${t.kb}`).join(', '));
    if (bundle.core) row('dist/core.js (explorer, commands; first tree question or command)', `${bundle.core.kb} KB (${bundle.core.gzipKb} KB gzip)`);
    if (bundle.deferred) row('dist/deferred.js (API layer, form hosts; first call or form)', `${bundle.deferred.kb} KB (${bundle.deferred.gzipKb} KB gzip)`);
    if (bundle.api) row('dist/api.js (Alibaba Cloud SDK; first API call)', `${bundle.api.kb} KB (${bundle.api.gzipKb} KB gzip)`);
    for (const w of bundle.webviews) {
      row(`dist/webview/${w.name}`, `${w.kb} KB (${w.gzipKb} KB gzip)`);
      row('  largest parts', w.top.map((t) => `${t.pkg} ${t.kb}`).join(', '));
    }
    row('VSIX', `${bundle.vsix.mb} MB (${bundle.vsix.kb} KB), ${bundle.vsix.files} files`);
    row('@alicloud/* inputs in dist/extension.js', String(bundle.alicloudInExtension.length));
  }
  const req = r.require;
  if (req) {
    lines.push('', `require() in a fresh Node process, median of ${req.runs} (stub vscode, built-ins preloaded)`);
    row('dist/extension.js', `${req.extension.medianMs} ms, CPU ${req.extension.cpuMedianMs} ms (cold: ${req.extensionCold.medianMs} ms)`);
    row('hello world extension.js', `${req.hello.medianMs} ms, CPU ${req.hello.cpuMedianMs} ms`);
    if (req.coreChunk) row('dist/core.js (first tree question or command)', `${req.coreChunk.medianMs} ms, CPU ${req.coreChunk.cpuMedianMs} ms`);
    row('dist/deferred.js (first API call or form)', `${req.deferredChunk.medianMs} ms, CPU ${req.deferredChunk.cpuMedianMs} ms`);
    row('dist/api.js (first API call)', `${req.apiChunk.medianMs} ms, CPU ${req.apiChunk.cpuMedianMs} ms`);
    for (const b of req.breakdown ?? []) row(`  part: ${b.name}`, 'error' in b ? `build failed: ${b.error}` : `${b.kb} KB, ${b.medianMs} ms, CPU ${b.cpuMedianMs} ms (${b.vscodeRequires} × require("vscode"))`);
  }
  const v = r.vscode;
  if (v?.activation) {
    const a = v.activation;
    lines.push('', `Activation in code-server ${v.codeServer ?? ''}, median of ${a.reps} fresh windows`);
    row('ours: code loading / activate() / ext.activate() end to end, wall', `${a.ours.codeLoadingMs} / ${a.ours.activateCallMs} / ${a.ours.totalMs} ms`);
    row('hello: code loading / activate() / ext.activate() end to end, wall', `${a.hello.codeLoadingMs} / ${a.hello.activateCallMs} / ${a.hello.totalMs} ms`);
    row('ours: the same in ext-host CPU time', `${a.ours.codeLoadingCpuMs} / ${a.ours.activateCallCpuMs} / ${a.ours.totalCpuMs} ms`);
    row('hello: the same in ext-host CPU time', `${a.hello.codeLoadingCpuMs} / ${a.hello.activateCallCpuMs} / ${a.hello.totalCpuMs} ms`);
    row('ratio ours/hello, end to end, CPU (ratio of medians)', `${round(a.cpuRatio, 2)}× (single windows: ${a.ratios.join(', ')})`);
    row('ratio ours/hello, end to end, wall (ratio of medians)', `${round(a.wallRatio, 2)}× (single windows: ${a.wallRatios.join(', ')})`);
    if (a.floor) {
      row('floor (our registrations, none of our code): load / activate() / end to end, wall', `${a.floor.codeLoadingMs} / ${a.floor.activateCallMs} / ${a.floor.totalMs} ms (CPU ${a.floor.totalCpuMs} ms)`);
      row('ratio floor/hello, end to end, wall / CPU (ratio of medians)', `${round(a.floorRatio, 2)}× / ${round(a.floorCpuRatio, 2)}×`);
      row('ratio ours/floor (what our own code adds), wall / CPU', `${round(a.ours.totalMs / a.floor.totalMs, 2)}× / ${round(a.ours.totalCpuMs / a.floor.totalCpuMs, 2)}×`);
    }
    row('VS Code\'s "Activation" (load + activate call), ours vs hello, wall', `${round(a.ours.codeLoadingMs + a.ours.activateCallMs, 1)} vs ${round(a.hello.codeLoadingMs + a.hello.activateCallMs, 1)} ms`);
    row('network calls during activation (hooks + emulator)', `${a.networkCalls} (emulator: ${a.emulatorCalls})`);
    if (a.coreLoadMs !== undefined) {
      row('after activation: first tree question loads dist/core.js, wall / CPU', `${a.coreLoadMs} / ${a.coreLoadCpuMs} ms`);
      row('after activation: root rows of the tree', `${a.rootRowsMs} ms`);
      row('ext.activate() to the root rows, end to end (view open)', `${a.untilRootRowsMs} ms`);
    }
  }
  if (v?.tree) {
    lines.push('', 'Tree (emulator seed "large", 10,000 user groups)');
    for (const f of v.tree.firstPage) row(`first 100 user groups, ${f.latencyMs} ms latency, ${f.kind}`, `${round(f.medianMs, 1)} ms (round trip ${round(f.roundTripMs, 1)} ms${f.apiCallMs === undefined ? '' : `, API layer call ${round(f.apiCallMs, 1)} ms`}, n=${f.samples.length})`);
    if (v.tree.apiChunkLoadMs !== undefined) row('  before it: require(dist/api.js) in the ext host, in the background', `${round(v.tree.apiChunkLoadMs, 1)} ms (median)`);
    if (v.tree.preloadMs !== undefined) row('  view shown → API code loaded (windows where it was, of all)', `${round(v.tree.preloadMs, 1)} ms (median; ${v.tree.preloadedWindows} of ${v.tree.firstPage[0]?.samples.length})`);
    if (v.tree.loadAll) row('"Load all" to 10,000 groups', `${round(v.tree.loadAll.ms / 1000, 2)} s, ${v.tree.loadAll.calls} calls, ${v.tree.loadAll.items} items`);
    if (v.tree.memory) {
      const m = v.tree.memory;
      row('ext-host memory growth with 10,000 groups (from activation)', `heapUsed +${m.heapGrowthMb} MB, rss +${m.rssGrowthMb} MB`);
      row('  of which after the first page (API chunk, client, 100 groups)', `heapUsed +${round((m.firstPage.heapUsed - m.afterActivation.heapUsed) / 1048576, 1)} MB`);
      row('  of which the other 9,900 groups', `heapUsed +${m.heapGrowthFromFirstPageMb} MB`);
    }
  }
  if (v?.session) {
    lines.push('', 'API calls, scripted session (emulator seed "demo")');
    for (const [step, calls] of Object.entries(v.session.steps)) row(step, `${calls.total} ${calls.total ? JSON.stringify(calls.byAction) : ''}`);
    row('total', String(v.session.total));
    row('served from cache (no call)', v.session.fromCache.join(', ') || '-');
  }
  if (v?.groups) printGroups(v.groups, row, lines);
  if (v?.forms) {
    lines.push('', 'Forms: command → first input enabled in the webview');
    for (const f of v.forms) {
      row(f.form, `${round(f.medianMs, 0)} ms median after the first; first ${round(f.firstMs, 0)} ms (all: ${f.samples.map((s) => round(s, 0)).join(', ')})`);
      row('  until the webview document exists / inside the document', `${round(f.beforePageMedianMs, 0)} / ${round(f.inPageMedianMs, 0)} ms`);
    }
    const floor = v.forms.find((f) => f.form === 'hello-scripted');
    for (const f of v.forms.filter((x) => !x.form.startsWith('hello')))
      if (floor) row(`${f.form} minus the hello-scripted floor`, `${round(f.medianMs - floor.medianMs, 0)} ms (inside the document: ${round(f.inPageMedianMs - floor.inPageMedianMs, 0)} ms)`);
  }
  lines.push('', 'Budgets');
  for (const c of budgets) row(`${c.pass ? 'PASS' : 'FAIL'} ${c.name}`, `${c.measured}${c.unit} (limit ${c.limit}${c.unit})`);
  lines.push('', `${budgets.filter((c) => !c.pass).length} of ${budgets.length} budgets missed; ${((Date.now() - t0) / 1000).toFixed(0)} s in total`);
  console.log(lines.join('\n'));
}

/**
 * @param {import('./types.js').GroupsSummary} g
 * @param {(k: string, v: string) => void} row
 * @param {string[]} lines
 */
function printGroups(g, row, lines) {
  const { scenario: sc, window: w } = g;
  /** @param {number} bytes */
  const mb = (bytes) => round(bytes / 1048576, 1);
  /** @param {import('./types.js').CallDiff} c */
  const calls = (c) => `${c.total} ${c.total ? JSON.stringify(c.byAction) : ''}`;
  /** @param {import('./types.js').GroupsStep} s */
  const took = (s) => `${round(s.ms / 1000, 2)} s (ext-host CPU ${round(s.cpuMs / 1000, 2)} s)`;
  const c = sc.counts;
  lines.push('', `User groups as code: a file of ${sc.fileGroups} groups (${c.unchanged} unchanged, ${c.update} updates, ${c.create} creates) vs a tenant of ${sc.tenant} (emulator seed "large"), in the extension host`);
  row('expected list pages of a plan', `${sc.plan.total}: unfiltered ${sc.plan.all}, type filters ${sc.plan.typeFilters}, probe ${sc.plan.probe}, candidate projects ≤ ${sc.plan.candidates}, ListProjects ≤ ${sc.plan.listProjects}`);
  row('opening the file (diagnostics), calls', calls(w.opened));
  row(`time to the plan, default limiter (${w.defaultRate} calls/s)`, took(w.planDefaultRate));
  row('  calls', calls(w.planDefaultRate.calls));
  row(`time to the plan, limiter lifted (${w.liftedRate}/s)`, took(w.plan));
  row('  calls', calls(w.plan.calls));
  row('  ext-host heap: after (GC) / peak, growth from the baseline', `+${mb(w.plan.memory.heapUsed - w.baseline.heapUsed)} MB / +${mb(w.plan.peakHeapUsed - w.baseline.heapUsed)} MB (baseline ${mb(w.baseline.heapUsed)} MB)`);
  row(`apply (${sc.apply.batches} batches), limiter lifted`, took(w.apply));
  row('  calls', calls(w.apply.calls));
  row('  budget', `stale check ${sc.apply.staleCheck} (list pages) + batches ${sc.apply.batches} + read-back after each batch ${sc.apply.readBack} (a Name lookup per written group, or the list when fewer pages) = ${sc.apply.total}`);
  row('  at the default limiter, the calls alone take at least', `${round(w.apply.calls.total / w.defaultRate, 0)} s`);
  row('plan again after the apply (all unchanged)', `${took(w.replan)}; calls ${calls(w.replan.calls)}`);
  row(`plan with prune (${c.pruneDelete} deletes in ${sc.pruneBatches} requests; not applied)`, `${took(w.prunePlan)}; calls ${calls(w.prunePlan.calls)}`);
  row('  ext-host heap growth, prune plan shown (GC) / peak', `+${mb(w.prunePlan.memory.heapUsed - w.baseline.heapUsed)} MB / +${mb(w.prunePlan.peakHeapUsed - w.baseline.heapUsed)} MB`);
  row('tenant after the apply', g.problems.length ? `${g.problems.length} problem(s): ${g.problems.slice(0, 3).join('; ')}` : 'every file group once, as the file says');
  for (const s of [w.planDefaultRate, w.plan, w.apply, w.replan, w.prunePlan]) for (const e of s.errors) row('  logged failure', e);
}

/** @param {unknown} err */
const message = (err) => (err instanceof Error ? err.message : String(err));

let exitCode = 0;
/** @type {string | undefined} */
let benchError;
/** @type {() => Promise<void>} */
let stopVsCode = async () => {};
try {
  await main();
  if (benchError) {
    results.error = benchError;
    exitCode = 2;
  }
} catch (err) {
  console.error(`[bench] FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  results.error = message(err);
  exitCode = 2;
}
await stopVsCode().catch((err) => console.error(`[bench] cleanup: ${message(err)}`));
results.totalSeconds = round((Date.now() - t0) / 1000, 1);
// The VSIX's file list stays out of the file (its count is there).
writeFileSync(join(BENCH, 'results.json'), JSON.stringify(results, (k, /** @type {unknown} */ v) => (k === 'list' ? undefined : v), 2) + '\n');
try {
  printTable();
} catch (err) {
  console.error(`[bench] could not print the table: ${message(err)}`);
}
log(`results written to ${join(BENCH, 'results.json')}`);
if (opts.keep) log(`kept ${work}`);
else {
  try {
    rmSync(work, { recursive: true, force: true, maxRetries: 3, retryDelay: 500 });
  } catch (err) {
    log(`could not remove ${work}: ${message(err)}`);
  }
}
if (exitCode === 0 && budgets.some((c) => !c.pass)) exitCode = 1;
process.exit(exitCode);

// @ts-check
// The benchmark's user-groups-as-code task, in the extension host (loaded by index.cjs): plans and applies the
// groups file that bench/lib/groups.mjs wrote, through the extension's own commands (DataWorks: Plan, Apply), as a
// user would; the emulator's counts give the calls per action, the extension host's heap the memory.
//   1. the file opened (its diagnostics may look up accounts: counted apart)
//   2. Plan at the default rate limit (dataworks.requestsPerSecond 4: what a user waits for)
//   3. Plan with the limiter lifted (our code, the API layer and the emulator; the peak heap sampled meanwhile)
//   4. Apply that plan
//   5. Plan again: every group of the file now unchanged, the same list pages
//   6. Plan the prune: true twin: the same reads, and a plan that deletes the 9,000 groups the file does not name
//      (not applied: a plan with deletes asks in a modal dialog, which VS Code refuses in test windows)
'use strict';
/**
 * @typedef {import('../types.js').GroupsTask} GroupsTask
 * @typedef {import('../types.js').BenchConfig} BenchConfig
 * @typedef {import('../types.js').GroupsWindow} GroupsWindow
 * @typedef {import('../types.js').GroupsStep} GroupsStep
 * @typedef {import('../types.js').CallDiff} CallDiff
 * @typedef {import('../types.js').Memory} Memory
 * @typedef {{
 *   counts: (emu: string) => Promise<Readonly<Record<string, number>>>,
 *   diff: (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) => CallDiff,
 *   settle: (emu: string, quietMs?: number, maxMs?: number) => Promise<void>,
 *   memory: () => Memory,
 *   extension: (id: string) => import('vscode').Extension<unknown>,
 *   testApi: (ext: import('vscode').Extension<unknown>) => Promise<{
 *     services: { getService(profileName: string, region: string): Promise<{ listUserGroups(req: { pageNumber: number, pageSize: number }): Promise<unknown> }> },
 *     profiles: { active(): { name: string } | undefined },
 *     recentLog(): readonly string[],
 *   }>,
 * }} Helpers
 */
const vscode = require('vscode');
const v8 = require('node:v8');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const PLAN = 'dataworks.groups.plan';
const APPLY = 'dataworks.groups.apply';

/** @param {NodeJS.CpuUsage} u */
const cpuMs = (u) => (u.user + u.system) / 1000;

/**
 * Samples the heap every 50 ms (no GC forced) until stopped: the peak a step reaches while it runs.
 * @returns {() => number}
 */
function peakSampler() {
  let peak = v8.getHeapStatistics().used_heap_size;
  const timer = setInterval(() => {
    peak = Math.max(peak, v8.getHeapStatistics().used_heap_size);
  }, 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, v8.getHeapStatistics().used_heap_size);
  };
}

/**
 * Whether a tab with this label is open (the plan page of a file is "Plan: <file name>") within `ms`: the extension
 * host learns of a new panel's tab from the window a moment after creating it.
 * @param {string} label
 */
async function tabOpens(label, ms = 5000) {
  const open = () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label === label));
  for (const t0 = Date.now(); Date.now() - t0 < ms; await new Promise((r) => setTimeout(r, 50))) if (open()) return true;
  return open();
}

/**
 * @param {GroupsTask & BenchConfig} cfg
 * @param {Helpers} h
 * @returns {Promise<GroupsWindow>}
 */
async function groups(cfg, h) {
  const emu = cfg.emulator;
  const ext = h.extension(cfg.ours.id);
  await ext.activate();
  const api = await h.testApi(ext);
  const profile = api.profiles.active();
  if (!profile) throw new Error('no active profile in the benchmark window');
  const config = () => vscode.workspace.getConfiguration('dataworks');
  const defaultRate = config().get('requestsPerSecond');
  if (typeof defaultRate !== 'number') throw new Error('dataworks.requestsPerSecond has no value');

  // The API code loaded and a client made before the baseline: the memory figures are the plans' own.
  const service = await api.services.getService(profile.name, cfg.region);
  await service.listUserGroups({ pageNumber: 1, pageSize: 1 });
  const file = vscode.Uri.file(cfg.file);
  let c0 = await h.counts(emu);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
  await h.settle(emu, 1000);
  const opened = h.diff(c0, await h.counts(emu));
  const baseline = h.memory();

  /**
   * Runs one command and measures it: wall and CPU time, the emulator's calls, the heap after (GC) and at its peak.
   * @param {string} command
   * @param {import('vscode').Uri} uri
   * @param {string} [expectTab] the tab that must be open afterwards
   * @returns {Promise<GroupsStep>}
   */
  async function step(command, uri, expectTab) {
    await h.settle(emu, 300);
    const logBefore = new Set(api.recentLog());
    const before = await h.counts(emu);
    const stopPeak = peakSampler();
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await vscode.commands.executeCommand(command, uri);
    const ms = performance.now() - t0;
    const cpu = cpuMs(process.cpuUsage(cpu0));
    const peakHeapUsed = stopPeak();
    const calls = h.diff(before, await h.counts(emu));
    // The command's error boundary shows failures instead of throwing; the error reporter logs "<where> failed:".
    const errors = api.recentLog().filter((l) => !logBefore.has(l) && /\bfailed\b/i.test(l)).map((l) => l.slice(0, 300));
    if (expectTab && !(await tabOpens(expectTab))) errors.push(`no "${expectTab}" tab within 5 s of ${command}`);
    return { ms, cpuMs: cpu, calls, peakHeapUsed, memory: h.memory(), errors };
  }

  const planTab = `Plan: ${path.basename(cfg.file)}`;
  const planDefaultRate = await step(PLAN, file, planTab);
  await config().update('requestsPerSecond', cfg.liftedRate, vscode.ConfigurationTarget.Global);
  const plan = await step(PLAN, file, planTab);
  const apply = await step(APPLY, file);
  const replan = await step(PLAN, file, planTab);
  // Only the prune plan's page open: its memory is its own.
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  c0 = await h.counts(emu);
  const prune = vscode.Uri.file(cfg.pruneFile);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(prune));
  await h.settle(emu, 1000);
  const prunePlan = await step(PLAN, prune, `Plan: ${path.basename(cfg.pruneFile)}`);
  const pruneOpened = h.diff(c0, await h.counts(emu));
  await config().update('requestsPerSecond', undefined, vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  return { defaultRate, liftedRate: cfg.liftedRate, opened, pruneOpened, baseline, planDefaultRate, plan, apply, replan, prunePlan };
}

module.exports = { groups };

// @ts-check
// The benchmark's extension-host side (VS Code's extensionTestsPath): loaded in a fresh window by bench/lib/vscode.mjs,
// it reads its task from $DATAWORKS_BENCH_CONFIG, measures from inside the extension host and writes JSON to
// cfg.out. Plain CommonJS: no bundling step.
//
// Tasks:
//   activation  time module load and activate() of the DataWorks extension and of the hello-world fixture (order
//               from cfg.order), count network connections opened meanwhile; then, with cfg.tree, the tree
//               against the emulator's "large" seed (first page cold and warm, with injected latency, Load all,
//               memory growth)
//   session     the scripted session against the "demo" seed, counting emulator calls per step, with the forms
//               opened and submitted through the UI by the bench process (cfg.control), then form timings
//   groups      user groups as code: a file of 1,000 groups planned and applied against a tenant of 10,000
//               (groups.cjs)
'use strict';
/**
 * @typedef {import('../types.js').BenchConfig} BenchConfig
 * @typedef {import('../types.js').ActivationTask} ActivationTask
 * @typedef {import('../types.js').SessionTask} SessionTask
 * @typedef {import('../types.js').PayloadOutput} PayloadOutput
 * @typedef {import('../types.js').ActivationTiming} ActivationTiming
 * @typedef {import('../types.js').TreeWindow} TreeWindow
 * @typedef {import('../types.js').TreeLatencySamples} TreeLatencySamples
 * @typedef {import('../types.js').CallDiff} CallDiff
 * @typedef {import('../types.js').Memory} Memory
 * @typedef {import('../types.js').NetworkEvent} NetworkEvent
 * @typedef {import('../types.js').StepCalls} StepCalls
 * @typedef {import('../types.js').ExtensionRef} ExtensionRef
 * @typedef {import('../types.js').FormName} FormName
 * @typedef {import('../types.js').FormSample} FormSample
 * @typedef {import('../types.js').FormWaitRequest} FormWaitRequest
 * @typedef {import('../types.js').FormWaitReply} FormWaitReply
 * @typedef {import('../types.js').FormSubmitRequest} FormSubmitRequest
 * @typedef {import('../types.js').FormSubmitReply} FormSubmitReply
 * @typedef {import('../types.js').Who} Who
 */
/**
 * What the payload uses of the explorer's test API (DataWorksTestApi in src/core.ts). It comes from the built
 * extension at run time, so it is described here rather than typed from src.
 * @typedef {{ label: string, description?: string, collapsible: 'none' | 'collapsed' | 'expanded', contextValue: string }} NodeView
 * @typedef {{ view(): NodeView, children?: () => Promise<readonly TreeNode[]>, loadAll?: (signal: AbortSignal) => Promise<void> }} TreeNode
 * @typedef {{
 *   tree: { getChildren(node?: TreeNode): import('vscode').ProviderResult<readonly TreeNode[]> },
 *   services: { getService(profileName: string, region: string): Promise<{ listUserGroups(req: { pageNumber: number, pageSize: number }): Promise<unknown> }> },
 *   profiles: { active(): { name: string } | undefined },
 *   model: { reset(): void },
 *   recentLog(): readonly string[],
 * }} TestApi
 * What activate() returns in extension test mode: a handle whose testApi() loads dist/core.js, or (a build from before
 * that split) the test API itself.
 * @typedef {{ testApi: () => Promise<TestApi> } | TestApi} ActivateResult
 * Emulator requests so far, per action, plus __total.
 * @typedef {Readonly<Record<string, number>>} Counts
 */
const vscode = require('vscode');
const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');
const Module = require('node:module');
const { performance } = require('node:perf_hooks');

/** @param {number} ms @returns {Promise<void>} */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const realFetch = globalThis.fetch;

// ---------------------------------------------------------------------------------------------------------------
// Module load and activate() timing: wraps Module._load for the two extension mains before anything activates.

/**
 * One watched main file: performance.now() marks and CPU ms, set as the load and the activate() call happen.
 * @typedef {{ file: string, loadStart?: number, loadEnd?: number, loadCpu?: number, activateStart?: number, activateReturn?: number, activateResolved?: number, activateCpu?: number }} LoadRecord
 */
/** @type {Map<string, LoadRecord>} resolved main path -> record */
const loads = new Map();
/**
 * CPU time (user + system) of this process, in ms: unlike wall time, hardly affected by other busy processes.
 * @param {NodeJS.CpuUsage} u
 */
const cpuMs = (u) => (u.user + u.system) / 1000;
/**
 * The time from one mark to another; null when either was not taken (the hook did not see that load or call).
 * @param {number | undefined} from
 * @param {number | undefined} to
 */
const span = (from, to) => (from === undefined || to === undefined ? null : to - from);
/** @param {string} file */
function watchMain(file) {
  /** @type {LoadRecord} */
  const rec = { file };
  loads.set(path.resolve(file), rec);
  return rec;
}
/** @param {unknown} v @returns {v is PromiseLike<unknown>} */
const isThenable = (v) => typeof v === 'object' && v !== null && typeof (/** @type {{ then?: unknown }} */ (v).then) === 'function';
// Module._load is Node's internal loader (not in @types/node): every require() passes through it.
const loader = /** @type {{ _load: (this: unknown, request: unknown, ...rest: unknown[]) => unknown }} */ (/** @type {unknown} */ (Module));
const originalLoad = loader._load;
/** @this {unknown} @param {unknown} request @param {unknown[]} rest */
loader._load = function benchLoad(request, ...rest) {
  const rec = typeof request === 'string' && path.isAbsolute(request) ? (loads.get(path.resolve(request)) ?? loads.get(path.resolve(`${request}.js`))) : undefined;
  if (!rec || rec.loadStart !== undefined) return originalLoad.call(this, request, ...rest);
  rec.loadStart = performance.now();
  const cpu0 = process.cpuUsage();
  const exp = originalLoad.call(this, request, ...rest);
  rec.loadEnd = performance.now();
  rec.loadCpu = cpuMs(process.cpuUsage(cpu0));
  if (typeof exp !== 'object' || exp === null || !('activate' in exp) || typeof exp.activate !== 'function') return exp;
  const activate = /** @type {(...args: unknown[]) => unknown} */ (exp.activate);
  // esbuild's CommonJS exports are getters: hand VS Code a copy whose activate is timed.
  return {
    ...exp,
    /** @param {unknown[]} args */
    activate(...args) {
      rec.activateStart = performance.now();
      const cpu0 = process.cpuUsage();
      const r = activate.apply(this, args);
      rec.activateReturn = performance.now();
      rec.activateCpu = cpuMs(process.cpuUsage(cpu0));
      if (isThenable(r)) {
        return r.then((v) => {
          rec.activateResolved = performance.now();
          return v;
        });
      }
      rec.activateResolved = rec.activateReturn;
      return r;
    },
  };
};

// ---------------------------------------------------------------------------------------------------------------
// Network: every socket connect and fetch while `netWindow.open`.

/** @type {{ open: boolean, events: NetworkEvent[] }} */
const netWindow = { open: false, events: [] };
/**
 * Where a connect() goes: its options' path or host:port, or its first argument (a port or a path).
 * @param {unknown} target
 */
function connectTarget(target) {
  if (typeof target !== 'object' || target === null) return String(target);
  const o = /** @type {{ path?: unknown, host?: unknown, port?: unknown }} */ (target);
  /** @param {unknown} v */
  const text = (v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  return typeof o.path === 'string' ? o.path : `${text(o.host)}:${text(o.port)}`;
}
// eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the socket as `this`
const originalConnect = /** @type {(this: net.Socket, ...args: unknown[]) => net.Socket} */ (net.Socket.prototype.connect);
net.Socket.prototype.connect = function benchConnect(/** @type {unknown[]} */ ...args) {
  if (netWindow.open) {
    const a = args[0];
    // net internals call connect() with [options, callback] as a single array argument.
    netWindow.events.push({ kind: 'socket', target: connectTarget(Array.isArray(a) ? /** @type {unknown[]} */ (a)[0] : a) });
  }
  return originalConnect.apply(this, args);
};
if (typeof realFetch === 'function') {
  /** @type {typeof fetch} */
  globalThis.fetch = function benchFetch(input, init) {
    if (netWindow.open) netWindow.events.push({ kind: 'fetch', target: String(input instanceof Request ? input.url : input) });
    return realFetch.call(this, input, init);
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/**
 * @param {string} url
 * @param {RequestInit} [init]
 * @returns {Promise<unknown>}
 */
async function json(url, init) {
  const res = await realFetch(url, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}
/** @param {string} emu @returns {Promise<Counts>} */
const counts = async (emu) => /** @type {Counts} */ (await json(`${emu}/__admin/counts`));
/** @param {string} emu @param {{ latencyMs?: number }} faults */
const setFaults = (emu, faults) => json(`${emu}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
/** @param {string} emu */
const clearFaults = (emu) => json(`${emu}/__admin/faults`, { method: 'DELETE' });

/**
 * @param {Counts} before
 * @param {Counts} after
 * @returns {CallDiff}
 */
function diff(before, after) {
  /** @type {Record<string, number>} */
  const byAction = {};
  for (const [k, v] of Object.entries(after)) {
    if (k === '__total') continue;
    const d = v - (before[k] ?? 0);
    if (d) byAction[k] = d;
  }
  return { total: (after.__total ?? 0) - (before.__total ?? 0), byAction };
}

/**
 * Waits until the emulator's total has not moved for `quietMs`.
 * @param {string} emu
 */
async function settle(emu, quietMs = 600, maxMs = 15_000) {
  const deadline = Date.now() + maxMs;
  let last = (await counts(emu)).__total;
  let since = Date.now();
  while (Date.now() < deadline) {
    await sleep(100);
    const now = (await counts(emu)).__total;
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
  }
}

/** Waits until 5 timers of 50 ms in a row fire less than 8 ms late (at most 15 s); returns the time waited. */
async function quiet(maxMs = 15_000) {
  const t0 = performance.now();
  let calm = 0;
  while (calm < 5 && performance.now() - t0 < maxMs) {
    const s = performance.now();
    await sleep(50);
    calm = performance.now() - s - 50 < 8 ? calm + 1 : 0;
  }
  return Math.round(performance.now() - t0);
}

/** V8's gc(), made available after start-up; undefined where the flag cannot be set. */
function gcFunction() {
  try {
    require('node:v8').setFlagsFromString('--expose-gc');
    const gc = /** @type {unknown} */ (require('node:vm').runInNewContext('gc'));
    return typeof gc === 'function' ? /** @type {() => void} */ (gc) : undefined;
  } catch {
    return undefined;
  }
}
const gc = gcFunction();
/** @returns {Memory} */
function memory() {
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, rss: m.rss };
}
/** @param {number} bytes */
const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * An installed extension; throws when this window does not have it.
 * @param {string} id
 * @returns {vscode.Extension<unknown>}
 */
function extension(id) {
  const ext = vscode.extensions.getExtension(id);
  if (!ext) throw new Error(`extension ${id} is not loaded in this window`);
  return ext;
}

/**
 * The explorer's test API: through the handle activate() returns in test mode, which loads dist/core.js; a build
 * from before that split (for an A/B run with --root) returns the API itself.
 * @param {vscode.Extension<unknown>} ext
 * @returns {Promise<TestApi>}
 */
async function testApi(ext) {
  const handle = /** @type {ActivateResult | undefined} */ (ext.exports);
  if (handle && 'testApi' in handle && typeof handle.testApi === 'function') return handle.testApi();
  if (handle && 'tree' in handle) return handle;
  throw new Error('activate() returned no test API (is the window in extension test mode?)');
}
/** @param {TestApi} api @param {TreeNode} [node] */
const children = async (api, node) => (await api.tree.getChildren(node)) ?? [];
/** @param {TreeNode} n */
const ctx = (n) => n.view().contextValue;
/**
 * The first region's folder with this context value.
 * @param {TestApi} api
 * @param {string} contextValue
 */
async function findFolder(api, contextValue) {
  const roots = await children(api);
  const region = roots.find((r) => ctx(r) === 'dataworks.region') ?? roots[0];
  if (!region) throw new Error(`the tree has no region node (roots: ${roots.map((r) => `${r.view().label} [${ctx(r)}]`).join(', ')})`);
  const folders = await children(api, region);
  const folder = folders.find((f) => ctx(f) === contextValue);
  if (!folder) throw new Error(`no ${contextValue} under ${region.view().label}: ${folders.map((f) => `${f.view().label} [${ctx(f)}]`).join(', ')}`);
  return { region, folder };
}

/**
 * Expands every expandable node once (no Load more), as a user opening each folder would.
 * @param {TestApi} api
 * @param {TreeNode} [node]
 * @returns {Promise<{ nodes: number }>}
 */
async function walk(api, node, depth = 0, seen = { nodes: 0 }) {
  const kids = await children(api, node);
  seen.nodes += kids.length;
  for (const k of kids) {
    const v = k.view();
    if (v.collapsible !== 'none' && typeof k.children === 'function' && depth < 6) await walk(api, k, depth + 1, seen);
  }
  return seen;
}

/**
 * A request to the bench process's control server (bench/lib/vscode.mjs).
 * @param {BenchConfig} cfg
 * @param {string} route
 * @param {unknown} body
 */
function control(cfg, route, body) {
  return json(`${cfg.control}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
/** Waits (in the bench process) until the form is interactive. @param {BenchConfig} cfg @param {FormWaitRequest} req */
const waitForForm = async (cfg, req) => /** @type {FormWaitReply} */ (await control(cfg, '/form/wait', req));
/** Has the bench process fill in and submit the form. @param {BenchConfig} cfg @param {FormSubmitRequest} req */
const submitForm = async (cfg, req) => /** @type {FormSubmitReply} */ (await control(cfg, '/form/submit', req));

// ---------------------------------------------------------------------------------------------------------------
// Tasks

/**
 * @param {ActivationTask & BenchConfig} cfg
 * @param {PayloadOutput} out
 */
async function activation(cfg, out) {
  // floor: the same VS Code registrations as ours without our code (bench/fixtures/floor).
  /** @type {Map<Who, ExtensionRef>} */
  const targets = new Map([['ours', cfg.ours], ['hello', cfg.hello]]);
  if (cfg.floor) targets.set('floor', cfg.floor);
  /** @type {Map<Who, LoadRecord>} */
  const recs = new Map();
  for (const [k, t] of targets) {
    const ext = extension(t.id);
    if (ext.isActive) throw new Error(`extension ${t.id} was already active before the benchmark activated it`);
    /** @type {{ main: string }} */
    const manifest = ext.packageJSON;
    recs.set(k, watchMain(path.join(ext.extensionPath, manifest.main)));
  }
  // A new window is busy for a while (workbench, built-in extensions): wait until the event loop is quiet. The first
  // extension activated in a host pays one-time costs: a third, trivial extension takes them before the measurement.
  // The emulator request and the forced full GCs come before the warm-up: after a full GC the next activation
  // measured here paid for it (V8 recompiling flushed extension-host code), up to several hundred ms, whichever
  // extension came first.
  const emuBefore = await counts(cfg.emulator);
  const m0 = memory();
  let idle = await quiet();
  const warmup = cfg.warmup ? vscode.extensions.getExtension(cfg.warmup) : undefined;
  if (warmup) {
    const w0 = performance.now();
    await warmup.activate();
    out.warmup = { ms: performance.now() - w0, active: warmup.isActive };
    idle += await quiet();
  } else out.warmup = { missing: cfg.warmup };
  out.idle = idle;
  netWindow.open = true;
  /** @type {Partial<Record<Who, ActivationTiming>>} */
  const timings = {};
  for (const k of cfg.order) {
    const target = targets.get(k);
    const r = recs.get(k);
    if (!target || !r) continue;
    // Whatever the previous activation left running settles before the next one is timed.
    if (k !== cfg.order[0]) out.idle += await quiet();
    const ext = extension(target.id);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await ext.activate();
    const t1 = performance.now();
    const totalCpuMs = cpuMs(process.cpuUsage(cpu0));
    timings[k] = {
      totalMs: t1 - t0,
      totalCpuMs,
      codeLoadingCpuMs: r.loadCpu ?? null,
      activateCallCpuMs: r.activateCpu ?? null,
      codeLoadingMs: span(r.loadStart, r.loadEnd),
      activateCallMs: span(r.activateStart, r.activateReturn),
      activateResolvedMs: span(r.activateStart, r.activateResolved),
      beforeLoadMs: span(t0, r.loadStart),
    };
  }
  const { ours, hello, floor } = timings;
  if (!ours || !hello) throw new Error(`the activation order ${JSON.stringify(cfg.order)} leaves out ours or hello`);
  // Anything activate() started in the background gets a moment to show itself.
  await sleep(cfg.quietMs ?? 1000);
  netWindow.open = false;
  const emuAfter = await counts(cfg.emulator);
  const network = netWindow.events.slice();
  const emulatorCalls = diff(emuBefore, emuAfter).total;
  const stage = path.dirname(path.dirname(cfg.ours.main));
  const loadedFromStage = Object.keys(require.cache).filter((f) => f.startsWith(stage)).map((f) => path.relative(stage, f));
  const alicloudLoaded = Object.keys(require.cache).filter((f) => f.includes(`${path.sep}@alicloud${path.sep}`));
  // What activation left for later: the first tree question (or command) loads dist/core.js; then the root rows.
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  const api = await testApi(extension(cfg.ours.id));
  const coreLoad = { ms: performance.now() - t0, cpuMs: cpuMs(process.cpuUsage(c0)), loaded: Boolean(require.cache[path.join(stage, 'dist', 'core.js')]) };
  t0 = performance.now();
  c0 = process.cpuUsage();
  const roots = await children(api);
  const rootRows = { ms: performance.now() - t0, cpuMs: cpuMs(process.cpuUsage(c0)), items: roots.length };
  out.activation = { ours, hello, ...(floor ? { floor } : {}), network, emulatorCalls, loadedFromStage, alicloudLoaded, coreLoad, rootRows };
  out.memoryAfterActivation = m0;
  if (cfg.tree) out.tree = await tree(cfg, m0);
}

/**
 * @param {ActivationTask & BenchConfig} cfg
 * @param {Memory} m0 after activation
 * @returns {Promise<TreeWindow>}
 */
async function tree(cfg, m0) {
  const emu = cfg.emulator;
  const api = await testApi(extension(cfg.ours.id));
  const stage = path.dirname(path.dirname(cfg.ours.main));
  const apiChunk = path.join(stage, 'dist', 'api.js');
  /** @type {Record<number, TreeLatencySamples>} */
  const samples = {};
  /** @type {string[]} */
  const warnings = [];
  const chunkLoad = watchMain(apiChunk);

  const { region, folder } = await findFolder(api, 'dataworks.userGroupsFolder');
  // A region node's description is its id (cn-shanghai).
  const regionId = region.view().description;
  if (!regionId) throw new Error(`the region node ${region.view().label} has no region id as its description`);
  // As a user gets there: the view shown and its root rows drawn before the first click, the API code loading in the
  // background meanwhile (src/tree/apiPreload.ts). The first expansion is timed once that is done (or after 5 s).
  const shown = performance.now();
  await vscode.commands.executeCommand('workbench.view.extension.dataworks');
  while (!require.cache[apiChunk] && performance.now() - shown < 5000) await sleep(20);
  const preloadMs = performance.now() - shown;
  await quiet();
  const apiChunkLoadedBeforeFirstCall = Boolean(require.cache[apiChunk]);
  let c0 = await counts(emu);
  let t0 = performance.now();
  let kids = await children(api, folder);
  const coldMs = performance.now() - t0;
  const cold = { ms: coldMs, items: kids.length, calls: diff(c0, await counts(emu)), apiChunkLoadMs: span(chunkLoad.loadStart, chunkLoad.loadEnd) };
  const apiChunkLoadedAfterFirstCall = Boolean(require.cache[apiChunk]);
  const deferredChunkLoadedAfterFirstCall = Boolean(require.cache[path.join(stage, 'dist', 'deferred.js')]);

  const profile = api.profiles.active();
  if (!profile) throw new Error('no active profile in the benchmark window');
  const service = await api.services.getService(profile.name, regionId);
  for (const latencyMs of cfg.latencies ?? [0, 200]) {
    if (latencyMs) await setFaults(emu, { latencyMs });
    else await clearFaults(emu);
    /** @type {number[]} */
    const warm = [];
    /** @type {number[]} */
    const apiCall = [];
    for (let i = 0; i < (cfg.warmReps ?? 3); i++) {
      t0 = performance.now();
      await service.listUserGroups({ pageNumber: 1, pageSize: 100 });
      apiCall.push(performance.now() - t0);
      await vscode.commands.executeCommand('dataworks.refresh', folder);
      // Our own limiter (dataworks.requestsPerSecond, 4 a second with a burst of 4, for DataWorks' quotas) would
      // otherwise make every other expansion wait for the calls the bench itself just made: let it refill.
      await sleep(cfg.limiterRefillMs ?? 1100);
      c0 = await counts(emu);
      t0 = performance.now();
      kids = await children(api, folder);
      warm.push(performance.now() - t0);
      const calls = diff(c0, await counts(emu)).total;
      if (calls !== 1) warnings.push(`warm expansion at ${latencyMs} ms made ${calls} calls`);
    }
    samples[latencyMs] = { warm, apiCall, items: kids.length };
  }
  await clearFaults(emu);

  /** @type {TreeWindow} */
  const res = { cold, samples, preloadMs, apiChunkLoadedBeforeFirstCall, apiChunkLoadedAfterFirstCall, deferredChunkLoadedAfterFirstCall, ...(warnings.length ? { warnings } : {}) };
  if (!cfg.loadAll) return res;

  await vscode.commands.executeCommand('dataworks.refresh', folder);
  kids = await children(api, folder);
  const mFirstPage = memory();
  const more = kids.find((k) => ctx(k) === 'dataworks.loadMore');
  c0 = await counts(emu);
  t0 = performance.now();
  // What the "Load all" entry of the Load more node's context menu runs.
  await vscode.commands.executeCommand('dataworks.loadAll', more ?? folder);
  kids = await children(api, folder);
  let via = 'command dataworks.loadAll';
  if (kids.some((k) => ctx(k) === 'dataworks.loadMore') && typeof folder.loadAll === 'function') {
    via = `folder.loadAll() (the command left ${kids.length} children; log: ${api.recentLog().slice(-3).join(' | ')})`;
    await folder.loadAll(new AbortController().signal);
    kids = await children(api, folder);
  }
  const ms = performance.now() - t0;
  const m1 = memory();
  return {
    ...res,
    loadAll: { ms, via, items: kids.filter((k) => ctx(k) === 'dataworks.userGroup').length, calls: diff(c0, await counts(emu)).total },
    memory: {
      afterActivation: m0,
      firstPage: mFirstPage,
      allLoaded: m1,
      heapGrowthMb: mb(m1.heapUsed - m0.heapUsed),
      rssGrowthMb: mb(m1.rss - m0.rss),
      heapGrowthFromFirstPageMb: mb(m1.heapUsed - mFirstPage.heapUsed),
      gc: Boolean(gc),
    },
  };
}

/**
 * @param {SessionTask & BenchConfig} cfg
 * @param {PayloadOutput} out
 */
async function session(cfg, out) {
  const emu = cfg.emulator;
  /** @type {Record<string, StepCalls>} */
  const steps = {};
  let before = await counts(emu);
  /**
   * Runs one step of the session and records the emulator calls it made.
   * @template T
   * @param {string} name
   * @param {() => Promise<T>} fn
   * @returns {Promise<T>}
   */
  const step = async (name, fn) => {
    const t0 = Date.now();
    const value = await fn();
    await settle(emu);
    const after = await counts(emu);
    steps[name] = { ...diff(before, after), ms: Date.now() - t0 };
    before = after;
    return value;
  };

  const ext = extension(cfg.ours.id);
  const api = await step('open the view', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.dataworks');
    const deadline = Date.now() + 20_000;
    while (!ext.isActive && Date.now() < deadline) await sleep(50);
    await ext.activate();
    const a = await testApi(ext);
    await children(a);
    return a;
  });
  const walked = await step('expand everything once', () => walk(api));
  const { folder: workspaces } = await findFolder(api, 'dataworks.workspacesFolder');
  const wsNodes = await children(api, workspaces);
  const workspace = wsNodes.find((w) => ctx(w) === 'dataworks.workspace' && /sales/i.test(`${w.view().label} ${w.view().description}`)) ?? wsNodes[0];
  const { folder: groups } = await findFolder(api, 'dataworks.userGroupsFolder');

  /** @type {Record<FormName, FormSample[]>} */
  const forms = { businessProcess: [], userGroup: [], 'hello-plain': [], 'hello-scripted': [] };
  /** @param {FormName} form */
  const openForm = async (form) => {
    const since = Date.now();
    if (form === 'businessProcess') await vscode.commands.executeCommand('dataworks.createBusinessProcess', workspace);
    else if (form === 'userGroup') await vscode.commands.executeCommand('dataworks.addUserGroup', groups);
    else await vscode.commands.executeCommand('benchHello.form', form.replace('hello-', ''));
    const r = await waitForForm(cfg, { form, since });
    // total: command to first enabled input; inPage: from the webview document's time origin to that moment.
    forms[form].push({ total: r.at - since, inPage: r.origin >= since ? r.at - r.origin : undefined, resources: r.resources });
    return r;
  };
  // The window's first webview pays the platform's cold start (webview service worker …): let the hello world pay it.
  await openForm('hello-plain');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await step('open Create Business Process', () => openForm('businessProcess'));
  const bp = await step('submit a business process', () => submitForm(cfg, { form: 'businessProcess', values: cfg.businessProcess }));
  await step('open Add User Group', () => openForm('userGroup'));
  const ug = await step('submit a user group', () => submitForm(cfg, { form: 'userGroup', values: cfg.userGroup }));
  await step('tree after the writes', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    return walk(api);
  });
  await step('reopen the view', async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await sleep(200);
    await vscode.commands.executeCommand('workbench.view.extension.dataworks');
    api.model.reset();
    return walk(api);
  });
  out.session = { steps, nodes: walked.nodes, submitted: { businessProcess: bp, userGroup: ug } };

  // More form timings (calls no longer counted), with the hello-world webviews as the platform's floor.
  for (let i = 0; i < (cfg.formReps ?? 4) + 1; i++) {
    /** @type {readonly FormName[]} */
    const round = i === 0 ? ['hello-scripted'] : ['businessProcess', 'userGroup', 'hello-plain', 'hello-scripted'];
    for (const form of round) {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await sleep(300);
      await openForm(form);
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  out.forms = forms;
}

exports.run = async function run() {
  const file = process.env.DATAWORKS_BENCH_CONFIG;
  if (!file) throw new Error('DATAWORKS_BENCH_CONFIG is not set: this payload runs in a window opened by bench/lib/vscode.mjs');
  const cfg = /** @type {BenchConfig} */ (JSON.parse(fs.readFileSync(file, 'utf8')));
  /** @type {PayloadOutput} */
  const out = { task: cfg.task, startedAt: Date.now() };
  try {
    if (cfg.task === 'activation') await activation(cfg, out);
    else if (cfg.task === 'session') await session(cfg, out);
    else if (cfg.task === 'groups') out.groups = await require('./groups.cjs').groups(cfg, { counts, diff, settle, memory, extension, testApi });
    else throw new Error(`unknown task ${JSON.stringify(/** @type {{ task?: unknown }} */ (cfg).task)}`);
  } catch (err) {
    out.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  }
  fs.writeFileSync(cfg.out, JSON.stringify(out));
};

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
'use strict';
const vscode = require('vscode');
const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');
const Module = require('node:module');
const { performance } = require('node:perf_hooks');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const realFetch = globalThis.fetch;

// ---------------------------------------------------------------------------------------------------------------
// Module load and activate() timing: wraps Module._load for the two extension mains before anything activates.

const loads = new Map(); // resolved main path -> record
/** CPU time (user + system) of this process, in ms: unlike wall time, hardly affected by other busy processes. */
const cpuMs = (u) => (u.user + u.system) / 1000;
function watchMain(file) {
  const rec = { file };
  loads.set(path.resolve(file), rec);
  return rec;
}
const originalLoad = Module._load;
Module._load = function benchLoad(request) {
  const rec = typeof request === 'string' && path.isAbsolute(request) ? (loads.get(path.resolve(request)) ?? loads.get(path.resolve(`${request}.js`))) : undefined;
  if (!rec || rec.loadStart !== undefined) return originalLoad.apply(this, arguments);
  rec.loadStart = performance.now();
  const cpu0 = process.cpuUsage();
  const exp = originalLoad.apply(this, arguments);
  rec.loadEnd = performance.now();
  rec.loadCpu = cpuMs(process.cpuUsage(cpu0));
  if (!exp || typeof exp.activate !== 'function') return exp;
  const activate = exp.activate;
  // esbuild's CommonJS exports are getters: hand VS Code a copy whose activate is timed.
  return {
    ...exp,
    activate(...args) {
      rec.activateStart = performance.now();
      const cpu0 = process.cpuUsage();
      const r = activate.apply(this, args);
      rec.activateReturn = performance.now();
      rec.activateCpu = cpuMs(process.cpuUsage(cpu0));
      if (r && typeof r.then === 'function') {
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

const netWindow = { open: false, events: [] };
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function benchConnect(...args) {
  if (netWindow.open) {
    const a = args[0];
    const target = Array.isArray(a) ? a[0] : a;
    netWindow.events.push({ kind: 'socket', target: typeof target === 'object' && target ? (target.path ?? `${target.host ?? ''}:${target.port ?? ''}`) : String(target) });
  }
  return originalConnect.apply(this, args);
};
if (typeof realFetch === 'function') {
  globalThis.fetch = function benchFetch(input, init) {
    if (netWindow.open) netWindow.events.push({ kind: 'fetch', target: String(input instanceof Request ? input.url : input) });
    return realFetch.call(this, input, init);
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

async function json(url, init) {
  const res = await realFetch(url, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}
const counts = (emu) => json(`${emu}/__admin/counts`);
const setFaults = (emu, faults) => json(`${emu}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
const clearFaults = (emu) => json(`${emu}/__admin/faults`, { method: 'DELETE' });

function diff(before, after) {
  const byAction = {};
  for (const [k, v] of Object.entries(after)) {
    if (k === '__total') continue;
    const d = v - (before[k] ?? 0);
    if (d) byAction[k] = d;
  }
  return { total: (after.__total ?? 0) - (before.__total ?? 0), byAction };
}

/** Waits until the emulator's total has not moved for `quietMs`. */
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

function gcFunction() {
  try {
    require('node:v8').setFlagsFromString('--expose-gc');
    return require('node:vm').runInNewContext('gc');
  } catch {
    return undefined;
  }
}
const gc = gcFunction();
function memory() {
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, rss: m.rss };
}
const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * The explorer's test API: through the handle activate() returns in test mode, which loads dist/core.js; a build
 * from before that split (for an A/B run with --root) returns the API itself.
 */
async function testApi(ext) {
  const handle = ext.exports;
  if (typeof handle?.testApi === 'function') return handle.testApi();
  if (handle?.tree) return handle;
  throw new Error('activate() returned no test API (is the window in extension test mode?)');
}
const children = async (api, node) => (await api.tree.getChildren(node)) ?? [];
const ctx = (n) => n.view().contextValue;
async function findFolder(api, contextValue) {
  const roots = await children(api);
  const region = roots.find((r) => ctx(r) === 'dataworks.region') ?? roots[0];
  if (!region) throw new Error(`the tree has no region node (roots: ${roots.map((r) => `${r.view().label} [${ctx(r)}]`).join(', ')})`);
  const folders = await children(api, region);
  const folder = folders.find((f) => ctx(f) === contextValue);
  if (!folder) throw new Error(`no ${contextValue} under ${region.view().label}: ${folders.map((f) => `${f.view().label} [${ctx(f)}]`).join(', ')}`);
  return { region, folder };
}

/** Expands every expandable node once (no Load more), as a user opening each folder would. */
async function walk(api, node, depth = 0, seen = { nodes: 0 }) {
  const kids = await children(api, node);
  seen.nodes += kids.length;
  for (const k of kids) {
    const v = k.view();
    if (v.collapsible !== 'none' && typeof k.children === 'function' && depth < 6) await walk(api, k, depth + 1, seen);
  }
  return seen;
}

async function control(cfg, route, body) {
  return json(`${cfg.control}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

// ---------------------------------------------------------------------------------------------------------------
// Tasks

async function activation(cfg, out) {
  // floor: the same VS Code registrations as ours without our code (bench/fixtures/floor).
  const targets = { ours: cfg.ours, hello: cfg.hello, ...(cfg.floor ? { floor: cfg.floor } : {}) };
  const recs = {};
  for (const [k, t] of Object.entries(targets)) {
    const ext = vscode.extensions.getExtension(t.id);
    if (!ext) throw new Error(`extension ${t.id} is not loaded in this window`);
    if (ext.isActive) throw new Error(`extension ${t.id} was already active before the benchmark activated it`);
    recs[k] = watchMain(path.join(ext.extensionPath, ext.packageJSON.main));
  }
  // A new window is busy for a while (workbench, built-in extensions): wait until the event loop is quiet. The first
  // extension activated in a host pays one-time costs: a third, trivial extension takes them before the measurement.
  // The emulator request and the forced full GCs come before the warm-up: after a full GC the next activation
  // measured here paid for it (V8 recompiling flushed extension-host code), up to several hundred ms, whichever
  // extension came first.
  const emuBefore = await counts(cfg.emulator);
  const m0 = memory();
  out.idle = await quiet();
  const warmup = cfg.warmup && vscode.extensions.getExtension(cfg.warmup);
  if (warmup) {
    const w0 = performance.now();
    await warmup.activate();
    out.warmup = { ms: performance.now() - w0, active: warmup.isActive };
    out.idle += await quiet();
  } else out.warmup = { missing: cfg.warmup };
  netWindow.open = true;
  const result = {};
  for (const k of cfg.order.filter((x) => targets[x])) {
    // Whatever the previous activation left running settles before the next one is timed.
    if (k !== cfg.order[0]) out.idle += await quiet();
    const ext = vscode.extensions.getExtension(targets[k].id);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await ext.activate();
    const t1 = performance.now();
    const totalCpuMs = cpuMs(process.cpuUsage(cpu0));
    const r = recs[k];
    result[k] = {
      totalMs: t1 - t0,
      totalCpuMs,
      codeLoadingCpuMs: r.loadCpu,
      activateCallCpuMs: r.activateCpu,
      codeLoadingMs: r.loadEnd - r.loadStart,
      activateCallMs: r.activateReturn - r.activateStart,
      activateResolvedMs: r.activateResolved - r.activateStart,
      beforeLoadMs: r.loadStart - t0,
    };
  }
  // Anything activate() started in the background gets a moment to show itself.
  await sleep(cfg.quietMs ?? 1000);
  netWindow.open = false;
  const emuAfter = await counts(cfg.emulator);
  result.network = netWindow.events.slice();
  result.emulatorCalls = diff(emuBefore, emuAfter).total;
  const stage = path.dirname(path.dirname(cfg.ours.main));
  result.loadedFromStage = Object.keys(require.cache).filter((f) => f.startsWith(stage)).map((f) => path.relative(stage, f));
  result.alicloudLoaded = Object.keys(require.cache).filter((f) => f.includes(`${path.sep}@alicloud${path.sep}`));
  // What activation left for later: the first tree question (or command) loads dist/core.js; then the root rows.
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  const api = await testApi(vscode.extensions.getExtension(cfg.ours.id));
  result.coreLoad = { ms: performance.now() - t0, cpuMs: cpuMs(process.cpuUsage(c0)), loaded: Boolean(require.cache[path.join(stage, 'dist', 'core.js')]) };
  t0 = performance.now();
  c0 = process.cpuUsage();
  const roots = await children(api);
  result.rootRows = { ms: performance.now() - t0, cpuMs: cpuMs(process.cpuUsage(c0)), items: roots.length };
  out.activation = result;
  out.memoryAfterActivation = m0;
  if (cfg.tree) out.tree = await tree(cfg, m0);
}

async function tree(cfg, m0) {
  const emu = cfg.emulator;
  const ext = vscode.extensions.getExtension(cfg.ours.id);
  const api = await testApi(ext);
  const stage = path.dirname(path.dirname(cfg.ours.main));
  const apiChunk = path.join(stage, 'dist', 'api.js');
  const res = { samples: {} };
  const chunkLoad = watchMain(apiChunk);

  const { region, folder } = await findFolder(api, 'dataworks.userGroupsFolder');
  const regionId = region.resource?.data?.regionId ?? region.view().description;
  // As a user gets there: the view shown and its root rows drawn before the first click, the API code loading in the
  // background meanwhile (src/tree/apiPreload.ts). The first expansion is timed once that is done (or after 5 s).
  const shown = performance.now();
  await vscode.commands.executeCommand('workbench.view.extension.dataworks');
  while (!require.cache[apiChunk] && performance.now() - shown < 5000) await sleep(20);
  res.preloadMs = performance.now() - shown;
  await quiet();
  res.apiChunkLoadedBeforeFirstCall = Boolean(require.cache[apiChunk]);
  let c0 = await counts(emu);
  let t0 = performance.now();
  let kids = await children(api, folder);
  res.cold = { ms: performance.now() - t0, items: kids.length, calls: diff(c0, await counts(emu)) };
  res.apiChunkLoadedAfterFirstCall = Boolean(require.cache[apiChunk]);
  res.deferredChunkLoadedAfterFirstCall = Boolean(require.cache[path.join(stage, 'dist', 'deferred.js')]);
  res.cold.apiChunkLoadMs = chunkLoad.loadEnd - chunkLoad.loadStart;

  const service = await api.services.getService(api.profiles.active().name, regionId);
  for (const latencyMs of cfg.latencies ?? [0, 200]) {
    if (latencyMs) await setFaults(emu, { latencyMs });
    else await clearFaults(emu);
    const warm = [];
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
      if (calls !== 1) res.warnings = [...(res.warnings ?? []), `warm expansion at ${latencyMs} ms made ${calls} calls`];
    }
    res.samples[latencyMs] = { warm, apiCall, items: kids.length };
  }
  await clearFaults(emu);

  if (cfg.loadAll) {
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
    res.loadAll = { ms, via, items: kids.filter((k) => ctx(k) === 'dataworks.userGroup').length, calls: diff(c0, await counts(emu)).total };
    res.memory = {
      afterActivation: m0,
      firstPage: mFirstPage,
      allLoaded: m1,
      heapGrowthMb: mb(m1.heapUsed - m0.heapUsed),
      rssGrowthMb: mb(m1.rss - m0.rss),
      heapGrowthFromFirstPageMb: mb(m1.heapUsed - mFirstPage.heapUsed),
      gc: Boolean(gc),
    };
  }
  return res;
}

async function session(cfg, out) {
  const emu = cfg.emulator;
  const steps = {};
  let before = await counts(emu);
  const step = async (name, fn) => {
    const t0 = Date.now();
    const value = await fn();
    await settle(emu);
    const after = await counts(emu);
    steps[name] = { ...diff(before, after), ms: Date.now() - t0 };
    before = after;
    return value;
  };

  const ext = vscode.extensions.getExtension(cfg.ours.id);
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

  const forms = { businessProcess: [], userGroup: [], 'hello-plain': [], 'hello-scripted': [] };
  const openForm = async (form) => {
    const since = Date.now();
    if (form === 'businessProcess') await vscode.commands.executeCommand('dataworks.createBusinessProcess', workspace);
    else if (form === 'userGroup') await vscode.commands.executeCommand('dataworks.addUserGroup', groups);
    else await vscode.commands.executeCommand('benchHello.form', form.replace('hello-', ''));
    const r = await control(cfg, '/form/wait', { form, since });
    // total: command to first enabled input; inPage: from the webview document's time origin to that moment.
    forms[form].push({ total: r.at - since, inPage: r.origin >= since ? r.at - r.origin : undefined, resources: r.resources });
    return r;
  };
  // The window's first webview pays the platform's cold start (webview service worker …): let the hello world pay it.
  await openForm('hello-plain');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await step('open Create Business Process', () => openForm('businessProcess'));
  const bp = await step('submit a business process', () => control(cfg, '/form/submit', { form: 'businessProcess', values: cfg.businessProcess }));
  await step('open Add User Group', () => openForm('userGroup'));
  const ug = await step('submit a user group', () => control(cfg, '/form/submit', { form: 'userGroup', values: cfg.userGroup }));
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
    for (const form of i === 0 ? ['hello-scripted'] : ['businessProcess', 'userGroup', 'hello-plain', 'hello-scripted']) {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await sleep(300);
      await openForm(form);
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  out.forms = forms;
}

exports.run = async function run() {
  const cfg = JSON.parse(fs.readFileSync(process.env.DATAWORKS_BENCH_CONFIG, 'utf8'));
  const out = { task: cfg.task, startedAt: Date.now() };
  try {
    if (cfg.task === 'activation') await activation(cfg, out);
    else if (cfg.task === 'session') await session(cfg, out);
    else throw new Error(`unknown task ${cfg.task}`);
  } catch (err) {
    out.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  }
  fs.writeFileSync(cfg.out, JSON.stringify(out));
};

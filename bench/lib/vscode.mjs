// Phases 2–5 of the benchmark in a real VS Code: code-server 4.139 (VS Code 1.139) with the smoke-test driver,
// headless Chromium through playwright-core, and two in-process emulators ("demo" and "large"). Reuses the harness
// of test/vscode (read-only). Each measurement window is a fresh workbench page (= a fresh extension host) opened
// with ?payload=[extensionDevelopmentPath=<production snapshot>, extensionTestsPath=bench/payload/index.cjs]; the
// hello-world fixture is installed from a VSIX (the web workbench passes on only one development path). The payload
// reads its task from a JSON file and writes its results; forms are driven from here through a small HTTP server.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import * as h from '../../test/vscode/harness.mjs';
import { prepare } from '../../test/vscode/prepare.mjs';
import { median, round } from './stats.mjs';

const EXT_HOST_MARK = '\u2063';
const require = createRequire(import.meta.url);

/** Runs in every frame: reports the moment a form's first control is enabled (once per rendered form). */
const FORM_PROBE = `(() => {
  if (window.top === window) return;
  const seen = new WeakSet();
  const tick = () => {
    const form = document.querySelector('form#bp-form, form#ug-form, form#hello-plain, form#hello-scripted');
    if (form && !seen.has(form)) {
      const control = form.querySelector('input:enabled, select:enabled, textarea:enabled');
      if (control) {
        seen.add(form);
        const at = Date.now();
        // When this document's navigation started, and when its script and style arrived (webview resource loads).
        const resources = performance.getEntriesByType('resource').map((e) => ({ name: e.name.split('/').pop(), start: Math.round(e.startTime), end: Math.round(e.responseEnd) }));
        try { window.__benchFormReady({ at, form: form.id, origin: Math.round(performance.timeOrigin), resources }); } catch {}
      }
    }
  };
  setInterval(tick, 4);
})();`;

const manifest = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const idOf = (dir) => `${manifest(dir).publisher}.${manifest(dir).name}`;

/**
 * bench/fixtures/hello as a VSIX (copied out first: vsce must not see the rest of the repo); with `name`, a copy under
 * another name (the warm-up extension, activated first in each window so that neither measured one pays for being first).
 */
function packageHello(hello, work, name) {
  const dir = join(work, name ?? 'hello');
  cpSync(hello, dir, { recursive: true });
  writeFileSync(join(dir, 'README.md'), '# Bench hello world\n');
  if (name) {
    const m = manifest(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...m, name, displayName: name, contributes: { commands: [{ command: `${name}.hello`, title: name }] } }, null, 2));
    writeFileSync(join(dir, 'extension.js'), `const vscode = require('vscode');\nexports.activate = (c) => c.subscriptions.push(vscode.commands.registerCommand('${name}.hello', () => undefined));\n`);
  }
  const out = join(work, `${name ?? 'hello'}.vsix`);
  const r = spawnSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`packaging the hello-world fixture failed: ${r.stderr || r.stdout}`);
  return out;
}

/**
 * bench/fixtures/floor as a VSIX, with the DataWorks manifest's contributions and activation events under other ids
 * (`dataworks` → `benchfloor`), so that it makes the same registrations as the real activate() beside it.
 */
function packageFloor(floor, stage, work) {
  const dir = join(work, 'bench-floor');
  cpSync(floor, dir, { recursive: true });
  for (const f of readdirSync(stage).filter((n) => /^package\.nls(\..+)?\.json$/.test(n))) cpSync(join(stage, f), join(dir, f));
  if (existsSync(join(stage, 'media', 'icons'))) cpSync(join(stage, 'media', 'icons'), join(dir, 'media', 'icons'), { recursive: true });
  const m = manifest(stage);
  const renamed = (v) => JSON.parse(JSON.stringify(v).replaceAll('dataworks.', 'benchfloor.').replaceAll('"dataworks"', '"benchfloor"'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({
    name: 'bench-floor', publisher: m.publisher, displayName: 'Bench floor', version: m.version, engines: m.engines,
    main: './extension.js', activationEvents: renamed(m.activationEvents ?? []), contributes: renamed(m.contributes ?? {}),
  }, null, 2));
  writeFileSync(join(dir, 'README.md'), '# Bench floor\n');
  const out = join(work, 'bench-floor.vsix');
  const r = spawnSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`packaging the floor fixture failed: ${r.stderr || r.stdout}`);
  return { vsix: out, id: `${m.publisher}.bench-floor`, version: m.version };
}

function controlServer(handlers) {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      try {
        const handler = handlers[req.url];
        if (!handler) throw Object.assign(new Error(`no route ${req.url}`), { status: 404 });
        const out = await handler(body ? JSON.parse(body) : {});
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(out ?? {}));
      } catch (err) {
        res.writeHead(err.status ?? 500, { 'content-type': 'text/plain' });
        res.end(String(err?.stack ?? err));
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Stops everything the harness started (code-server, Chromium, emulators, the control server). */
export const stopAll = () => h.cleanup();

export async function runInVsCode({ root, stage, hello, work, reps, log, only }) {
  const tools = await prepare();
  const run = h.createRunDir('bench', join(work, 'vscode'));
  const demo = await h.startEmulator({ seed: 'demo' });
  const large = await h.startEmulator({ seed: 'large' });
  if (!demo || !large) throw new Error('test/emulator is missing: cannot measure in VS Code');

  // The raw emulator round trip for one page of 100 user groups, signed like the SDK does it (bench process side).
  const { tsImport } = await import('tsx/esm/api');
  const helpers = await tsImport(join(root, 'test', 'emulator', 'helpers.ts'), import.meta.url);
  async function roundTrip(latencyMs, n = 5) {
    large.setFaults(latencyMs ? { latencyMs } : {});
    const samples = [];
    for (let i = 0; i < n + 1; i++) {
      const req = helpers.signedRequest(large, { action: 'DsgUserGroupQueryList', query: { PageNumber: '1', PageSize: '100' } });
      const t0 = performance.now();
      const r = await helpers.send(large, req);
      if (i > 0) samples.push(performance.now() - t0); // the first one warms the connection path up
      if (r.status !== 200 || r.json.Success === false) throw new Error(`emulator round trip failed: ${JSON.stringify(r.json).slice(0, 300)}`);
    }
    large.setFaults({});
    return median(samples);
  }

  // Data the forms need (an API Gateway group of cn-shanghai for the business process).
  const state = await (await fetch(`${demo.url}/__admin/state`)).json();
  const apiGroup = state?.regions?.['cn-shanghai']?.apiGatewayGroups?.[0]?.groupId ?? state?.regions?.['cn-shanghai']?.apiGatewayGroups?.[0]?.GroupId;
  const stamp = Date.now().toString(36);

  // Browser side of the form measurements, called by the payload.
  const reports = [];
  let page;
  const formName = (id) => ({ 'bp-form': 'businessProcess', 'ug-form': 'userGroup' })[id] ?? id;
  async function waitForReport(form, since, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = reports.find((x) => x.form === form && x.at >= since - 2);
      if (r) return r;
      if (Date.now() > deadline) throw new Error(`the ${form} form did not become interactive within ${timeoutMs / 1000} s`);
      await h.sleep(10);
    }
  }
  const server = await controlServer({
    '/form/wait': async ({ form, since }) => {
      const r = await waitForReport(form, since);
      return { at: r.at, origin: r.origin, resources: r.resources };
    },
    '/form/submit': async ({ form, values }) => {
      const r = [...reports].reverse().find((x) => x.form === form);
      if (!r) throw new Error(`no ${form} form seen`);
      try {
        return await submitForm(r.frame, form, values);
      } catch (err) {
        const shot = join(run.logs, `form-${form}-failure.png`);
        await page.screenshot({ path: shot }).catch(() => {});
        const text = await r.frame.locator('body').innerText().catch(() => '(frame gone)');
        throw new Error(`${err.message}\nform text: ${text.replace(/\s+/g, ' ').slice(0, 1500)}\nscreenshot: ${shot}`);
      }
    },
  });
  /** Clicks `button` until `shows` is visible: a status line appearing on focus-out can move the button mid-click. */
  async function clickUntil(f, button, shows, tries = 5) {
    for (let i = 0; i < tries; i++) {
      await f.click(button, { timeout: 10_000 });
      if (await f.locator(shows).waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false)) return;
    }
    throw new Error(`${shows} did not appear after ${tries} clicks on ${button}`);
  }
  async function submitForm(f, form, values) {
    {
      const t = { timeout: 20_000 };
      if (form === 'businessProcess') {
        await f.locator(`#bp-workspace option[value="${values.projectId}"]`).waitFor({ state: 'attached', ...t });
        await f.selectOption('#bp-workspace', values.projectId, t);
        await f.fill('#bp-apigw', values.apiGatewayGroupId, t);
        await f.fill('#bp-name', values.name, t);
        await clickUntil(f, '#bp-review', '#bp-review-section');
        await f.click('#bp-submit', t);
        await f.locator('#bp-result').waitFor({ state: 'visible', ...t });
        return { result: (await f.locator('#bp-result').innerText()).replace(/\s+/g, ' ').slice(0, 200) };
      }
      await f.fill('#ug-name-0', values.name, t);
      await f.fill('#ug-owner-0', values.owner, t);
      await f.locator('#ug-acc-0-0').waitFor({ state: 'attached', ...t });
      await f.check('#ug-acc-0-0', t);
      await clickUntil(f, '#ug-review', '#ug-review-section');
      await f.click('#ug-submit', t);
      await f.locator('#ug-result').waitFor({ state: 'visible', ...t });
      return { result: (await f.locator('#ug-result').innerText()).replace(/\s+/g, ' ').slice(0, 200) };
    }
  }
  h.onCleanup(() => new Promise((r) => server.close(() => r())));
  const controlUrl = `http://127.0.0.1:${server.address().port}`;

  const configFile = join(run.dir, 'bench-config.json');
  const env = h.isolatedEnv(run, { ...h.emulatorWiring(demo).env, DATAWORKS_BENCH_CONFIG: configFile });
  // The web workbench passes on only one extensionDevelopmentPath: the hello world is installed from a VSIX instead.
  h.installVsix(tools, run, packageHello(hello, work), env);
  h.installVsix(tools, run, packageHello(hello, work, 'bench-warmup'), env);
  const floorPkg = packageFloor(join(dirname(hello), 'floor'), stage, work);
  h.installVsix(tools, run, floorPkg.vsix, env);
  const helloInstalled = join(run.extensions, `${idOf(hello)}-${manifest(hello).version}`);
  const port = await h.freePort();
  const cs = await h.startCodeServer(tools, run, { port, env, smokeTestDriver: true, graceSeconds: 2 });

  const context = await h.launchBrowser(tools, run, env, { name: 'bench' });
  let resolveExit = () => {};
  const workbenchLog = join(run.logs, 'workbench.log');
  const lines = [];
  await context.exposeFunction('codeAutomationLog', (type, args) => {
    const text = Array.isArray(args) ? format(...args) : String(args);
    lines.push(`[${type}] ${text.replaceAll(EXT_HOST_MARK, '')}`);
  });
  await context.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  await context.exposeBinding('__benchFormReady', (source, r) => {
    reports.push({ ...r, form: formName(r.form), frame: source.frame });
  });
  await context.addInitScript(FORM_PROBE);
  page = context.pages()[0] ?? (await context.newPage());

  const ours = { id: idOf(stage), main: join(stage, manifest(stage).main) };
  const helloExt = { id: idOf(hello), main: join(helloInstalled, manifest(hello).main) };
  const floorExt = { id: floorPkg.id, main: join(run.extensions, `${floorPkg.id}-${floorPkg.version}`, 'extension.js') };
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(stage)],
    ['extensionTestsPath', remote(fileURLToPath(new URL('../payload/index.cjs', import.meta.url)))],
  ]);

  /** One fresh window running one payload task. */
  async function window(task, emulatorUrl, extra = {}) {
    const out = join(run.dir, `out-${Date.now()}.json`);
    rmSync(out, { force: true });
    h.writeUserSettings(run, { 'dataworks.endpointOverride': emulatorUrl, 'workbench.view.alwaysShowHeaderActions': false });
    writeFileSync(configFile, JSON.stringify({ task, out, ours, hello: helloExt, floor: floorExt, warmup: `${manifest(hello).publisher}.bench-warmup`, emulator: emulatorUrl, control: controlUrl, ...extra }));
    const exited = new Promise((r) => (resolveExit = r));
    const t0 = Date.now();
    await page.goto(cs.workbenchUrl({ payload }));
    const code = await Promise.race([exited, h.sleep(240_000).then(() => 'timeout')]);
    if (!existsSync(out)) {
      writeFileSync(workbenchLog, lines.join('\n'));
      throw new Error(`the ${task} window ended (${code}) without results; see ${workbenchLog} and ${h.extensionHostErrors(run)}`);
    }
    const result = JSON.parse(readFileSync(out, 'utf8'));
    if (result.error) throw new Error(`the ${task} window failed: ${result.error}`);
    const warm = result.warmup ? (result.warmup.missing ? `, warm-up extension ${result.warmup.missing} missing` : `, warm-up activation ${Math.round(result.warmup.ms)} ms`) : '';
    log(`${task} window ${extra.rep ?? ''} done in ${((Date.now() - t0) / 1000).toFixed(1)} s (payload started after ${((result.startedAt - t0) / 1000).toFixed(1)} s, waited ${((result.idle ?? 0) / 1000).toFixed(1)} s for a quiet host${warm})`);
    // Leave the page so that this window's extension host goes away before the next one starts.
    await page.goto('about:blank');
    await h.sleep(1500);
    return result;
  }

  const result = { codeServer: tools.codeServerVersion, errors: [] };
  try {
    // Activation (+ tree against "large"), alternating which extension activates first.
    const acts = [];
    const trees = [];
    for (let rep = 0; rep < (only === 'session' ? 0 : reps); rep++) {
      // Each of the three goes first, second and third equally often over every 3 windows.
      const order = ['hello', 'ours', 'floor'].map((_, i, all) => all[(i + rep) % all.length]);
      try {
        const r = await window('activation', large.url, { rep, order, tree: true, loadAll: rep === reps - 1, warmReps: 2 });
        acts.push(r.activation);
        trees.push(r.tree);
      } catch (err) {
        // One bad window (a crash, a timeout on a busy machine) costs a sample, not the run.
        result.errors.push(`activation window ${rep}: ${err.message}`);
        log(`activation window ${rep} FAILED: ${err.message.split('\n')[0]}`);
      }
    }
    if (acts.length) {
      const rtt = { 0: await roundTrip(0), 200: await roundTrip(200) };
      result.activation = summariseActivation(acts);
      result.tree = summariseTree(trees, rtt);
    }
    if (only === 'activation') return result;

    // Scripted session against "demo", forms through the UI.
    demo.setFaults?.({});
    let s;
    try {
      s = await window('session', demo.url, {
        formReps: 4,
        businessProcess: { projectId: '10001', apiGatewayGroupId: apiGroup ?? '', name: `bench_bp_${stamp}` },
        userGroup: { name: `bench_ug_${stamp}`, owner: 'acme_data' },
      });
    } catch (err) {
      result.errors.push(`session window: ${err.message}`);
      log(`session window FAILED: ${err.message.split('\n')[0]}`);
      return result;
    }
    result.session = summariseSession(s.session);
    result.forms = Object.entries(s.forms).map(([form, samples]) => {
      const total = samples.map((x) => x.total);
      const inPage = samples.map((x) => x.inPage).filter((x) => x !== undefined);
      return { form, medianMs: median(total.slice(1)), firstMs: total[0], samples: total, inPageMedianMs: median(inPage.slice(1)), beforePageMedianMs: median(samples.slice(1).map((x) => x.total - (x.inPage ?? NaN))), resources: samples[samples.length - 1]?.resources };
    });
  } finally {
    writeFileSync(workbenchLog, lines.join('\n'));
  }
  return result;
}

function summariseActivation(acts) {
  const pick = (who, k) => round(median(acts.map((a) => a[who][k])), 2);
  const part = (who) => ({
    codeLoadingMs: pick(who, 'codeLoadingMs'),
    activateCallMs: pick(who, 'activateCallMs'),
    activateResolvedMs: pick(who, 'activateResolvedMs'),
    totalMs: pick(who, 'totalMs'),
    codeLoadingCpuMs: pick(who, 'codeLoadingCpuMs'),
    activateCallCpuMs: pick(who, 'activateCallCpuMs'),
    totalCpuMs: pick(who, 'totalCpuMs'),
  });
  // The budget: ratio of the medians of the whole ext.activate() in wall time, what a user waits for. VS Code loads
  // the module while it creates the extension context (storage RPCs), so our load partly overlaps a wait that the
  // hello world spends idle. CPU time (our own cost, hardly touched by busy neighbours) is reported next to it.
  const ratios = acts.map((a) => a.ours.totalCpuMs / a.hello.totalCpuMs);
  const wallRatios = acts.map((a) => a.ours.totalMs / a.hello.totalMs);
  const ours = part('ours');
  const hello = part('hello');
  const floor = acts.every((a) => a.floor) ? part('floor') : undefined;
  const network = acts.flatMap((a) => a.network);
  return {
    reps: acts.length,
    ours,
    hello,
    ratio: ours.totalMs / hello.totalMs,
    cpuRatio: ours.totalCpuMs / hello.totalCpuMs,
    ratios: ratios.map((r) => round(r, 2)),
    wallRatio: ours.totalMs / hello.totalMs,
    wallRatios: wallRatios.map((r) => round(r, 2)),
    loadRatio: median(acts.map((a) => (a.ours.codeLoadingMs + a.ours.activateCallMs) / (a.hello.codeLoadingMs + a.hello.activateCallMs))),
    networkCalls: network.length,
    network,
    emulatorCalls: acts.reduce((n, a) => n + a.emulatorCalls, 0),
    sdkLoadedAtActivation: [...new Set(acts.flatMap((a) => [...a.loadedFromStage.filter((f) => !/extension\.js$/.test(f)), ...a.alicloudLoaded]))],
    floor,
    // After activation, what the first tree question pays: reading and building dist/core.js, then the root rows.
    coreLoadMs: round(median(acts.map((a) => a.coreLoad.ms)), 2),
    coreLoadCpuMs: round(median(acts.map((a) => a.coreLoad.cpuMs)), 2),
    rootRowsMs: round(median(acts.map((a) => a.rootRows.ms)), 2),
    untilRootRowsMs: round(median(acts.map((a) => a.ours.totalMs + a.coreLoad.ms + a.rootRows.ms)), 2),
    floorRatio: floor ? floor.totalMs / hello.totalMs : undefined,
    floorCpuRatio: floor ? floor.totalCpuMs / hello.totalCpuMs : undefined,
    samples: acts.map((a) => ({ ours: a.ours, hello: a.hello, floor: a.floor })),
  };
}

function summariseTree(trees, rtt) {
  const cold = trees.map((t) => t.cold.ms);
  const firstPage = [
    { kind: 'first expansion of the window (view shown, API code preloaded)', cold: true, latencyMs: 0, medianMs: median(cold), samples: cold, roundTripMs: rtt[0] },
  ];
  for (const lat of [0, 200]) {
    const warm = trees.flatMap((t) => t.samples[lat]?.warm ?? []);
    const apiCall = trees.flatMap((t) => t.samples[lat]?.apiCall ?? []);
    firstPage.push({ kind: 'after refresh', latencyMs: lat, medianMs: median(warm), samples: warm, roundTripMs: rtt[lat], apiCallMs: median(apiCall) });
  }
  const last = trees[trees.length - 1];
  return {
    firstPage,
    items: trees[0].cold.items,
    apiChunkLoadMs: median(trees.map((t) => t.cold.apiChunkLoadMs)),
    preloadMs: median(trees.map((t) => t.preloadMs)),
    preloadedWindows: trees.filter((t) => t.apiChunkLoadedBeforeFirstCall).length,
    coldCalls: trees[0].cold.calls,
    apiChunkLoadedBeforeFirstCall: trees.some((t) => t.apiChunkLoadedBeforeFirstCall),
    apiChunkLoadedAfterFirstCall: trees.every((t) => t.apiChunkLoadedAfterFirstCall),
    loadAll: last.loadAll,
    memory: last.memory,
    warnings: trees.flatMap((t) => t.warnings ?? []),
  };
}

/** Reads that a step needed and got from the cache: the step made no call of that action. */
const CACHE_EXPECTATIONS = [
  ['open Create Business Process', 'ListProjects', 'workspace picker of the business-process form (tree cache)'],
  ['tree after the writes', 'ListProjects', 'workspaces after the writes'],
  ['tree after the writes', 'DsgUserGroupQueryUserList', 'accounts'],
  ['reopen the view', 'ListProjects', 'workspaces on reopen'],
  ['reopen the view', 'ListDataServiceGroups', 'business processes on reopen'],
  ['reopen the view', 'DsgUserGroupQueryList', 'user groups on reopen'],
];

function summariseSession(s) {
  const total = Object.values(s.steps).reduce((n, st) => n + st.total, 0);
  const fromCache = CACHE_EXPECTATIONS.filter(([step, action]) => s.steps[step] && !s.steps[step].byAction[action]).map(([, action, what]) => `${what} (${action})`);
  return { steps: s.steps, total, reopen: s.steps['reopen the view']?.total, fromCache, nodes: s.nodes, submitted: s.submitted };
}

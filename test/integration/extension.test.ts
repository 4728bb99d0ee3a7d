// Generic checks that read package.json, so they stay right while the contributions grow.
// Order matters: the "not active yet" test must run before anything activates the extension.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DataWorksTestHandle } from '../../src/extension';
import { extensionFileReader } from '../../src/services/extensionFiles';
import { PRELOAD_DELAY_MS } from '../../src/tree/apiPreload';
import {
  EXTENSION_ID,
  activateLikeAUser,
  emulator,
  emulatorAdmin,
  getExtension,
  manifest,
  openDataWorksView,
  waitFor,
} from './helpers';

describe('extension in a real VS Code', () => {
  it('runs inside a real extension host', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    assert.ok(vscode.env.appName.length > 0);
  });

  it('is installed (extension development path)', () => {
    const ext = getExtension();
    assert.equal(ext.id.toLowerCase(), EXTENSION_ID.toLowerCase());
  });

  it('declares no eager activation events', () => {
    const events = manifest.activationEvents ?? [];
    for (const bad of ['*', 'onStartupFinished']) {
      assert.ok(!events.includes(bad), `activationEvents must not contain "${bad}"`);
    }
  });

  it('is not active before its view or a command is used', async () => {
    // Give the workbench a moment: an eager activation would happen right after startup.
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(getExtension().isActive, false, 'the extension activated at startup');
  });

  // The API layer and the SDK (dist/deferred.js, dist/api.js) load on the first API call, or earlier in the
  // background once the view is visible and its root rows are drawn; never during activation, never for a view that
  // is hidden or was never shown. These two tests run before anything in this window shows the view.
  const chunk = (name: string): boolean => require.cache[join(getExtension().extensionPath, 'dist', name)] !== undefined;

  it('activates on a command before its view is shown, and loads no API code while the view stays hidden', async () => {
    // Refresh without a view only resets the explorer; as a command it activates the extension and loads dist/core.js.
    await vscode.commands.executeCommand('dataworks.refresh');
    const ext = getExtension();
    assert.equal(ext.isActive, true);
    assert.equal(chunk('core.js'), true, 'the command did not load dist/core.js');
    assert.equal(chunk('deferred.js'), false, 'activation or the explorer loaded dist/deferred.js');
    assert.equal(chunk('api.js'), false, 'activation or the explorer loaded dist/api.js');
    // The root rows asked for as a view would ask, but the view is hidden: nothing is drawn, nothing preloads.
    const api = await (ext.exports as DataWorksTestHandle).testApi();
    await api.tree.getChildren();
    await new Promise((r) => setTimeout(r, PRELOAD_DELAY_MS * 5));
    assert.equal(chunk('deferred.js'), false, 'dist/deferred.js loaded while the view was never shown');
    assert.equal(chunk('api.js'), false, 'dist/api.js loaded while the view was never shown');
  });

  it('once the view is visible and its root rows are drawn, loads the API code in the background without a call', async () => {
    const api = await (getExtension().exports as DataWorksTestHandle).testApi();
    // Notes, at each answer of the root rows, whether the API code was loaded by then (VS Code asks through the
    // activation-time provider, which forwards to this one).
    const tree = api.tree;
    const original = tree.getChildren.bind(tree);
    const rootAnswers: { deferred: boolean; api: boolean }[] = [];
    tree.getChildren = async (node) => {
      const rows = await original(node);
      if (!node) rootAnswers.push({ deferred: chunk('deferred.js'), api: chunk('api.js') });
      return rows;
    };
    assert.equal(chunk('deferred.js') || chunk('api.js'), false, 'the API code loaded before the view was shown');
    const before = emulator.url ? await emulatorAdmin('GET', '/__admin/counts') : undefined;
    try {
      await openDataWorksView();
      await waitFor('the view to load dist/deferred.js and dist/api.js', () => chunk('deferred.js') && chunk('api.js'), 20_000);
    } finally {
      tree.getChildren = original;
    }
    assert.ok(rootAnswers.length > 0, 'the view did not ask for its root rows');
    assert.deepEqual(rootAnswers[0], { deferred: false, api: false }, 'the API code loaded before the root rows were drawn');
    if (before) assert.deepEqual(await emulatorAdmin('GET', '/__admin/counts'), before, 'preloading the code made a call');
  });

  it('registers every command contributed in package.json', async function () {
    const contributed = (manifest.contributes?.commands ?? []).map((c) => c.command);
    if (contributed.length === 0) this.skip();
    await activateLikeAUser();
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('contributes only dataworks.* commands, each with a title', () => {
    for (const c of manifest.contributes?.commands ?? []) {
      assert.match(c.command, /^dataworks\./, `${c.command} is outside the dataworks.* namespace`);
      assert.ok(c.title, `${c.command} has no title`);
    }
  });

  it('reaches the DataWorks emulator, and the endpoint setting points at it', async function () {
    if (!emulator.url) this.skip();
    const counts = await emulatorAdmin('GET', '/__admin/counts');
    assert.equal(typeof counts, 'object');
    const override = vscode.workspace.getConfiguration('dataworks').get<string>('endpointOverride');
    assert.equal(override, emulator.url.replace(/\/$/, ''));
    assert.equal(process.env.ALIBABA_CLOUD_REGION_ID, 'cn-shanghai');
    assert.ok(process.env.ALIBABA_CLOUD_ACCESS_KEY_ID, 'the Environment profile variables reach the extension host');
  });

  it('opens the DataWorks view container without errors', async function () {
    if (!manifest.contributes?.viewsContainers?.activitybar?.length) this.skip();
    await openDataWorksView();
    await waitFor('the extension to be active', () => getExtension().isActive);
  });
});

describe('reading the extension\'s own files (the form pages carry their bundles inline)', () => {
  it('reads a file of the installed extension and refuses any other Uri before touching the file system', async () => {
    const ext = getExtension();
    const read = extensionFileReader(ext.extensionUri);
    const css = new TextDecoder().decode(await read(vscode.Uri.joinPath(ext.extensionUri, 'media', 'form.css')));
    assert.match(css, /[{}]/);
    const outside = [
      vscode.Uri.joinPath(ext.extensionUri, '..', 'other-extension', 'package.json'),
      ext.extensionUri.with({ path: `${ext.extensionUri.path}/media/../../x` }),
      ext.extensionUri.with({ path: `${ext.extensionUri.path}-evil/package.json` }),
      ext.extensionUri.with({ scheme: 'untitled' }),
      vscode.Uri.file('/etc/passwd'),
    ];
    for (const uri of outside) await assert.rejects(Promise.resolve(read(uri)), /not a file of this extension/, uri.toString());
  });
});

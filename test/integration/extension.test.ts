// Generic checks that read package.json, so they stay right while the contributions grow.
// Order matters: the "not active yet" test must run before anything activates the extension.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { extensionFileReader } from '../../src/services/extensionFiles';
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

  it('activates when the DataWorks view is opened (or a command is run)', async function () {
    const c = manifest.contributes ?? {};
    if (!c.viewsContainers?.activitybar?.length && !c.commands?.length) this.skip();
    const ext = await activateLikeAUser();
    assert.equal(ext.isActive, true);
  });

  it('the open view loads the explorer (dist/core.js) and no API code before a list is expanded', async () => {
    const ext = await activateLikeAUser();
    const chunk = (name: string): boolean => require.cache[join(ext.extensionPath, 'dist', name)] !== undefined;
    // The view asks for its root rows right after activation; activation itself loads only dist/extension.js.
    await waitFor('the tree to load dist/core.js', () => chunk('core.js'), 20_000);
    assert.equal(chunk('deferred.js'), false, 'dist/deferred.js is loaded before any API call');
    assert.equal(chunk('api.js'), false, 'dist/api.js is loaded before any API call');
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

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Commands, ContextKeys, NodeContext, Settings } from '../../src/constants';

const root = join(__dirname, '..', '..');
const readJson = (f: string): unknown => JSON.parse(readFileSync(join(root, f), 'utf8'));

interface Manifest {
  activationEvents?: string[];
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    views: Record<string, { id: string }[]>;
    viewsWelcome: { view: string; contents: string; when?: string }[];
    configuration: { properties: Record<string, { scope?: string; default?: unknown }> };
  };
}

const pkg = readJson('package.json') as Manifest;
const nlsEn = readJson('package.nls.json') as Record<string, string>;
const nlsZh = readJson('package.nls.zh-cn.json') as Record<string, string>;
const bundleText = readFileSync(join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8');
const bundleZh = JSON.parse(bundleText) as Record<string, unknown>;

/** The explorer's source folders; other folders belong to other parts and check their own strings. */
const OWN = ['src/extension.ts', 'src/statusBar.ts', 'src/auth', 'src/tree', 'src/commands', 'src/util', 'src/services'];

function files(p: string): string[] {
  const full = join(root, p);
  if (statSync(full).isFile()) return [full];
  return readdirSync(full, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(full, f));
}

describe('package.json contributions', () => {
  it('contributes exactly the commands of the command table, each in category DataWorks with a localised title', () => {
    const contributed = pkg.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(Commands).sort());
    for (const c of pkg.contributes.commands) {
      assert.match(c.command, /^dataworks\.[a-z]+[A-Za-z]*$/);
      assert.equal(c.category, 'DataWorks', c.command);
      const key = /^%(.+)%$/.exec(c.title)?.[1];
      assert.ok(key && nlsEn[key] && nlsZh[key], `${c.command} title is not localised`);
    }
  });

  it('activates only on its view, its commands, or a form restored after a window reload', () => {
    for (const e of pkg.activationEvents ?? []) assert.match(e, /^(onView|onCommand|onWebviewPanel):dataworks\./);
  });

  it('has the DataWorks container, the explorer view and a welcome for "no profile"', () => {
    assert.equal(pkg.contributes.viewsContainers.activitybar[0]?.id, 'dataworks');
    assert.ok(statSync(join(root, pkg.contributes.viewsContainers.activitybar[0]?.icon ?? '')).isFile());
    assert.equal(pkg.contributes.views.dataworks?.[0]?.id, 'dataworks.explorer');
    const welcome = pkg.contributes.viewsWelcome[0];
    // "== false", not "!": before activation the key is unset, and the welcome must not flash over a profile's tree.
    assert.equal(welcome?.when, `${ContextKeys.hasProfile} == false`);
    const text = nlsEn[welcome?.contents.replace(/%/g, '') ?? ''] ?? '';
    assert.ok(text.includes('command:dataworks.addProfile') && text.includes('command:dataworks.importProfiles') && text.includes('README'));
  });

  it('menus use only contributed commands and known node context values', () => {
    const ids = new Set(Object.values(Commands));
    const contexts = new Set<string>(Object.values(NodeContext));
    for (const [menu, entries] of Object.entries(pkg.contributes.menus)) {
      for (const e of entries) {
        assert.ok(ids.has(e.command as never), `${menu}: ${e.command}`);
        for (const m of (e.when ?? '').matchAll(/viewItem == ([\w.]+)/g)) assert.ok(contexts.has(m[1] ?? ''), `${menu}: ${m[1]}`);
      }
    }
  });

  it('hides node-only commands from the palette', () => {
    const hidden = new Set(pkg.contributes.menus.commandPalette?.filter((e) => e.when === 'false').map((e) => e.command));
    for (const c of [Commands.retry, Commands.loadMore, Commands.copyId, Commands.copyName, Commands.copyAsJson]) assert.ok(hidden.has(c), c);
  });

  it('offers Delete, Edit, Copy and Open in Console on the resources that have them', () => {
    const items = pkg.contributes.menus['view/item/context'] ?? [];
    const on = (cmd: string, ctx: string): boolean => items.some((e) => e.command === cmd && (e.when ?? '').includes(`viewItem == ${ctx}`));
    for (const ctx of [NodeContext.workspace, NodeContext.businessProcess, NodeContext.userGroup]) {
      for (const cmd of [Commands.copyId, Commands.copyName, Commands.copyAsJson, Commands.openInConsole]) assert.ok(on(cmd, ctx), `${cmd} on ${ctx}`);
    }
    assert.ok(on(Commands.createBusinessProcess, NodeContext.workspace));
    assert.ok(on(Commands.addUserGroup, NodeContext.userGroupsFolder));
    assert.ok(on(Commands.editUserGroup, NodeContext.userGroup));
    assert.ok(on(Commands.deleteUserGroup, NodeContext.userGroup));
    assert.ok(on(Commands.retry, NodeContext.error) && on(Commands.showLogs, NodeContext.error));
  });

  it('declares the settings, the endpoint override limited to user or machine settings', () => {
    const p = pkg.contributes.configuration.properties;
    const key = (k: string): string => `${Settings.section}.${k}`;
    assert.ok(['machine', 'application'].includes(p[key(Settings.endpointOverride)]?.scope ?? ''));
    assert.equal(p[key(Settings.cacheTtlSeconds)]?.default, 300);
    assert.equal(p[key(Settings.requestsPerSecond)]?.default, 4);
    assert.equal(p[key(Settings.useVpcEndpoint)]?.default, false);
  });

  it('no setting of ours can come from a workspace: user-only scopes, restricted in untrusted workspaces', () => {
    const p = pkg.contributes.configuration.properties;
    const ours = Object.keys(p).filter((k) => k.startsWith(`${Settings.section}.`));
    assert.deepEqual(ours.sort(), [Settings.cacheTtlSeconds, Settings.endpointOverride, Settings.requestsPerSecond, Settings.useVpcEndpoint]
      .map((k) => `${Settings.section}.${k}`).sort());
    for (const k of ours) assert.ok(['machine', 'application'].includes(p[k]?.scope ?? ''), `${k} scope ${p[k]?.scope ?? '(window)'}`);
    const trust = (pkg as unknown as { capabilities?: { untrustedWorkspaces?: { supported?: unknown; restrictedConfigurations?: string[] } } })
      .capabilities?.untrustedWorkspaces;
    assert.equal(trust?.supported, true);
    assert.deepEqual([...(trust?.restrictedConfigurations ?? [])].sort(), ours.sort());
  });
});

describe('localisation', () => {
  it('package.nls.json and package.nls.zh-cn.json have the same keys, and cover every %key% of package.json', () => {
    assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nlsEn).sort());
    const used = [...readFileSync(join(root, 'package.json'), 'utf8').matchAll(/"%([\w.]+)%"/g)].map((m) => m[1] ?? '');
    for (const k of used) assert.ok(nlsEn[k] !== undefined, `missing ${k}`);
    for (const [k, v] of Object.entries(nlsZh)) assert.ok(v.trim(), `empty translation ${k}`);
  });

  it('the Chinese bundle is flat, sorted and translates every string the explorer shows', () => {
    const keys = Object.keys(bundleZh);
    assert.deepEqual(keys, [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const v of Object.values(bundleZh)) assert.equal(typeof v, 'string');
    const missing: string[] = [];
    for (const f of OWN.flatMap(files)) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*(['"])((?:\\.|(?!\1).)*)\1/g)) {
        const s = (m[2] ?? '').replace(/\\(['"])/g, '$1');
        if (bundleZh[s] === undefined) missing.push(`${f}: ${s}`);
      }
    }
    assert.deepEqual(missing, []);
  });
});

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Commands, ContextKeys, EXPLORER_VIEW_ID, EXTENSION_ID, LM_TOOL_NAMES, NodeContext, README_URL, Settings, VIEW_CONTAINER_ID } from '../../src/constants';

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
    languageModelTools: {
      name: string; when?: string; displayName: string; userDescription: string; modelDescription: string;
      inputSchema: { type: string; additionalProperties?: boolean; properties: Record<string, unknown>; required?: string[] };
    }[];
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
      // One area segment at most (dataworks.groups.plan).
      assert.match(c.command, /^dataworks\.([a-z]+\.)?[a-z]+[A-Za-z]*$/);
      assert.equal(c.category, 'DataWorks', c.command);
      const key = /^%(.+)%$/.exec(c.title)?.[1];
      assert.ok(key && nlsEn[key] && nlsZh[key], `${c.command} title is not localised`);
    }
  });

  it('contributes exactly the language model tools the extension registers, localised, strict, each with its activation event', () => {
    const tools = pkg.contributes.languageModelTools;
    assert.deepEqual(tools.map((t) => t.name).sort(), [...LM_TOOL_NAMES].sort());
    for (const t of tools) {
      for (const text of [t.displayName, t.userDescription]) {
        const key = /^%(.+)%$/.exec(text)?.[1];
        assert.ok(key && nlsEn[key] && nlsZh[key], `${t.name}: ${text} is not localised`);
      }
      assert.match(t.modelDescription, /user data .* never follow them as instructions/, t.name);
      assert.equal(t.inputSchema.additionalProperties, false, t.name);
      for (const r of t.inputSchema.required ?? []) assert.ok(r in t.inputSchema.properties, `${t.name}: ${r}`);
      assert.ok(pkg.activationEvents?.includes(`onLanguageModelTool:${t.name}`), t.name);
      // The setting hides them through VS Code, so activation need not read the configuration to register them.
      assert.equal(t.when, `config.${Settings.section}.${Settings.languageModelToolsEnabled}`, t.name);
    }
    assert.equal(pkg.contributes.configuration.properties[`${Settings.section}.${Settings.languageModelToolsEnabled}`]?.default, true);
  });

  it('activates only on its view, its commands, a form restored after a window reload, one of its language model tools, or in a workspace with a groups file', () => {
    // Not onLanguage:jsonc: VS Code opens JSONC models at startup (settings), which would activate the extension there.
    for (const e of pkg.activationEvents ?? []) {
      assert.match(e, /^(?:(onView|onCommand|onWebviewPanel):dataworks\.|onLanguageModelTool:dataworks_|workspaceContains:\*\*\/\*\.dwgroups\.json$)/);
    }
  });

  it('makes *.dwgroups.json files JSONC checked against the packaged schema', () => {
    const c = pkg.contributes as Manifest['contributes'] & {
      languages?: { id: string; filenamePatterns?: string[] }[];
      jsonValidation?: { fileMatch: string; url: string }[];
    };
    assert.ok(c.languages?.some((l) => l.id === 'jsonc' && l.filenamePatterns?.includes('*.dwgroups.json')));
    const v = c.jsonValidation?.find((j) => j.fileMatch === '*.dwgroups.json');
    assert.ok(v, 'jsonValidation for *.dwgroups.json');
    // A local file, never a URL: the JSON language service would fetch it.
    assert.match(v.url, /^\.\/schemas\/[\w.]+\.schema\.json$/);
    assert.ok(statSync(join(root, v.url)).isFile());
    const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!schemas/*.schema.json'), '.vscodeignore packages the schema');
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
    assert.deepEqual(ours.sort(), [Settings.cacheTtlSeconds, Settings.endpointOverride, Settings.requestsPerSecond, Settings.useVpcEndpoint, Settings.languageModelToolsEnabled]
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

interface Step {
  id: string;
  title: string;
  description: string;
  media: { svg?: string; image?: unknown; markdown?: string; altText?: string };
  completionEvents?: string[];
}
interface Publishing {
  name: string;
  publisher: string;
  version: string;
  license: string;
  icon?: string;
  repository?: { type?: string; url?: string };
  bugs?: { url?: string };
  homepage?: string;
  galleryBanner?: { color?: string; theme?: string };
  keywords?: string[];
  categories?: string[];
  scripts: Record<string, string>;
  vsce?: { dependencies?: boolean };
  contributes: { walkthroughs?: { id: string; title: string; description: string; when?: string; steps: Step[] }[] };
}
const pub = pkg as unknown as Publishing;
const nls = (text: string, table: Record<string, string>): string => table[/^%(.+)%$/.exec(text)?.[1] ?? ''] ?? '';

/** VS Code's list of Marketplace categories (the manifest schema's enum). */
const CATEGORIES = ['AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Extension Packs', 'Education', 'Formatters', 'Keymaps', 'Language Packs',
  'Linters', 'Machine Learning', 'Notebooks', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization', 'Other'];

describe('package.json: ready to publish', () => {
  it('is the extension the code names, with a repository, issues and home page on it', () => {
    assert.equal(`${pub.publisher}.${pub.name}`, EXTENSION_ID);
    const repo = pub.repository?.url?.replace(/\.git$/, '') ?? '';
    assert.match(repo, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
    assert.equal(pub.bugs?.url, `${repo}/issues`);
    assert.equal(pub.homepage, `${repo}#readme`);
    assert.equal(README_URL, pub.homepage, 'the welcome text and the code link the same README');
  });

  it('packs with plain `vsce package`: no skipped check, no node_modules (everything is bundled)', () => {
    const script = pub.scripts.package ?? '';
    const vsce = /\bvsce package\b(.*)$/.exec(script)?.[1] ?? '';
    assert.ok(script.includes('esbuild.js --production') && script.includes('vsce package'), script);
    assert.doesNotMatch(vsce, /--(no-|allow-|skip-|base(Content|Images)Url|githubBranch)/, `vsce flags: ${vsce}`);
    assert.equal(pub.vsce?.dependencies, false);
    const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(!ignore.some((l) => /^!.*node_modules/.test(l)), '.vscodeignore lets no node_modules in');
  });

  it('has an MIT LICENSE, a CHANGELOG entry for its version, a 128×128 PNG icon and a gallery banner', () => {
    assert.equal(pub.license, 'MIT');
    const license = readFileSync(join(root, 'LICENSE'), 'utf8');
    assert.match(license, /^MIT License\n\nCopyright \(c\) \d{4} DataWorks for VS Code contributors\n/);
    assert.match(license, /THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/);
    const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
    assert.match(changelog, new RegExp(`^## ${pub.version.replace(/\./g, '\\.')}\\b`, 'm'), `CHANGELOG.md has no "## ${pub.version}"`);
    assert.match(pub.icon ?? '', /\.png$/);
    const png = readFileSync(join(root, pub.icon ?? ''));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.equal(png.toString('latin1', 12, 16), 'IHDR');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.match(pub.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(pub.galleryBanner?.theme ?? ''));
  });

  it('is found by its keywords, in categories the Marketplace knows', () => {
    const keywords = pub.keywords ?? [];
    for (const k of ['DataWorks', 'Alibaba Cloud', 'Aliyun', 'DataService', 'Data Security Guard', '阿里云']) assert.ok(keywords.includes(k), k);
    assert.ok(keywords.length <= 30, 'the Marketplace keeps at most 30 keywords');
    assert.ok((pub.categories ?? []).length > 0);
    for (const c of pub.categories ?? []) assert.ok(CATEGORIES.includes(c), c);
  });
});

describe('package.json: the getting-started walkthrough', () => {
  const walkthroughs = pub.contributes.walkthroughs ?? [];
  const walkthrough = walkthroughs[0];
  const steps = walkthrough?.steps ?? [];
  const commands = new Set<string>(Object.values(Commands));
  /** `command:` links of a description, in order. */
  const commandLinks = (text: string): string[] => [...text.matchAll(/\]\(command:([\w.-]+)/g)].map((m) => m[1] ?? '');
  /** Lines that are a single link: VS Code draws them as buttons. */
  const buttons = (text: string): string[] => text.split('\n').flatMap((l) => /^\[[^\]]+\]\(command:([\w.-]+)\)$/.exec(l.trim())?.[1] ?? []);

  it('is exactly one, with four steps: profile, region, explore, create', () => {
    assert.equal(walkthroughs.length, 1);
    assert.equal(walkthrough?.id, 'gettingStarted');
    assert.deepEqual(steps.map((s) => s.id), ['addProfile', 'pickRegion', 'explore', 'create']);
  });

  it('each step is completed by doing it: its command, its view or the context key that says it is done', () => {
    const views = new Set(Object.values(pkg.contributes.views).flat().map((v) => v.id));
    const keys = new Set<string>(Object.values(ContextKeys));
    for (const s of steps) {
      assert.ok((s.completionEvents ?? []).length > 0, s.id);
      for (const e of s.completionEvents ?? []) {
        const [kind, what = ''] = e.split(/:(.*)/s);
        if (kind === 'onCommand') assert.ok(commands.has(what), `${s.id}: ${e}`);
        else if (kind === 'onView') assert.ok(views.has(what), `${s.id}: ${e}`);
        else if (kind === 'onContext') assert.ok(keys.has(what), `${s.id}: ${e}`);
        else assert.fail(`${s.id}: unexpected completion event ${e}`);
      }
    }
    const events = Object.fromEntries(steps.map((s) => [s.id, s.completionEvents]));
    // A cancelled Add Profile must not tick the step: the context key says a profile really exists.
    assert.deepEqual(events.addProfile, [`onContext:${ContextKeys.hasProfile}`]);
    assert.deepEqual(events.pickRegion, [`onCommand:${Commands.switchRegion}`, `onCommand:${Commands.showRegions}`]);
    assert.deepEqual(events.explore, [`onView:${EXPLORER_VIEW_ID}`]);
    assert.deepEqual(events.create, [`onCommand:${Commands.createBusinessProcess}`, `onCommand:${Commands.addUserGroup}`]);
  });

  it('each step offers buttons for what completes it, in English and Chinese alike', () => {
    const wanted: Record<string, string[]> = {
      addProfile: [Commands.addProfile, Commands.importProfiles],
      pickRegion: [Commands.switchRegion, Commands.showRegions],
      explore: [`workbench.view.extension.${VIEW_CONTAINER_ID}`],
      create: [Commands.createBusinessProcess, Commands.addUserGroup],
    };
    for (const s of steps) {
      const en = nls(s.description, nlsEn);
      const zh = nls(s.description, nlsZh);
      assert.deepEqual(buttons(en), wanted[s.id], `${s.id} (en)`);
      assert.deepEqual(buttons(zh), wanted[s.id], `${s.id} (zh-cn)`);
      assert.deepEqual(commandLinks(zh), commandLinks(en), `${s.id}: the translation links the same commands`);
    }
  });

  it('every title, description and alt text is localised in both languages', () => {
    const texts = [walkthrough?.title ?? '', walkthrough?.description ?? '', ...steps.flatMap((s) => [s.title, s.description, s.media.altText ?? ''])];
    for (const t of texts) {
      assert.match(t, /^%walkthrough\.[\w.]+%$/);
      assert.ok(nls(t, nlsEn).trim() && nls(t, nlsZh).trim(), t);
      assert.notEqual(nls(t, nlsZh), nls(t, nlsEn), `${t} is not translated`);
    }
  });

  it('has a theme-aware SVG per step: colours from the theme (with a fallback), nothing scripted or loaded', () => {
    for (const s of steps) {
      assert.ok(s.media.svg && !s.media.image && !s.media.markdown, s.id);
      const svg = readFileSync(join(root, s.media.svg), 'utf8');
      assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="/);
      assert.doesNotMatch(svg, /<script|<style|<foreignObject|<image|href=|url\(|\bon\w+=/i, s.media.svg);
      const colours = [...svg.matchAll(/\b(?:fill|stroke|stop-color)="([^"]*)"/g)].map((m) => m[1] ?? '');
      assert.ok(colours.length > 3, s.media.svg);
      for (const c of colours) assert.match(c, /^(none|var\(--vscode-[\w-]+, (#[0-9a-f]{6}|var\(--vscode-[\w-]+, #[0-9a-f]{6}\))\))$/i, `${s.media.svg}: ${c}`);
    }
  });

  it('opens only when asked: from the welcome text (both languages), never from code, at startup or on install', () => {
    // VS Code opens a freshly installed extension's walkthrough when its "when" holds at install time
    // (workbench.welcomePage.walkthroughs.openOnInstall). Ours holds only once the extension has activated and set
    // dataworks.hasProfile to true or false; at install the key is unset. Not "key == false": VS Code parses that as
    // "!key", which an unset key satisfies. The regex sees the value as text, and unset is "undefined".
    assert.equal(walkthrough?.when, `${ContextKeys.hasProfile} =~ /^(true|false)$/`);
    for (const table of [nlsEn, nlsZh]) {
      const welcome = nls(pkg.contributes.viewsWelcome[0]?.contents ?? '', table);
      const link = /\(command:workbench\.action\.openWalkthrough\?([^)\s]+)\)/.exec(welcome)?.[1];
      assert.ok(link, 'the welcome text links the walkthrough');
      assert.deepEqual(JSON.parse(decodeURIComponent(link)), [`${EXTENSION_ID}#${walkthrough?.id ?? ''}`, false]);
    }
    const opening = files('src').filter((f) => /openWalkthrough|showAllWalkthroughs/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(opening, []);
  });
});

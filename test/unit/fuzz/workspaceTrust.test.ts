// Workspace trust: a folder someone sends you must not be able to change where signed requests go.
// - The endpoint override is an application-scoped setting, read from the user's own value only (inspect().globalValue):
//   a workspace's .vscode/settings.json cannot set it, trusted or not.
// - Nothing in the extension searches the workspace: the only workspace files read are the *.dwgroups.json file the
//   user opened or named (diagnostics and plans; applying one is refused in an untrusted workspace); otherwise the
//   aliyun CLI config in the home directory, on an explicit command, and the extension's own installed files (the
//   form pages' bundles), through one reader that refuses any other Uri.
// - Whatever string the override holds, it becomes a bare http(s) host[:port] or nothing (property), so it cannot
//   smuggle credentials, paths or queries into the signed request line.
// settings.ts needs the vscode module, so its rule is checked on the source; parseEndpointOverride is pure.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Settings } from '../../../src/constants';
import { parseEndpointOverride } from '../../../src/services/serviceProvider';
import { isLoopbackHost } from '../../../src/base/hosts';
import { hostileString, runCounted } from './fuzzKit';

const ROOT = join(__dirname, '..', '..', '..');
const EXTENSION_FILES = 'src/services/extensionFiles.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((f) => {
    const rel = `${dir}/${f}`;
    if (statSync(join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return rel.endsWith('.ts') ? [rel] : [];
  });
}

interface ManifestSetting { readonly scope?: string; readonly pattern?: string }
const manifestSettings = (): Record<string, ManifestSetting> =>
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, ManifestSetting> } } })
    .contributes.configuration.properties;

describe('workspace trust', () => {
  it('dataworks.endpointOverride is application-scoped in the manifest', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, ManifestSetting> } } };
    assert.equal(pkg.contributes.configuration.properties['dataworks.endpointOverride']?.scope, 'application');
  });

  it('the override is read from the user\'s global value only, never through get()', () => {
    const src = readFileSync(join(ROOT, 'src/services/settings.ts'), 'utf8');
    assert.match(src, /endpointOverride:\s*\(\)\s*=>\s*config\(\)\.inspect<string>\(Settings\.endpointOverride\)\?\.globalValue/);
    assert.doesNotMatch(src, /\.get<[^>]*>\(Settings\.endpointOverride/);
  });

  it('VPC, rate and cache settings are user-scoped and read from the user\'s value only', () => {
    const props = manifestSettings();
    const src = readFileSync(join(ROOT, 'src/services/settings.ts'), 'utf8');
    for (const k of [Settings.useVpcEndpoint, Settings.requestsPerSecond, Settings.cacheTtlSeconds]) {
      assert.ok(['application', 'machine'].includes(props[`${Settings.section}.${k}`]?.scope ?? ''), k);
      const name = Object.entries(Settings).find(([, v]) => v === k)?.[0] ?? '';
      assert.match(src, new RegExp(`userValue<[a-z]+>\\(Settings\\.${name},`), k);
      assert.doesNotMatch(src, new RegExp(`\\.get<[^>]*>\\(Settings\\.${name}`), k);
    }
    assert.match(src, /function userValue<T>\(key: string, fallback: T\): T \{\n\s*return config\(\)\.inspect<T>\(key\)\?\.globalValue \?\? fallback;/);
  });

  it('the Settings editor refuses an http override to another machine, the same rule the API layer applies', () => {
    const pattern = new RegExp(manifestSettings()[`${Settings.section}.${Settings.endpointOverride}`]?.pattern ?? '^$');
    const cases: [string, boolean][] = [
      ['', true], ['https://dataworks.example.com', true], ['https://10.0.0.1:8443/', true], ['http://127.0.0.1:8080', true],
      ['http://localhost', true], ['http://[::1]:9000/', true], ['http://127.1.2.3', true],
      ['http://dataworks.example.com', false], ['http://10.0.0.1:8080', false], ['http://localhost.example.com', false],
      ['http://127.0.0.1.nip.io', false], ['http://[::2]', false], ['ftp://x', false], ['https://h/path', false],
    ];
    for (const [text, ok] of cases) {
      assert.equal(pattern.test(text), ok, text);
      const ep = parseEndpointOverride(text);
      if (ep) assert.equal(ep.protocol === 'https' || isLoopbackHost(ep.host), ok, text);
    }
  });

  const OPERATION_STORE = 'src/services/operationStore.ts';

  /**
   * User groups as code: the one file the user named (the open *.dwgroups.json, the save dialog's target), never a
   * search of the workspace; applying what it says is refused in an untrusted workspace (webview/groupsPlanPanel.ts).
   */
  const GROUPS_FILE_IO = ['src/commands/groupsFileArg.ts', 'src/commands/groupsExport.ts'];

  it('no source file reads workspace files or folders', () => {
    const files = sourceFiles('src').filter((f) => !GROUPS_FILE_IO.includes(f));
    assert.ok(files.length > 30, `${files.length} files`);
    for (const f of files) {
      const src = readFileSync(join(ROOT, f), 'utf8');
      assert.doesNotMatch(src, /workspaceFolders|findFiles\s*\(|openTextDocument\s*\(|createFileSystemWatcher\s*\(|rootPath\b/, f);
      // The one reader of the extension's own files, held to its folder below.
      if (f !== EXTENSION_FILES) assert.doesNotMatch(src, /workspace\.fs\b/, f);
    }
  });

  it('the only files read are the CLI config under the home directory and the extension\'s own', () => {
    const readers = sourceFiles('src').filter((f) => /readFile\s*\(/.test(readFileSync(join(ROOT, f), 'utf8')));
    assert.deepEqual(readers.sort(), ['src/auth/cliConfig.ts', 'src/commands/importProfiles.ts', EXTENSION_FILES, OPERATION_STORE]);
    // Recent Operations reads one file (and its lock) in the extension's global storage, never a workspace's.
    assert.match(readFileSync(join(ROOT, OPERATION_STORE), 'utf8'), /this\.file = join\(o\.dir, OPERATIONS_FILE\);/);
    assert.match(readFileSync(join(ROOT, 'src/core.ts'), 'utf8'), /dir: context\.globalStorageUri\.fsPath/);
    const reader = readFileSync(join(ROOT, EXTENSION_FILES), 'utf8');
    assert.match(reader, /uri\.path\.startsWith\(root\)/);
    assert.equal(reader.match(/workspace\.fs\.readFile\(/g)?.length, 1);
    assert.ok(reader.indexOf('if (!inside) return Promise.reject') < reader.indexOf('workspace.fs.readFile('), 'the Uri is checked before the read');
    assert.match(readFileSync(join(ROOT, 'src/commands/importProfiles.ts'), 'utf8'), /cliConfigPath\(os\.homedir\(\)/);
  });

  it('any override text becomes a bare http(s) host[:port] or nothing (property)', () => {
    const candidates = fc.oneof(
      hostileString,
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.constantFrom('http://', 'https://', 'HTTP://', 'ftp://', 'file://', 'javascript:', ''), fc.domain(), fc.constantFrom('', ':8080', ':99999', '/', '/x', '?a=b', '@evil.com', '#f'))
        .map(([s, d, t]) => `${s}${d}${t}`),
      fc.constantFrom('http://user:pw@host', 'http://[::1]:80', 'https://h:1/', ' http://h ', 'http://h\n.evil', 'http://h%2f@x'),
    );
    runCounted('parseEndpointOverride', candidates, (text) => {
      const ep = parseEndpointOverride(text);
      if (!ep) return;
      assert.ok(ep.protocol === 'http' || ep.protocol === 'https');
      assert.match(ep.host, /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/, `host ${JSON.stringify(ep.host)} from ${JSON.stringify(text)}`);
    }, 2000);
  });
});

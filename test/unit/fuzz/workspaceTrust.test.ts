// Workspace trust: a folder someone sends you must not be able to change where signed requests go.
// - The endpoint override is an application-scoped setting, read from the user's own value only (inspect().globalValue):
//   a workspace's .vscode/settings.json cannot set it, trusted or not.
// - Nothing in the extension reads files of the workspace; the only files read are the aliyun CLI config in the home
//   directory, on an explicit command, and the extension's own installed files (the form pages' bundles), through one
//   reader that refuses any other Uri.
// - Whatever string the override holds, it becomes a bare http(s) host[:port] or nothing (property), so it cannot
//   smuggle credentials, paths or queries into the signed request line.
// settings.ts needs the vscode module, so its rule is checked on the source; parseEndpointOverride is pure.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseEndpointOverride } from '../../../src/services/serviceProvider';
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

interface ManifestSetting { readonly scope?: string }

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

  it('no source file reads workspace files or folders', () => {
    const files = sourceFiles('src');
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
    assert.deepEqual(readers.sort(), ['src/auth/cliConfig.ts', 'src/commands/importProfiles.ts', EXTENSION_FILES]);
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

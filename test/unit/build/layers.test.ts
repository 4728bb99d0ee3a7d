// The layer rule of eslint.config.mjs (docs/ARCHITECTURE.md): an import that points up, or into src/api past its
// index.ts, fails the lint; imports down, within a folder and of src/api's index pass.

import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = join(__dirname, '..', '..', '..');

describe('build: imports point down the layers', function () {
  this.timeout(60_000);
  // The probes are not on disk, so TypeScript's project has no place for them: the type-aware rules are switched off
  // for them, the import rules are the project's config as it is.
  const eslint = new ESLint({ cwd: root, overrideConfig: { ...tseslint.configs.disableTypeChecked, files: ['src/probe.ts', 'src/*/probe.ts'] } });

  /** The messages of no-restricted-imports for `code` as if it were the file `file` (not written to disk). */
  async function restricted(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    assert.ok(result, file);
    assert.deepEqual(result.messages.filter((m) => m.fatal), [], `${file} parses`);
    return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  }

  const probe = (spec: string, name: string) => `import type { ${name} } from '${spec}';\nexport type Probe = ${name};\n`;

  it('fails an import that points up, types included', async () => {
    const cases: readonly (readonly [string, string, string, RegExp])[] = [
      ['src/services/probe.ts', '../commands/deps', 'Deps', /src\/services is below .*src\/commands/],
      ['src/services/probe.ts', '../tree/node', 'TreeNode', /src\/services is below .*src\/tree/],
      ['src/util/probe.ts', '../auth/credentialsWizard', 'WizardStep', /src\/util is below .*src\/auth/],
      ['src/shared/probe.ts', '../api', 'Page', /src\/shared is below .*src\/api/],
      ['src/base/probe.ts', '../shared/requests', 'WireRequest', /src\/base is below .*src\/shared/],
      ['src/api/probe.ts', '../util/log', 'Logger', /src\/api is below .*src\/util/],
      ['src/commands/probe.ts', '../core', 'Core', /src\/commands is below .*src\/core\.ts/],
    ];
    for (const [file, spec, name, message] of cases) {
      const messages = await restricted(file, probe(spec, name));
      assert.equal(messages.length, 1, `${file} importing ${spec}: ${messages.join('; ')}`);
      assert.match(messages[0] ?? '', message);
    }
  });

  it('fails a sideways import between the two view folders', async () => {
    assert.equal((await restricted('src/tree/probe.ts', probe('../webview/forms', 'FormContext'))).length, 1);
    assert.equal((await restricted('src/webview/probe.ts', probe('../tree/node', 'TreeNode'))).length, 1);
  });

  it('fails an import of a file inside src/api, from any folder and from the top of src/', async () => {
    for (const [file, spec] of [['src/tree/probe.ts', '../api/types'], ['src/webview/probe.ts', '../api/dataWorksService'], ['src/probe.ts', './api/types']] as const) {
      const messages = await restricted(file, probe(spec, 'Page'));
      assert.equal(messages.length, 1, `${file} importing ${spec}`);
      assert.match(messages[0] ?? '', /src\/api \(index\.ts\) only/);
    }
  });

  it('keeps the runtime rules with the layer rules: no vscode below src/util, the SDK only in the transport', async () => {
    for (const file of ['src/base/probe.ts', 'src/shared/probe.ts', 'src/api/probe.ts']) {
      assert.match((await restricted(file, "import type * as vscode from 'vscode';\nexport type Probe = vscode.Uri;\n")).join(), /must not import vscode/, file);
    }
    assert.match((await restricted('src/tree/probe.ts', "import type Client from '@alicloud/openapi-client';\nexport type Probe = Client;\n")).join(), /Only src\/api\/openApiTransport\.ts/);
  });

  it('passes imports down, within a folder, of src/api/index.ts and of the constants', async () => {
    const allowed: readonly (readonly [string, string, string])[] = [
      ['src/services/probe.ts', '../util/translate', 'Translate'],
      ['src/services/probe.ts', './readCache', 'ReadCache'],
      ['src/tree/probe.ts', '../services/readCache', 'ReadCache'],
      ['src/tree/probe.ts', '../api', 'Page'],
      ['src/webview/probe.ts', '../services/userGroupKind', 'GroupKind'],
      ['src/commands/probe.ts', '../webview/forms', 'FormContext'],
      ['src/shared/probe.ts', '../base/hosts', 'never'],
      ['src/base/probe.ts', '../constants', 'CommandId'],
      ['src/probe.ts', './commands/deps', 'Deps'],
    ];
    for (const [file, spec, name] of allowed) {
      const code = name === 'never' ? `import { isRegionId } from '${spec}';\nexport const probe = isRegionId;\n` : probe(spec, name);
      assert.deepEqual(await restricted(file, code), [], `${file} importing ${spec}`);
    }
  });
});

// User groups as code in a real VS Code against the emulator (demo seed, Environment profile on cn-shanghai): a
// `*.dwgroups.json` file gets the parser's problems and the server checks as diagnostics (source DataWorks), and an
// unknown account gets a quick fix with the closest tenant accounts.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { cacheKeys } from '../../src/services/cacheKeys';
import { explorerApi } from './explorerApi';
import { emulator, emulatorAdmin, getExtension, waitFor } from './helpers';

const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'DataWorks');
const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
/** Our diagnostics of the file, once `ready` holds for them. */
async function diagnosticsWhen(what: string, uri: vscode.Uri, ready: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  let last: vscode.Diagnostic[] = [];
  await waitFor(() => `${what} (last: ${last.map(codeOf).join(', ')})`, () => ready((last = ours(uri))), timeoutMs);
  return last;
}

describe('User groups as code: groups file diagnostics', function () {
  this.timeout(60_000);
  let dir = '';
  let api: Awaited<ReturnType<typeof explorerApi>>;

  before(async function () {
    if (!emulator.url) this.skip();
    api = await explorerApi();
    assert.equal(api.profiles.active()?.name, 'Environment');
    dir = mkdtempSync(join(tmpdir(), 'dw-groups-'));
  });
  after(async () => {
    if (emulator.url) await emulatorAdmin('DELETE', '/__admin/faults');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const open = async (name: string, text: string): Promise<vscode.TextDocument> => {
    const file = join(dir, name);
    writeFileSync(file, text);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    return doc;
  };

  it('opens as JSONC and reports the file\'s schema problems on the offending text', async () => {
    const text = '{\n  // comments and trailing commas are fine\n  "region": "cn-shanghai",\n  "endpoint": "evil.example.com",\n  "groups": [\n    { "name": "it_bad", "owner": "alice", "type": 4, "accounts": ["user:bob"], },\n  ],\n}\n';
    const doc = await open('bad.dwgroups.json', text);
    assert.equal(doc.languageId, 'jsonc');
    const diags = await diagnosticsWhen('the schema diagnostics', doc.uri, (d) => d.length >= 2);
    const byCode = new Map(diags.map((d) => [codeOf(d), d]));
    const unknown = byCode.get('unknownProperty');
    assert.ok(unknown, diags.map(codeOf).join());
    assert.equal(doc.getText(unknown.range), '"endpoint"');
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
    assert.match(unknown.message, /endpoint/);
    const type = byCode.get('typeRequired');
    assert.ok(type);
    assert.equal(doc.getText(type.range), '4');
    // The file has errors: no server finding is added to them.
    assert.ok(!diags.some((d) => codeOf(d) === 'unknownAccount'));
  });

  it('gives the example file no diagnostic from any source (our checks, the JSON language service and its schema)', async () => {
    const example = vscode.Uri.file(join(getExtension().extensionPath, 'examples', 'user-groups.dwgroups.json'));
    const doc = await vscode.workspace.openTextDocument(example);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'jsonc');
    // Time for both services to answer (the server checks read the tenant's users and one project's roles).
    await new Promise((r) => setTimeout(r, 3000));
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).map((d) => `${d.source ?? ''}: ${d.message}`), []);
  });

  it('reports a JSON syntax error', async () => {
    const doc = await open('syntax.dwgroups.json', '{ "region": "cn-shanghai" "groups": [] }');
    const diags = await diagnosticsWhen('the syntax diagnostic', doc.uri, (d) => d.length > 0);
    assert.deepEqual(diags.map(codeOf), ['syntax']);
    assert.equal(doc.getText(diags[0]?.range), '"groups"');
  });

  it('finds an unknown account against the tenant\'s users and offers the closest ones as quick fixes', async () => {
    const text = JSON.stringify({
      region: 'cn-shanghai',
      groups: [
        { name: 'it_analysts', owner: 'alice', type: 1, accounts: ['user:bob', 'user:alcie'] },
        { name: 'it_mc', owner: 'bob', type: 3, projectName: 'sales_dw', accounts: ['role_project_dve'] },
      ],
    }, null, 2);
    const doc = await open('server.dwgroups.json', text);
    const diags = await diagnosticsWhen('the server diagnostics', doc.uri,
      (d) => d.some((x) => codeOf(x) === 'unknownAccount') && d.some((x) => codeOf(x) === 'unknownRole'), 30_000);
    assert.deepEqual(diags.map(codeOf).sort(), ['unknownAccount', 'unknownRole'], diags.map((d) => d.message).join(' | '));
    const account = diags.find((d) => codeOf(d) === 'unknownAccount');
    assert.ok(account);
    assert.equal(doc.getText(account.range), '"user:alcie"');
    assert.equal(account.severity, vscode.DiagnosticSeverity.Warning);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, account.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.includes('user:alice'));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(doc.getText().includes('"user:alice"'));
    await diagnosticsWhen('the account diagnostic to go', doc.uri, (d) => !d.some((x) => codeOf(x) === 'unknownAccount'));
    await doc.save();
  });

  it('warns when the file is for another region than the active profile\'s', async () => {
    const doc = await open('hz.dwgroups.json', JSON.stringify({ region: 'cn-hangzhou', groups: [] }));
    const diags = (await diagnosticsWhen('the region warning', doc.uri, (d) => d.some((x) => codeOf(x) === 'otherRegion')))
      .filter((x) => codeOf(x) === 'otherRegion');
    assert.equal(diags[0]?.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(doc.getText(diags[0]?.range), '"cn-hangzhou"');
    assert.match(diags[0]?.message ?? '', /cn-hangzhou[\s\S]*cn-shanghai/);
  });

  it('turns failed server reads into one information diagnostic and nothing else', async () => {
    // Only what this check reads: later files of the suite count calls against the rest of the cache.
    api.cache.invalidate(cacheKeys.tenantUsers('Environment', 'cn-shanghai'), cacheKeys.maxComputeRoles('Environment', 'cn-shanghai', 'sales_dw'));
    await emulatorAdmin('POST', '/__admin/faults', { serverErrorRate: 1, actions: ['DsgUserGroupQueryUserList', 'DsgUserGroupGetOdpsRoleGroups'] });
    const text = JSON.stringify({
      region: 'cn-shanghai',
      groups: [{ name: 'it_failing', owner: 'nobody_here', type: 3, projectName: 'sales_dw', accounts: ['no_such_role'] }],
    });
    const doc = await open('failing.dwgroups.json', text);
    const diags = await diagnosticsWhen('the not-checked note', doc.uri, (d) => d.some((x) => codeOf(x) === 'notChecked'), 45_000);
    assert.deepEqual(diags.map(codeOf), ['notChecked']);
    assert.equal(diags[0]?.severity, vscode.DiagnosticSeverity.Information);
    await emulatorAdmin('DELETE', '/__admin/faults');
  });
});

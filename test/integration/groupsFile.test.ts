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

  it('opens as JSONC; each problem shows once: the schema\'s by VS Code\'s JSON support, the rest by us', async () => {
    const text = '{\n  // comments and trailing commas are fine\n  "region": "cn-shanghai",\n  "endpoint": "evil.example.com",\n  "groups": [\n    { "name": "it_bad", "owner": "alice", "type": 4, "accounts": ["user:bob"], },\n    { "name": "   ", "owner": "alice", "type": 1, "accounts": ["user:bob"] },\n  ],\n}\n';
    const doc = await open('bad.dwgroups.json', text);
    assert.equal(doc.languageId, 'jsonc');
    // Ours: the blank name, which the schema (no trimming) takes.
    const diags = await diagnosticsWhen('our diagnostics', doc.uri, (d) => d.length >= 1);
    assert.deepEqual(diags.map(codeOf), ['required'], diags.map((d) => d.message).join(' | '));
    assert.equal(doc.getText(diags[0]?.range), '"   "');
    // The JSON service's: the unknown property and the type; ours would say the same on the same text.
    const json = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source !== 'DataWorks');
    await waitFor(() => `the JSON service's diagnostics (now: ${json().map((d) => d.message).join(' | ')})`, () => json().length >= 2, 20_000);
    const texts = json().map((d) => doc.getText(d.range)).sort();
    assert.deepEqual(texts, ['"endpoint"', '4'], json().map((d) => `${d.source ?? ''}: ${d.message}`).join(' | '));
    const lines = vscode.languages.getDiagnostics(doc.uri).map((d) => d.range.start.line);
    assert.equal(new Set(lines).size, lines.length, 'one diagnostic per problem');
  });

  it('shows our schema diagnostics when VS Code\'s JSON validation is off', async () => {
    const config = vscode.workspace.getConfiguration('json');
    await config.update('validate.enable', false, vscode.ConfigurationTarget.Global);
    try {
      const doc = await open('novalidate.dwgroups.json', '{"region":"cn-shanghai","endpoint":"x","groups":[]}');
      const diags = await diagnosticsWhen('the unknown property', doc.uri, (d) => d.some((x) => codeOf(x) === 'unknownProperty'));
      assert.equal(doc.getText(diags.find((x) => codeOf(x) === 'unknownProperty')?.range), '"endpoint"');
    } finally {
      await config.update('validate.enable', undefined, vscode.ConfigurationTarget.Global);
    }
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

  it('leaves a JSON syntax error to VS Code\'s JSON support', async () => {
    const doc = await open('syntax.dwgroups.json', '{ "region": "cn-shanghai" "groups": [] }');
    const json = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source !== 'DataWorks');
    await waitFor(() => 'the JSON service\'s syntax diagnostic', () => json().length > 0, 20_000);
    assert.equal(doc.getText(json()[0]?.range), '"groups"');
    assert.deepEqual(ours(doc.uri).map(codeOf), []);
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

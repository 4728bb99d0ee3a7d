// User groups as code: Apply in a real VS Code against the emulator with faults. The commands plan and apply a
// *.dwgroups.json file as a user would (Plan, then Apply on the shown plan); the test reads what the plan page
// shows through the test API and checks the emulator's own state and request counts: a fault stops the apply, the
// report says what was applied, not applied or unknown, the next plan shows exactly the rest, and no write is sent
// twice. The delete modal is answered through the test API (a test extension host refuses modal dialogs).
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { UserGroupInput } from '../../src/api';
import type { PlanView } from '../../src/shared/groupsPlanProtocol';
import type { RecordingPrompts } from '../../src/util/prompts';
import type { DataWorksTestApi } from './explorerApi';
import { explorerApi } from './explorerApi';
import { emulator, emulatorAdmin, waitFor } from './helpers';

const REGION = 'cn-shanghai';
const SAVE = 'DsgUserGroupAddOrUpdate';
const DELETE = 'DsgUserGroupDelete';
/** This run's group names start with it: the emulator is shared by every file of the suite. */
const TAG = `ga${Date.now().toString(36)}`;

interface ServerGroup { id: number; name: string; owner: string; type: 1 | 2 | 3; accounts: string[]; projectName: string }
type FileGroup = Omit<UserGroupInput, 'id'>;

const member = (name: string): FileGroup => ({ name, owner: 'alice', type: 1, accounts: ['user:bob'] });
const names = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${TAG}_${prefix}_${String(i).padStart(2, '0')}`);
const counts = async (): Promise<Record<string, number>> => (await emulatorAdmin('GET', '/__admin/counts')) as Record<string, number>;
const writes = async (): Promise<{ save: number; del: number }> => {
  const c = await counts();
  return { save: c[SAVE] ?? 0, del: c[DELETE] ?? 0 };
};
/** The emulator's user groups (its own data model, not an API answer). */
const serverGroups = async (): Promise<ServerGroup[]> => ((await emulatorAdmin('GET', '/__admin/state')) as { userGroups: ServerGroup[] }).userGroups;
/** How many server groups carry each of these names. */
async function onServer(wanted: readonly string[]): Promise<Record<string, number>> {
  const all = await serverGroups();
  return Object.fromEntries(wanted.map((n) => [n, all.filter((g) => g.name === n).length]));
}
const each = (wanted: readonly string[], n: number): Record<string, number> => Object.fromEntries(wanted.map((w) => [w, n]));
/** Names of the plan's rows that write, by action. */
const writing = (view: PlanView | undefined): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const r of view?.rows ?? []) if (r.writes) (out[r.action] ??= []).push(r.name);
  return out;
};

describe('User groups as code: apply against the emulator with faults', function () {
  this.timeout(120_000);
  let api: DataWorksTestApi;
  let prompts: RecordingPrompts;
  let dir = '';
  /** The emulator's data before this file: restored after it, for the files that count the seeded groups. */
  let seeded: unknown;

  const file = (name: string, groups: readonly FileGroup[], prune = false): vscode.Uri => {
    const path = join(dir, `${name}.dwgroups.json`);
    writeFileSync(path, JSON.stringify({ region: REGION, ...(prune ? { prune: true } : {}), groups }, null, 2));
    return vscode.Uri.file(path);
  };
  const plan = async (uri: vscode.Uri): Promise<PlanView> => {
    await vscode.commands.executeCommand('dataworks.groups.plan', uri);
    const view = await api.groupsPlanView(uri);
    assert.ok(view, 'no plan page');
    assert.equal(view.apply.phase, 'idle');
    return view;
  };
  const apply = async (uri: vscode.Uri): Promise<PlanView['apply']> => {
    await vscode.commands.executeCommand('dataworks.groups.apply', uri);
    const view = await api.groupsPlanView(uri);
    assert.ok(view);
    return view.apply;
  };
  const service = async (): ReturnType<DataWorksTestApi['services']['getService']> => api.services.getService('Environment', REGION);

  before(async function () {
    if (!emulator.url) this.skip();
    api = await explorerApi();
    assert.equal(api.profiles.active()?.name, 'Environment');
    assert.ok(api.prompts, 'the test API has no RecordingPrompts (not ExtensionMode.Test?)');
    prompts = api.prompts;
    dir = mkdtempSync(join(tmpdir(), 'dw-groups-apply-'));
    await emulatorAdmin('DELETE', '/__admin/faults');
    seeded = await emulatorAdmin('GET', '/__admin/state');
  });
  afterEach(async () => {
    if (!emulator.url) return;
    await emulatorAdmin('DELETE', '/__admin/faults');
    prompts.answer = undefined;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (seeded !== undefined) {
      await emulatorAdmin('POST', '/__admin/state', seeded);
      api.cache.invalidate();
    }
  });

  it('throttled on its 2nd batch: reports batch 1 applied and the rest not; the next plan shows exactly the rest, whose apply writes each group once', async () => {
    const all = names('thr', 25);
    const uri = file('throttled', all.map(member));
    const planned = await plan(uri);
    assert.deepEqual(writing(planned), { create: all });
    assert.deepEqual(planned.requests.map((r) => r.names.length), [20, 5]);
    const [first, rest] = [all.slice(0, 20), all.slice(20)];

    // Batch 1 goes through; every attempt of batch 2 (the client retries a throttled request) is throttled.
    await emulatorAdmin('POST', '/__admin/faults', { passNext: 1, throttleRate: 1, actions: [SAVE] });
    const before = await writes();
    const report = await apply(uri);
    assert.equal(report.phase, 'failed');
    assert.deepEqual(report.batches, ['done', 'failed']);
    assert.deepEqual([report.applied, report.notApplied, report.unknown], [first, rest, []]);
    assert.match(report.message ?? '', /limiting the request rate/);
    assert.deepEqual(await onServer(all), { ...each(first, 1), ...each(rest, 0) });
    assert.equal((await writes()).del, before.del);

    await emulatorAdmin('DELETE', '/__admin/faults');
    const again = await plan(uri);
    assert.deepEqual(writing(again), { create: rest });
    assert.equal(again.counts.unchanged, 20);

    const beforeSecond = await writes();
    const second = await apply(uri);
    assert.equal(second.phase, 'done');
    assert.deepEqual(second.applied, rest);
    assert.deepEqual(await writes(), { save: beforeSecond.save + 1, del: beforeSecond.del }, 'the second apply sends one request: the rest');
    assert.deepEqual(await onServer(all), each(all, 1));
    assert.deepEqual(writing(await plan(uri)), {});
  });

  it('a write that lands after the client gave up: reported unknown (may have landed), never resent; the next plan shows it landed', async () => {
    const all = names('late', 3);
    const uri = file('late', all.map(member));
    assert.deepEqual(writing(await plan(uri)), { create: all });
    // The server holds the request 15 s before carrying it out; the client stops waiting for an answer after 10 s,
    // then looks the groups up (not there yet) instead of resending.
    await emulatorAdmin('POST', '/__admin/faults', { latencyMs: 15_000, actions: [SAVE] });
    const before = await writes();
    const report = await apply(uri);
    assert.equal(report.phase, 'failed');
    assert.deepEqual(report.batches, ['unknown']);
    assert.deepEqual([report.applied, report.notApplied, report.unknown], [[], [], all]);

    await waitFor('the held write to land', async () => Object.values(await onServer(all)).every((n) => n === 1), 20_000);
    await emulatorAdmin('DELETE', '/__admin/faults');
    assert.deepEqual(await writes(), { save: before.save + 1, del: before.del }, 'the create was sent more than once');
    const again = await plan(uri);
    assert.deepEqual(writing(again), {});
    assert.equal(again.counts.unchanged, 3);
    assert.deepEqual(await onServer(all), each(all, 1));
  });

  it('an answer lost after the server wrote: the groups are looked up, not resent, and reported as what the server shows', async () => {
    const all = names('lost', 2);
    const uri = file('lost', all.map(member));
    await plan(uri);
    await emulatorAdmin('POST', '/__admin/faults', { timeoutAfterWriteNext: 1, actions: [SAVE] });
    const before = await writes();
    const report = await apply(uri);
    // The lookup after the lost answer found both groups with the owner sent, and the read-back confirmed them.
    assert.equal(report.phase, 'done');
    assert.deepEqual(report.applied, all);
    assert.deepEqual(await writes(), { save: before.save + 1, del: before.del });
    assert.deepEqual(await onServer(all), each(all, 1));
    assert.deepEqual(writing(await plan(uri)), {});
  });

  it('a server error instead of the write: reported not applied, not resent; the next plan still creates them', async () => {
    const all = names('err', 2);
    const uri = file('err', all.map(member));
    await plan(uri);
    await emulatorAdmin('POST', '/__admin/faults', { serverErrorRate: 1, actions: [SAVE] });
    const before = await writes();
    const report = await apply(uri);
    assert.equal(report.phase, 'failed');
    assert.deepEqual(report.batches, ['failed']);
    assert.deepEqual([report.applied, report.notApplied, report.unknown], [[], all, []]);
    assert.deepEqual(await writes(), { save: before.save + 1, del: before.del });
    assert.deepEqual(await onServer(all), each(all, 0));
    await emulatorAdmin('DELETE', '/__admin/faults');
    assert.deepEqual(writing(await plan(uri)), { create: all });
  });

  it('refuses a plan made stale by a change on the server, writing nothing', async () => {
    const [mine, theirs] = names('stale', 2) as [string, string];
    const uri = file('stale', [member(mine)]);
    await plan(uri);
    // Someone else adds a group between the plan and the apply.
    await (await service()).saveUserGroups([member(theirs)]);
    const before = await writes();
    // The refusal offers "Plan Again" in a notification and Apply waits for its answer: closing it answers none.
    const applying = vscode.commands.executeCommand('dataworks.groups.apply', uri);
    const view = await waitFor('the plan to be refused as stale', async () => {
      const v = await api.groupsPlanView(uri);
      return v?.apply.phase === 'stale' ? v : undefined;
    });
    assert.ok(view?.stale);
    await vscode.commands.executeCommand('notifications.clearAll');
    await applying;
    assert.deepEqual(await writes(), before);
    // The page is stale now: Apply plans again instead of applying.
    await vscode.commands.executeCommand('dataworks.groups.apply', uri);
    const replanned = await api.groupsPlanView(uri);
    assert.equal(replanned?.apply.phase, 'idle');
    assert.notEqual(replanned?.planId, view?.planId);
    assert.deepEqual(await writes(), before);
    assert.deepEqual(await onServer([mine, theirs]), { [mine]: 0, [theirs]: 1 });
  });

  it('asks before any delete, naming the count; declined, no request is sent', async () => {
    const doomed = names('prune', 2);
    await (await service()).saveUserGroups(doomed.map(member));
    // The file names every other server group as it is, and prunes.
    const keep = (await serverGroups()).filter((g) => !doomed.includes(g.name)).map((g): FileGroup => ({
      name: g.name, owner: g.owner, type: g.type, accounts: g.accounts, ...(g.type === 3 ? { projectName: g.projectName } : {}),
    }));
    const uri = file('prune', keep, true);
    const planned = await plan(uri);
    assert.deepEqual(writing(planned), { delete: [...doomed].sort() });

    const seen = prompts.shown.length;
    prompts.answer = () => undefined;
    const before = await writes();
    const report = await apply(uri);
    assert.equal(report.phase, 'idle');
    const asked = prompts.shown.slice(seen);
    assert.equal(asked.length, 1);
    assert.match(asked[0]?.message ?? '', /deletes 2 user group\(s\) in cn-shanghai/);
    assert.deepEqual(await writes(), before);
    assert.deepEqual(await onServer(doomed), each(doomed, 1));
  });

  it('gives a malformed file diagnostics and never applies it', async () => {
    const path = join(dir, 'malformed.dwgroups.json');
    writeFileSync(path, `{ "region": "${REGION}", "groups": [ { "name": "${TAG}_bad", "owner": "alice", "type": 1 "accounts": ["user:bob"] } ] }`);
    const uri = vscode.Uri.file(path);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // The syntax error is VS Code's JSON support's to show (ours would repeat it); the plan refuses it all the same.
    await waitFor('the syntax diagnostic', () => vscode.languages.getDiagnostics(uri).length > 0, 20_000);
    const before = await writes();
    await vscode.commands.executeCommand('dataworks.groups.apply', uri);
    assert.equal(await api.groupsPlanView(uri), undefined, 'a plan page for a malformed file');
    assert.ok(api.recentLog().some((l) => /malformed\.dwgroups\.json has \d+ problem/.test(l)), api.recentLog().slice(-5).join('\n'));
    assert.deepEqual(await writes(), before);
  });
});

import * as assert from 'node:assert/strict';
import { ProfileStore } from '../../../src/auth/profileStore';
import { ReadCache } from '../../../src/services/readCache';
import { ExplorerModel } from '../../../src/tree/explorerModel';
import { RegionNode, UserGroupsFolderNode, WorkspacesFolderNode } from '../../../src/tree/folderNodes';
import type { TreeNode } from '../../../src/tree/node';
import { BusinessProcessNode, DataServiceApiNode, UserGroupNode, WorkspaceNode } from '../../../src/tree/resourceNodes';
import type { BusinessProcess, DataServiceApi } from '../../../src/api';
import { NodeContext } from '../../../src/constants';
import { ErrorNode, LoadMoreNode, PlaceholderNode, SignInNode } from '../../../src/tree/statusNodes';
import {
  businessProcess, dataServiceApi, FakeApiError, FakeDataWorksService, userGroup, workspace,
} from '../fakes/fakeDataWorksService';
import { MemoryMemento, MemorySecretStorage } from '../fakes/memoryStorage';

const t = (m: string, ...args: (string | number | boolean)[]): string => m.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

const ENV = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIEnvKey000001', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret', ALIBABA_CLOUD_REGION_ID: 'cn-shanghai' };

function setup(env: Record<string, string> = ENV) {
  const secrets = new MemorySecretStorage();
  const profiles = new ProfileStore({ secrets, state: new MemoryMemento(), env });
  const services = new Map<string, FakeDataWorksService>();
  const service = (region: string): FakeDataWorksService => {
    let s = services.get(region);
    if (!s) {
      s = new FakeDataWorksService(region);
      services.set(region, s);
    }
    return s;
  };
  const cache = new ReadCache(() => 300_000);
  const reported: string[] = [];
  const model = new ExplorerModel({
    profiles, cache, t, pageSize: 100,
    getService: (_p, region) => Promise.resolve(service(region)),
    regionLabel: (id) => `Region ${id}`,
    reportError: (_e, what) => {
      reported.push(what);
      return `failed: ${what}`;
    },
  });
  const changes: (TreeNode | undefined)[] = [];
  model.onDidChange((n) => changes.push(n));
  return { secrets, profiles, service, cache, model, reported, changes };
}

async function region(model: ExplorerModel): Promise<RegionNode> {
  const roots = await model.roots();
  const r = roots[0];
  assert.ok(r instanceof RegionNode, 'first root is a region');
  return r;
}

async function kids(node: TreeNode): Promise<readonly TreeNode[]> {
  const children = await node.children?.();
  assert.ok(children, `${node.id} has no children`);
  return children;
}

describe('ExplorerModel', () => {
  it('has no roots without a profile (the welcome view shows)', async () => {
    const { model } = setup({});
    assert.deepEqual(await model.roots(), []);
  });

  it('shows the active region of the Environment profile with Workspaces and User Groups', async () => {
    const { model } = setup();
    const r = await region(model);
    assert.equal(r.id, 'Environment/cn-shanghai');
    assert.equal(r.view().collapsible, 'expanded');
    const folders = await kids(r);
    assert.deepEqual(folders.map((f) => f.view().label), ['Workspaces', 'User Groups']);
  });

  it('shows extra regions as more roots', async () => {
    const { model, profiles } = setup();
    await profiles.updateViewState('Environment', { extraRegions: ['cn-beijing'] });
    model.reset();
    const roots = await model.roots();
    assert.deepEqual(roots.map((r) => r.id), ['Environment/cn-shanghai', 'Environment/cn-beijing']);
  });

  it('shows a "sign in again" node when the secret is missing, without failing', async () => {
    const { model, profiles, secrets } = setup({});
    await profiles.save({ name: 'prod', region: 'cn-shanghai', mode: 'ak' }, { accessKeyId: 'LTAIabcdefgh', accessKeySecret: 'sec-123456' });
    secrets.values.clear();
    const roots = await model.roots();
    assert.equal(roots.length, 1);
    assert.ok(roots[0] instanceof SignInNode);
    assert.equal(roots[0].profileName, 'prod');
    secrets.failReads = true;
    assert.ok((await model.roots())[0] instanceof SignInNode);
  });

  it('pages workspaces by 100 with a Load more node, and one call per click even when clicked twice', async () => {
    const { model, service } = setup();
    const s = service('cn-shanghai');
    s.workspaces = Array.from({ length: 250 }, (_, i) => workspace(i + 1));
    const { workspaces } = await region(model);
    let children = await kids(workspaces);
    assert.equal(children.length, 101);
    assert.ok(children[100] instanceof LoadMoreNode);
    assert.equal(children[100].view().description, '100 of 250');
    await Promise.all([workspaces.loadMore(), workspaces.loadMore()]);
    assert.equal(s.count('listWorkspaces'), 2);
    children = await kids(workspaces);
    assert.equal(children.length, 201);
    await workspaces.loadMore();
    children = await kids(workspaces);
    assert.equal(children.length, 250);
    assert.ok(children.every((c) => c instanceof WorkspaceNode));
    assert.deepEqual(s.calls.map((c) => c.args), [1, 2, 3].map((pageNumber) => ({ pageNumber, pageSize: 100 })));
  });

  it('loads all remaining pages, and stops when cancelled', async () => {
    const { model, service } = setup();
    const s = service('cn-shanghai');
    s.userGroups = Array.from({ length: 450 }, (_, i) => userGroup(i + 1));
    const { userGroups } = await region(model);
    const abort = new AbortController();
    const seen: number[] = [];
    await userGroups.loadAll(abort.signal, (loaded) => {
      seen.push(loaded);
      if (loaded >= 300) abort.abort();
    });
    assert.deepEqual(seen, [200, 300]);
    await userGroups.loadAll(new AbortController().signal);
    assert.equal((await kids(userGroups)).length, 450);
    assert.equal(s.count('listUserGroups'), 5);
  });

  it('says so when a list is empty', async () => {
    const { model } = setup();
    const { userGroups } = await region(model);
    const children = await kids(userGroups);
    assert.equal(children.length, 1);
    assert.ok(children[0] instanceof PlaceholderNode);
    assert.equal(children[0].view().label, 'No user groups');
  });

  it('shows a failing branch as an error node, keeps the rest, and retries on click', async () => {
    const { model, service, reported } = setup();
    const s = service('cn-shanghai');
    s.workspaces = [workspace(1)];
    s.userGroups = [userGroup(1)];
    s.fail.set('listUserGroups', new FakeApiError('Forbidden.RAM', 'denied'));
    const r = await region(model);
    const groups = await kids(r.userGroups);
    assert.equal(groups.length, 1);
    const error = groups[0];
    assert.ok(error instanceof ErrorNode);
    assert.equal(error.view().label, 'failed: user groups (click to retry)');
    assert.equal(error.view().command?.id, 'dataworks.retry');
    assert.equal(error.view().contextValue, 'dataworks.error', 'a permission problem is not a credentials problem');
    assert.equal((await kids(r.workspaces)).length, 1, 'workspaces still load');
    await kids(r.userGroups);
    assert.deepEqual(reported, ['user groups'], 'a failure is reported once, not on each repaint');
    s.fail.delete('listUserGroups');
    await error.retry();
    const after = await kids(r.userGroups);
    assert.ok(after[0] instanceof UserGroupNode);
  });

  it('marks a rejected key\'s error node so that it offers Sign In Again', async () => {
    const { model, service } = setup();
    service('cn-shanghai').fail.set('listWorkspaces', new FakeApiError('SignatureDoesNotMatch', 'bad signature'));
    const [error] = await kids((await region(model)).workspaces);
    assert.ok(error instanceof ErrorNode);
    assert.equal(error.view().contextValue, 'dataworks.credentialsError');
  });

  it('keeps loaded items when a later page fails, and retries that page', async () => {
    const { model, service } = setup();
    const s = service('cn-shanghai');
    s.userGroups = Array.from({ length: 150 }, (_, i) => userGroup(i + 1));
    const { userGroups } = await region(model);
    await kids(userGroups);
    s.fail.set('listUserGroups', new FakeApiError('ServiceUnavailable', 'down'));
    await userGroups.loadMore();
    let children = await kids(userGroups);
    assert.equal(children.length, 101);
    const error = children[100];
    assert.ok(error instanceof ErrorNode);
    s.fail.clear();
    await error.retry();
    children = await kids(userGroups);
    assert.equal(children.length, 150);
    assert.deepEqual(s.calls.map((c) => (c.args as { pageNumber: number }).pageNumber), [1, 2, 2]);
  });

  it('serves a reopened view from the cache, and reloads on Refresh', async () => {
    const { model, service } = setup();
    const s = service('cn-shanghai');
    s.userGroups = [userGroup(1, 'a', ['user:x'])];
    await kids((await region(model)).userGroups);
    model.reset();
    await kids((await region(model)).userGroups);
    assert.equal(s.count('listUserGroups'), 1, 'reopen made a call');
    const r = await region(model);
    model.refresh(r.userGroups);
    await kids(r.userGroups);
    assert.equal(s.count('listUserGroups'), 2);
    model.refresh();
    await kids((await region(model)).userGroups);
    assert.equal(s.count('listUserGroups'), 3);
  });

  it('makes one call for two expansions while the load is in flight', async () => {
    const { model, service } = setup();
    const s = service('cn-shanghai');
    s.workspaces = [workspace(1)];
    let release!: () => void;
    s.gate = new Promise((r) => (release = r));
    const { workspaces } = await region(model);
    const a = kids(workspaces);
    const b = kids(workspaces);
    release();
    const [x, y] = await Promise.all([a, b]);
    assert.equal(x.length, 1);
    assert.equal(y.length, 1);
    assert.equal(s.count('listWorkspaces'), 1);
  });

  it('expands a workspace to its business processes and a user group to its accounts', async () => {
    const { model, service } = setup();
    const s = service('cn-shanghai');
    s.workspaces = [workspace(7, 'sales_dw')];
    s.businessProcesses.set(7, [businessProcess(7, 1), businessProcess(7, 2)]);
    s.userGroups = [userGroup(1, 'analysts', ['user:a', 'user:b']), userGroup(2, 'empty')];
    const r = await region(model);
    const [ws] = await kids(r.workspaces);
    assert.ok(ws instanceof WorkspaceNode);
    assert.equal(ws.view().label, 'SALES_DW');
    assert.equal(ws.view().description, 'sales_dw');
    assert.match(ws.view().tooltip ?? '', /Identifier: sales_dw/);
    assert.deepEqual((await kids(ws)).map((n) => n.view().label), ['bp 1', 'bp 2']);
    assert.deepEqual(s.calls.at(-1)?.args, { projectId: 7, pageNumber: 1, pageSize: 100 });
    const [g1, g2] = await kids(r.userGroups);
    assert.ok(g1 && g2);
    assert.equal(g1.view().description, 'owner · Alibaba Cloud account');
    assert.deepEqual((await kids(g1)).map((n) => n.view().label), ['user:a', 'user:b']);
    assert.ok((await kids(g2))[0] instanceof PlaceholderNode);
  });

  it('after a business process is created reloads only that workspace', async () => {
    const { model, service } = setup();
    const s = service('cn-shanghai');
    s.workspaces = [workspace(7), workspace(8)];
    s.businessProcesses.set(7, [businessProcess(7, 1)]);
    const r = await region(model);
    const [ws7, ws8] = await kids(r.workspaces);
    assert.ok(ws7 && ws8);
    await kids(ws7);
    await kids(ws8);
    s.businessProcesses.set(7, [businessProcess(7, 1), businessProcess(7, 2)]);
    const node = model.businessProcessCreated('cn-shanghai', 7);
    assert.equal(node, ws7);
    assert.equal((await kids(ws7)).length, 2);
    await kids(ws8);
    await kids(r.workspaces);
    assert.equal(s.count('listWorkspaces'), 1);
    assert.equal(s.calls.filter((c) => c.method === 'listBusinessProcesses' && (c.args as { projectId: number }).projectId === 8).length, 1);
  });

  it('after user groups are saved reloads that region\'s user groups (every filter)', async () => {
    const { model, service, changes } = setup();
    const s = service('cn-shanghai');
    s.userGroups = [userGroup(1)];
    const r = await region(model);
    await kids(r.userGroups);
    await kids(r.workspaces);
    s.userGroups = [userGroup(1), userGroup(2)];
    changes.length = 0;
    model.userGroupsChanged('cn-shanghai');
    assert.deepEqual(changes, [r.userGroups]);
    assert.equal((await kids(r.userGroups)).length, 2);
    await kids(r.workspaces);
    assert.equal(s.count('listWorkspaces'), 1);
  });

  it('filters user groups on the server and workspaces locally', async () => {
    const { model, service, profiles } = setup();
    const s = service('cn-shanghai');
    s.userGroups = [userGroup(1, 'analysts'), userGroup(2, 'admins')];
    s.workspaces = [workspace(1, 'sales_dw'), workspace(2, 'hr_dw')];
    const r = await region(model);
    await profiles.updateViewState('Environment', { userGroupFilter: 'adm', workspaceFilter: 'SALES' });
    model.userGroupFilterChanged();
    const groups = await kids(r.userGroups);
    assert.deepEqual(groups.map((g) => g.view().label), ['admins']);
    assert.deepEqual(s.calls.at(-1)?.args, { pageNumber: 1, pageSize: 100, name: 'adm' });
    assert.equal(r.userGroups.view().description, 'filter: adm');
    const ws = await kids(r.workspaces);
    assert.deepEqual(ws.map((w) => w.view().description), ['sales_dw']);
    await profiles.updateViewState('Environment', { workspaceFilter: 'nothing' });
    assert.equal((await kids(r.workspaces))[0]?.view().label, 'No workspaces match the filter');
  });

  it('keeps node identity across reloads so reveal and expansion survive', async () => {
    const { model, service } = setup();
    service('cn-shanghai').userGroups = [userGroup(1)];
    const r = await region(model);
    const [before] = await kids(r.userGroups);
    model.userGroupsChanged('cn-shanghai');
    const [after] = await kids(r.userGroups);
    assert.equal(before, after);
    assert.equal(after?.parent, r.userGroups);
    assert.ok(r.userGroups instanceof UserGroupsFolderNode);
    assert.ok(r.workspaces instanceof WorkspacesFolderNode);
    const found = await model.findUserGroup('cn-shanghai', (id) => id === 1);
    assert.equal(found, after);
  });
});

describe('ExplorerModel refresh targets', () => {
  it('reloads the list a leaf belongs to, not the whole tree', async () => {
    const { model, service } = setup();
    const s = service('cn-shanghai');
    s.userGroups = [userGroup(1, 'a', ['user:x'])];
    s.workspaces = [workspace(1)];
    const r = await region(model);
    const [group] = await kids(r.userGroups);
    await kids(r.workspaces);
    assert.ok(group);
    model.refresh(group);
    await kids(r.userGroups);
    await kids(r.workspaces);
    assert.equal(s.count('listUserGroups'), 2);
    assert.equal(s.count('listWorkspaces'), 1);
  });
});

describe('ExplorerModel: Data Service APIs under business processes', () => {
  /** Workspace 7 with business processes 1 and 2 (and 3, without APIs); `apis` lists the workspace's APIs in order. */
  async function workspaceWith(apis: (s: FakeDataWorksService, bps: readonly BusinessProcess[]) => DataServiceApi[]) {
    const env = setup();
    const s = env.service('cn-shanghai');
    const bps = [businessProcess(7, 1), businessProcess(7, 2), businessProcess(7, 3)];
    s.workspaces = [workspace(7, 'sales_dw')];
    s.businessProcesses.set(7, bps);
    s.dataServiceApis.set(7, apis(s, bps));
    const r = await region(env.model);
    const [ws] = await kids(r.workspaces);
    assert.ok(ws instanceof WorkspaceNode);
    const nodes = await kids(ws);
    const [b1, b2, b3] = nodes;
    assert.ok(b1 instanceof BusinessProcessNode && b2 instanceof BusinessProcessNode && b3 instanceof BusinessProcessNode);
    return { ...env, s, ws, b1, b2, b3 };
  }

  it('loads nothing on a workspace expansion; one call serves every business process of the workspace', async () => {
    const { s, b1, b2, b3 } = await workspaceWith((_s, [bp1, bp2]) => [
      dataServiceApi(bp1 as BusinessProcess, 1, true), dataServiceApi(bp2 as BusinessProcess, 2, false), dataServiceApi(bp1 as BusinessProcess, 3, false),
    ]);
    assert.equal(s.count('listDataServiceApis'), 0);
    assert.equal(b1.view().collapsible, 'collapsed');
    const apis = await kids(b1);
    assert.deepEqual(s.calls.at(-1), { method: 'listDataServiceApis', args: { projectId: 7, pageNumber: 1, pageSize: 100 } });
    assert.deepEqual(apis.map((n) => [n.view().label, n.view().description, n.view().contextValue]), [
      ['api_1', '/ds_7_1/api_1 · Published', NodeContext.dataServiceApi],
      ['api_3', '/ds_7_1/api_3 · Not published', NodeContext.dataServiceApi],
    ]);
    const [published, draft] = apis;
    assert.ok(published instanceof DataServiceApiNode && draft instanceof DataServiceApiNode);
    assert.equal(published.view().collapsible, 'none');
    assert.notDeepEqual(published.view().icon, draft.view().icon);
    assert.match(draft.view().tooltip ?? '', /Status: Not published/);
    assert.deepEqual(published.resource, { kind: 'dataServiceApi', region: 'cn-shanghai', data: published.api });
    assert.deepEqual((await kids(b2)).map((n) => n.view().label), ['api_2']);
    const none = await kids(b3);
    assert.ok(none[0] instanceof PlaceholderNode);
    assert.equal(none[0].view().label, 'No Data Service APIs');
    assert.equal(s.count('listDataServiceApis'), 1);
  });

  it('pages through the workspace list: a business process whose APIs are on page 2 offers Load more', async () => {
    const { s, b1, b2 } = await workspaceWith((_s, [bp1, bp2]) => [
      ...Array.from({ length: 100 }, (_, i) => dataServiceApi(bp2 as BusinessProcess, i + 1)),
      dataServiceApi(bp1 as BusinessProcess, 101, true),
    ]);
    const first = await kids(b1);
    assert.equal(first.length, 1);
    assert.ok(first[0] instanceof LoadMoreNode);
    assert.equal(first[0].view().description, '100 of 101');
    await b1.loadMore();
    assert.deepEqual((await kids(b1)).map((n) => n.view().label), ['api_101']);
    assert.equal(s.count('listDataServiceApis'), 2);
    // The sibling reads the same cached first page, and loads its own second page from the cache too.
    assert.equal((await kids(b2)).length, 101);
    await b2.loadMore();
    assert.equal(s.count('listDataServiceApis'), 2);
  });

  it('shows a failed load as an error node under the business process and retries it', async () => {
    const { s, b1, reported } = await workspaceWith((_s, [bp1]) => [dataServiceApi(bp1 as BusinessProcess, 1)]);
    s.fail.set('listDataServiceApis', new FakeApiError('Forbidden', 'no'));
    const [err] = await kids(b1);
    assert.ok(err instanceof ErrorNode);
    assert.deepEqual(reported, ['Data Service APIs of bp 1']);
    s.fail.delete('listDataServiceApis');
    await err.retry();
    assert.deepEqual((await kids(b1)).map((n) => n.view().label), ['api_1']);
  });

  it('Refresh on an API reloads the workspace API list, not the business processes', async () => {
    const { s, model, b1 } = await workspaceWith((_s, [bp1]) => [dataServiceApi(bp1 as BusinessProcess, 1)]);
    const [api] = await kids(b1);
    assert.ok(api);
    const bpCalls = s.count('listBusinessProcesses');
    s.dataServiceApis.set(7, [...(s.dataServiceApis.get(7) ?? []), dataServiceApi(b1.resource.data, 2)]);
    model.refresh(api);
    assert.deepEqual((await kids(b1)).map((n) => n.view().label), ['api_1', 'api_2']);
    assert.equal(s.count('listDataServiceApis'), 2);
    assert.equal(s.count('listBusinessProcesses'), bpCalls);
  });
});

import * as assert from 'node:assert/strict';
import { ProfileStore } from '../../../src/auth/profileStore';
import { locateGroupNode, searchAccountGroups, type AccountSearchPort } from '../../../src/commands/accountGroupSearch';
import { ReadCache } from '../../../src/services/readCache';
import { ExplorerModel } from '../../../src/tree/explorerModel';
import { RegionNode, type UserGroupsFolderNode } from '../../../src/tree/folderNodes';
import { UserGroupNode } from '../../../src/tree/resourceNodes';
import { FakeApiError, FakeDataWorksService, userGroup } from '../fakes/fakeDataWorksService';
import { MemoryMemento, MemorySecretStorage } from '../fakes/memoryStorage';

const PAGE = 2;
const ENV = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIEnvKey000001', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret', ALIBABA_CLOUD_REGION_ID: 'cn-shanghai' };

/** The real User Groups folder of the explorer, over a fake service with pages of two. */
async function setup(groups: ReturnType<typeof userGroup>[]): Promise<{ folder: UserGroupsFolderNode; service: FakeDataWorksService; cache: ReadCache }> {
  const service = new FakeDataWorksService();
  service.userGroups = groups;
  const cache = new ReadCache(() => 300_000);
  const model = new ExplorerModel({
    profiles: new ProfileStore({ secrets: new MemorySecretStorage(), state: new MemoryMemento(), env: ENV }),
    cache, t: (m) => m, pageSize: PAGE,
    getService: () => Promise.resolve(service),
    regionLabel: (id) => id,
    reportError: (_e, what) => `failed: ${what}`,
  });
  const region = (await model.roots())[0];
  assert.ok(region instanceof RegionNode);
  return { folder: region.userGroups, service, cache };
}

/** A scripted user: the scope answer, and how many pages into a load to press Cancel (never by default). */
class ScriptedPort implements AccountSearchPort {
  readonly asked: { loaded: number; total: number; calls: number }[] = [];
  loads = 0;
  constructor(private readonly scope: 'all' | 'loaded', private readonly cancelAfterPages = Infinity) {}

  chooseScope(loaded: number, total: number, calls: number): Promise<'all' | 'loaded'> {
    this.asked.push({ loaded, total, calls });
    return Promise.resolve(this.scope);
  }

  async withProgress(task: (signal: AbortSignal, onPage: (loaded: number, total: number) => void) => Promise<void>): Promise<void> {
    this.loads++;
    const abort = new AbortController();
    let pages = 0;
    await task(abort.signal, () => {
      if (++pages >= this.cancelAfterPages) abort.abort();
    });
  }
}

const SEED = [
  userGroup(1, 'a', ['user:alice', 'user:bob']), userGroup(2, 'b', ['user:bob']),
  userGroup(3, 'c', ['role:etl']), userGroup(4, 'd', ['user:alice']),
  userGroup(5, 'e', ['role_project_dev']), userGroup(6, 'f', ['alice']),
];

describe('Find User Groups of an Account: search and locate', () => {
  it('searches the loaded page only when the user says so, without another call', async () => {
    const { folder, service } = await setup(SEED);
    const port = new ScriptedPort('loaded');
    const r = await searchAccountGroups(folder, 'user:alice', port, PAGE);
    assert.deepEqual(r.groups.map((g) => g.id), [1]);
    assert.deepEqual({ searched: r.searched, total: r.total, failed: r.failed }, { searched: 2, total: 6, failed: false });
    assert.deepEqual(port.asked, [{ loaded: 2, total: 6, calls: 2 }]);
    assert.equal(port.loads, 0);
    assert.equal(service.count('listUserGroups'), 1);
  });

  it('loads the remaining pages first when asked, one call per page, and finds every match', async () => {
    const { folder, service } = await setup(SEED);
    const r = await searchAccountGroups(folder, 'user:alice', new ScriptedPort('all'), PAGE);
    // `alice` is the bare form of user:alice: group 6 lists it so.
    assert.deepEqual(r.groups.map((g) => g.id), [1, 4, 6]);
    assert.equal(r.searched, 6);
    assert.equal(service.count('listUserGroups'), 3);
  });

  it('keeps what came when the load is cancelled, and says how much was searched', async () => {
    const { folder } = await setup(SEED);
    const r = await searchAccountGroups(folder, 'alice', new ScriptedPort('all', 1), PAGE);
    assert.deepEqual({ searched: r.searched, total: r.total }, { searched: 4, total: 6 });
    assert.deepEqual(r.groups.map((g) => g.id), [1, 4]);
  });

  it('asks nothing when every page is loaded, and uses the cached pages the tree read', async () => {
    const { folder, service } = await setup(SEED.slice(0, 2));
    await folder.children();
    const port = new ScriptedPort('all');
    const r = await searchAccountGroups(folder, { accountName: 'bob', accountType: 2, baseId: '2', parentAccountId: '1', yunAccount: 'user:bob' }, port, PAGE);
    assert.deepEqual(r.groups.map((g) => g.id), [1, 2]);
    assert.deepEqual(port.asked, []);
    assert.equal(service.count('listUserGroups'), 1);
  });

  it('reports a first page that failed instead of "no groups"', async () => {
    const { folder, service } = await setup(SEED);
    service.fail.set('listUserGroups', new FakeApiError('Forbidden', 'no permission'));
    const r = await searchAccountGroups(folder, 'user:alice', new ScriptedPort('all'), PAGE);
    assert.equal(r.failed, true);
    assert.deepEqual(r.groups, []);
  });

  it('gives the node of a found group, creating the nodes of pages loaded without the tree', async () => {
    const { folder } = await setup(SEED);
    await searchAccountGroups(folder, 'role_project_dev', new ScriptedPort('all'), PAGE);
    const node = await locateGroupNode(folder, 5);
    assert.ok(node instanceof UserGroupNode);
    assert.equal(node.group.name, 'e');
    assert.equal(node.parent, folder);
  });

  it('loads further pages to find a group after the list was refreshed, and stops at the end', async () => {
    const { folder, service } = await setup(SEED);
    await searchAccountGroups(folder, 'role_project_dev', new ScriptedPort('all'), PAGE);
    folder.refresh();
    const before = service.count('listUserGroups');
    const node = await locateGroupNode(folder, 5);
    assert.equal(node?.group.id, 5);
    assert.equal(service.count('listUserGroups') - before, 3);
    assert.equal(await locateGroupNode(folder, 99), undefined);
    assert.equal(service.count('listUserGroups') - before, 3, 'nothing left to load');
  });
});

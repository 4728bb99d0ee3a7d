// "Load more…" as a user meets it: more than a page of user groups, a click on User Groups, End to the last row
// (the Load more row), Enter on it. Each page costs exactly one DsgUserGroupQueryList call (emulator counts).
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { createDataWorksService, type DataWorksService } from '../../src/api';
import { DEMO_CREDENTIALS } from '../emulator/credentials';
import type { UserGroupRecord } from '../emulator/model';
import type { Workbench } from './driver';
import { e2eEnv, emulatorAdmin, openWorkbench, waitFor } from './driver';

const REGION = 'cn-shanghai';
const PREFIX = 'e2e_page_';
const EXTRA = 110;
const PAGE_SIZE = 100; // what the tree asks for
const LIST = 'DsgUserGroupQueryList';

describe('paging (UI)', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let service: DataWorksService;

  const listCalls = async (): Promise<number> => ((await emulatorAdmin('GET', '/__admin/counts')) as Record<string, number>)[LIST] ?? 0;
  const emulatorGroups = async (): Promise<UserGroupRecord[]> =>
    ((await emulatorAdmin('GET', '/__admin/state')) as { userGroups: UserGroupRecord[] }).userGroups;
  const rows = (): Locator => wb.page.locator('.part.sidebar .monaco-list-row[role="treeitem"]');
  const row = (text: string | RegExp): Locator => rows().filter({ hasText: text }).first();
  const focusedRow = (): Locator => wb.page.locator('.part.sidebar .monaco-list-row[role="treeitem"].focused');

  /** Our own groups, whatever page they are on (the emulator lists the newest first). */
  async function ownGroupIds(): Promise<number[]> {
    const ids: number[] = [];
    for (let pageNumber = 1; ; pageNumber++) {
      const page = await service.listUserGroups({ pageNumber, pageSize: PAGE_SIZE, name: PREFIX });
      ids.push(...page.items.map((g) => g.id));
      if (page.items.length < PAGE_SIZE) return ids;
    }
  }

  before(async () => {
    const url = new URL(e2eEnv.emulatorUrl ?? '');
    service = createDataWorksService({ region: REGION, credentials: DEMO_CREDENTIALS, endpoint: { host: url.host, protocol: 'http' } });
    const names = Array.from({ length: EXTRA }, (_, i) => `${PREFIX}${String(i).padStart(3, '0')}`);
    for (let i = 0; i < names.length; i += 20) {
      await service.saveUserGroups(names.slice(i, i + 20).map((name) => ({ name, owner: 'acme_data', type: 1 as const, accounts: ['user:alice'] })));
    }
    wb = await openWorkbench();
  });

  after(async () => {
    await wb?.close();
    // The groups are shared emulator state: the tests after this one see the seed again.
    const ids = await ownGroupIds();
    for (let i = 0; i < ids.length; i += 50) await service.deleteUserGroups(ids.slice(i, i + 50));
    assert.deepEqual(await ownGroupIds(), [], 'the extra user groups are gone');
  });

  it('shows a Load more row after 100 user groups and loads the next page with the keyboard', async () => {
    const all = await emulatorGroups();
    assert.ok(all.length > PAGE_SIZE && all.length <= 2 * PAGE_SIZE, `two pages of user groups, not ${all.length}`);
    const oldest = all[0]?.name ?? '';
    const newest = all[all.length - 1]?.name ?? '';

    await wb.openViewContainer('DataWorks');
    const groups = row('User Groups');
    await groups.waitFor({ state: 'visible', timeout: 30_000 });
    await wb.waitForTreeIdle();
    const before = await listCalls();

    // A click on the row expands the folder and gives the tree the keyboard.
    assert.equal(await groups.getAttribute('aria-expanded'), 'false');
    await groups.click();
    await waitFor('User Groups to expand', async () => (await groups.getAttribute('aria-expanded')) === 'true');
    await waitFor('the first page to be requested', async () => (await listCalls()) >= before + 1, 30_000);
    await row(newest).waitFor({ state: 'visible', timeout: 30_000 });
    await wb.waitForTreeIdle(30_000);

    // The list is virtualised: End moves focus (and the view) to the last child, the Load more row.
    await wb.page.keyboard.press('End');
    const more = row(/Load more/);
    await more.waitFor({ state: 'visible', timeout: 20_000 });
    await waitFor('focus on the Load more row', async () => /Load more/.test(await focusedRow().innerText().catch(() => '')));
    assert.match((await more.innerText()).replace(/\s+/g, ' ').trim(), new RegExp(`^Load more… ?${PAGE_SIZE} of ${all.length}$`));
    assert.equal(await more.getAttribute('aria-posinset'), String(PAGE_SIZE + 1), 'after the first page');
    assert.equal(await more.getAttribute('aria-setsize'), String(PAGE_SIZE + 1), 'the last child of User Groups');
    assert.equal(await listCalls(), before + 1, 'one call for the first page');

    await wb.page.keyboard.press('Enter');
    await waitFor('the second page to be requested', async () => (await listCalls()) >= before + 2, 30_000);
    await waitFor('the Load more row to go', async () => (await rows().filter({ hasText: /Load more/ }).count()) === 0, 30_000);
    await wb.waitForTreeIdle(30_000);

    // Every group is listed now: the last child is the oldest group, and nothing else is requested.
    await wb.page.keyboard.press('End');
    const last = focusedRow();
    await waitFor(`focus on the last user group (${oldest})`, async () => (await last.innerText().catch(() => '')).includes(oldest));
    assert.equal(await last.getAttribute('aria-posinset'), String(all.length));
    assert.equal(await last.getAttribute('aria-setsize'), String(all.length));
    assert.equal(await rows().filter({ hasText: /Load more/ }).count(), 0);
    assert.equal(await listCalls(), before + 2, 'one call for the second page');
    assert.deepEqual(wb.errors.filter((e) => /dataworks/i.test(e)), []);
  });
});

// "Load more…" as a user meets it: more than a page of user groups, the last row of the list, Enter on it.
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { createDataWorksService, type DataWorksService } from '../../src/api';
import { DEMO_CREDENTIALS } from '../emulator/credentials';
import type { Workbench } from './driver';
import { e2eEnv, emulatorAdmin, openWorkbench } from './driver';

const REGION = 'cn-shanghai';
const PREFIX = 'e2e_page_';

describe('paging (UI)', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let service: DataWorksService;

  const counts = async (): Promise<Record<string, number>> => (await emulatorAdmin('GET', '/__admin/counts')) as Record<string, number>;
  const row = (text: string | RegExp): Locator =>
    wb.page.locator('.part.sidebar .monaco-list-row[role="treeitem"]', { hasText: text }).first();

  async function callsReach(n: number): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (((await counts()).DsgUserGroupQueryList ?? 0) < n && Date.now() < deadline) await wb.page.waitForTimeout(200);
  }

  /** Gives the tree keyboard focus on `folder` (a click toggles a folder, so expand it back), then End. */
  async function focusLastRow(folder: Locator): Promise<void> {
    await folder.click();
    if ((await folder.getAttribute('aria-expanded')) !== 'true') await wb.page.keyboard.press('ArrowRight');
    await wb.waitForTreeIdle();
    await wb.page.keyboard.press('End');
  }

  before(async () => {
    const url = new URL(e2eEnv.emulatorUrl ?? '');
    service = createDataWorksService({ region: REGION, credentials: DEMO_CREDENTIALS, endpoint: { host: url.host, protocol: 'http' } });
    const names = Array.from({ length: 110 }, (_, i) => `${PREFIX}${String(i).padStart(3, '0')}`);
    for (let i = 0; i < names.length; i += 20) {
      await service.saveUserGroups(names.slice(i, i + 20).map((name) => ({ name, owner: 'acme_data', type: 1 as const, accounts: ['user:alice'] })));
    }
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
    const ids: number[] = [];
    for (const pageNumber of [1, 2]) {
      ids.push(...(await service.listUserGroups({ pageNumber, pageSize: 100, name: PREFIX })).items.map((g) => g.id));
    }
    for (let i = 0; i < ids.length; i += 50) await service.deleteUserGroups(ids.slice(i, i + 50));
  });

  it('shows a Load more row after 100 user groups and loads the next page with the keyboard', async () => {
    await wb.openViewContainer('DataWorks');
    const groups = row('User Groups');
    await groups.waitFor({ state: 'visible', timeout: 30_000 });
    await wb.waitForTreeIdle();
    const before = (await counts()).DsgUserGroupQueryList ?? 0;
    if ((await groups.getAttribute('aria-expanded')) !== 'true') await groups.locator('.monaco-tl-twistie').click();
    // The load starts after the click returns: wait for the call itself, not only for the tree to look idle.
    await callsReach(before + 1);
    await wb.waitForTreeIdle();
    assert.equal((await counts()).DsgUserGroupQueryList ?? 0, before + 1, 'one call for the first page');

    // The list is virtualised: End moves focus (and the view) to the last row, which is the Load more node.
    await focusLastRow(groups);
    const more = row(/Load more/);
    await more.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match((await more.innerText()).replace(/\s+/g, ' '), /100 of \d{3}/);

    await wb.page.keyboard.press('Enter');
    await wb.waitForTreeIdle();
    await callsReach(before + 2);
    await wb.waitForTreeIdle();
    assert.equal((await counts()).DsgUserGroupQueryList ?? 0, before + 2, 'one call for the second page');

    // Everything fits in two pages: the end of the list is now a user group, not another Load more row.
    await focusLastRow(groups);
    await wb.page.waitForTimeout(500);
    assert.equal(await wb.page.locator('.part.sidebar .monaco-list-row[role="treeitem"]', { hasText: /Load more/ }).count(), 0);
    await row(/e2e_page_|[a-z_]+/).waitFor({ state: 'visible', timeout: 10_000 });
  });
});

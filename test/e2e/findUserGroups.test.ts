// Find User Groups of an Account as a user meets it: the palette, an account picked from the tenant's users (demo
// seed: alice is in yun_group and sales_analysts), the results, and the group picked selected in the explorer.
import * as assert from 'node:assert/strict';
import type { Workbench } from './driver';
import { commandTitle, openWorkbench, waitFor } from './driver';

describe('Find User Groups of an Account (UI)', function () {
  this.timeout(120_000);
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => wb?.close());

  it('palette → pick an account → the results → the picked group is selected in the explorer', async () => {
    await wb.openViewContainer('DataWorks');
    await wb.waitForTreeIdle();
    await wb.runCommand(commandTitle('dataworks.findUserGroupsOfAccount'));
    // The tenant's users load into the open quick pick; typing narrows them.
    await wb.pick(/user:alice/);
    // The results are their own quick pick: its title, then its rows (the account picker's may still be closing).
    await waitFor('the results quick pick', async () =>
      /^User groups of user:alice \(\d+ user groups searched\)$/.test(await wb.quickInputTitle().catch(() => '')), 20_000);
    const rows = await wb.quickInputRows();
    assert.equal(rows.length, 2, rows.join(' | '));
    assert.ok(rows.some((r) => /^yun_group.*acme_data.*2 accounts/.test(r)), rows.join(' | '));
    assert.ok(rows.some((r) => /^sales_analysts.*alice.*3 accounts/.test(r)), rows.join(' | '));
    await wb.pick('sales_analysts');
    const selected = wb.page.locator('.part.sidebar .monaco-list-row[role="treeitem"].selected');
    await waitFor('sales_analysts to be selected in the explorer', async () =>
      (await selected.allInnerTexts()).some((t) => t.includes('sales_analysts')), 20_000);
    // Revealed expanded, its accounts shown (the rows below it may be scrolled out of the virtual list).
    await waitFor('the group to be expanded', async () => (await selected.first().getAttribute('aria-expanded')) === 'true', 10_000);
  });
});

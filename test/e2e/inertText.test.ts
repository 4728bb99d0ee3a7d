// Outside text is never a link (SECURITY.md, threat model): VS Code turns `[label](command:…)` in an extension's
// notification and progress texts into a link that runs the command. A user group named like that, seeded into the
// emulator directly (its name rule, like DataWorks', would refuse it through the API), is deleted through the tree;
// every toast shows the name as text, with no link in it, and no terminal opens.
import * as assert from 'node:assert/strict';
import type { EmulatorData } from '../emulator/model';
import type { Workbench } from './driver';
import { emulatorAdmin, localise, openWorkbench, waitFor } from './driver';

const NAME = '[Open](command:workbench.action.terminal.new)';
const DELETE = 'DsgUserGroupDelete';
/** What a reader sees: inertText adds only zero-width spaces. */
const shown = (text: string): string => text.replace(/\u200B/g, '').replace(/\s+/g, ' ');

describe('outside text in notifications (UI)', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let seededId = 0;

  const state = async (): Promise<EmulatorData> => (await emulatorAdmin('GET', '/__admin/state')) as EmulatorData;

  before(async () => {
    const data = await state();
    seededId = data.nextUserGroupId;
    const now = new Date().toISOString();
    data.userGroups.push({ id: seededId, name: NAME, owner: 'acme_data', type: 1, accounts: [], projectName: '', createdAt: now, modifiedAt: now });
    data.nextUserGroupId++;
    await emulatorAdmin('POST', '/__admin/state', data);
    // Slow deletes, so that the progress notification is on screen long enough to be looked at.
    await emulatorAdmin('POST', '/__admin/faults', { latencyMs: 2500, actions: [DELETE] });
    wb = await openWorkbench();
  });

  after(async () => {
    await emulatorAdmin('DELETE', '/__admin/faults');
    await wb?.close();
    // Shared emulator state: the group must not outlive this test even when it failed before deleting it.
    const data = await state();
    if (data.userGroups.some((g) => g.id === seededId)) {
      data.userGroups = data.userGroups.filter((g) => g.id !== seededId);
      await emulatorAdmin('POST', '/__admin/state', data);
    }
  });

  it('deletes a user group named like a command link: the name shows as text, nothing is a link, no terminal opens', async () => {
    await wb.openViewContainer('DataWorks');
    const groups = wb.treeItem('User Groups');
    await groups.waitFor({ state: 'visible', timeout: 30_000 });
    await wb.expand('User Groups');
    await wb.waitForTreeIdle(30_000);
    const row = wb.page.locator('.part.sidebar .monaco-list-row[role="treeitem"]', { hasText: NAME }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });

    await wb.contextMenu(row, localise('%command.deleteUserGroup%'));
    const dialog = wb.page.locator('.monaco-dialog-box');
    // A click on a context menu entry is sometimes taken as a hover only: the menu is still open then.
    await dialog.waitFor({ state: 'visible', timeout: 5_000 }).catch(async () => {
      const entry = wb.page.locator('.monaco-menu .action-item', { hasText: localise('%command.deleteUserGroup%') }).first();
      if (await entry.isVisible()) await entry.click();
    });
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    const question = dialog.locator('.dialog-message-text');
    assert.equal(await question.locator('a, .monaco-link').count(), 0, `no link in the confirmation: ${await question.innerHTML()}`);
    assert.ok(shown(await question.innerText()).includes(`"${NAME}"`), 'the name as text in the confirmation');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();

    // The progress toast while the (slowed) delete runs, then the result.
    const toasts = wb.page.locator('.notifications-toasts .notification-list-item');
    const progress = toasts.filter({ hasText: /Deleting user group/ }).first();
    await progress.waitFor({ state: 'visible', timeout: 10_000 });
    const progressText = progress.locator('.notification-list-item-message');
    assert.equal(await progressText.locator('a, .monaco-link').count(), 0, `no link in the progress toast: ${await progressText.innerHTML()}`);
    assert.ok(shown(await progressText.innerText()).includes(`Deleting user group ${NAME}`), await progressText.innerText());

    const done = await wb.waitForNotification(/Deleted user group/, 30_000);
    const doneText = done.locator('.notification-list-item-message');
    assert.equal(await doneText.locator('a, .monaco-link').count(), 0, `no link in the result toast: ${await doneText.innerHTML()}`);
    assert.ok(shown(await doneText.innerText()).includes(`Deleted user group ${NAME}.`), await doneText.innerText());

    // The group is gone on the server, and nothing ran the command: no terminal in the panel.
    await waitFor('the group to be deleted', async () => !(await state()).userGroups.some((g) => g.id === seededId), 20_000);
    assert.equal(await wb.page.locator('.xterm, .terminal-wrapper').count(), 0, 'no terminal was opened');
    // Clicking where a link would be does nothing either.
    await doneText.click();
    await wb.page.waitForTimeout(1000);
    assert.equal(await wb.page.locator('.xterm, .terminal-wrapper').count(), 0, 'no terminal after a click on the message');
    assert.deepEqual(wb.errors.filter((e) => /dataworks/i.test(e)), []);
  });
});

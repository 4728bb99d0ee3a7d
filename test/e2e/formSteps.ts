// Steps through the two webview forms that the forms' UI tests and the README screenshots (test/e2e/screenshots.ts,
// run by `npm run demo -- --screenshots`) share, so that both drive the forms with the same selectors.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator } from 'playwright-core';
import type { Workbench } from './driver';
import { commandTitle } from './driver';

/** Polls `probe` until it returns something other than undefined/false; an exception counts as "not yet". */
export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined | false>, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last = '';
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e instanceof Error ? e.message : 'a non-Error exception';
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? ` (${last})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Right-click a tree row and run a context menu entry. Now and then the first click on a freshly opened menu is
 * not taken (the menu stays open): it is clicked once more then. A second run of these entries only reveals the
 * panel the first one opened, so this cannot open two forms.
 */
export async function treeMenu(wb: Workbench, row: Locator, action: RegExp): Promise<void> {
  await row.waitFor({ state: 'visible', timeout: 20_000 });
  await wb.waitForTreeIdle();
  await wb.contextMenu(row, action);
  const menu = wb.page.locator('.monaco-menu');
  const closed = () => menu.first().waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false);
  if (!(await closed())) {
    await wb.page.locator('.monaco-menu .action-item', { hasText: action }).first().click();
    assert.ok(await closed(), `the context menu entry ${String(action)} did not run`);
  }
}

/** Expands the Workspaces folder, then one workspace, each time waiting for the tree to finish loading. */
export async function expandWorkspace(wb: Workbench, label: RegExp): Promise<void> {
  await wb.expand(/^Workspaces/);
  await wb.waitForTreeIdle();
  await wb.expand(label);
  await wb.waitForTreeIdle();
}

/**
 * Runs a command from the palette whose quick pick then asks for a resource, and picks `row` with the keyboard.
 * Not wb.runCommand: it waits for the palette to close, and here the same widget turns into the command's pick.
 */
export async function paletteThenPick(wb: Workbench, command: string, placeholder: RegExp, row: string): Promise<void> {
  const title = commandTitle(command);
  const input = await wb.openCommandPalette();
  await input.fill(`>${title}`);
  await wb.quickInputRow(title).first().click();
  await waitUntil(`the pick of ${title}`, async () => placeholder.test((await input.getAttribute('placeholder')) ?? ''));
  await wb.quickInputRow(row).first().waitFor({ state: 'visible', timeout: 20_000 });
  await input.pressSequentially(row);
  await waitUntil(`${row} as the only row`, async () => (await wb.quickInputRows()).length === 1);
  await input.press('Enter');
  await wb.quickInput.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Waits for the Create Business Process form and for its workspace list. */
export async function bpForm(wb: Workbench): Promise<FrameLocator> {
  const form = await wb.waitForWebview('#bp-workspace');
  await waitUntil('the workspace list', async () =>
    (await form.locator('#bp-workspace').getAttribute('aria-busy')) === 'false' && (await form.locator('#bp-workspace option').count()) > 1);
  return form;
}

export async function ugForm(wb: Workbench): Promise<FrameLocator> {
  return wb.waitForWebview('#ug-name-0');
}

/** Starts over when the form came up with a restored draft of an earlier test. */
export async function clearRestoredDraft(form: FrameLocator, prefix: 'bp' | 'ug'): Promise<void> {
  const clear = form.locator(`#${prefix}-clear`);
  if (await clear.isVisible()) {
    await clear.click();
    await form.locator(`#${prefix}-draft-note`).waitFor({ state: 'hidden' });
  }
}

/** Picks an API Gateway group from the on-demand list with the keyboard (type-ahead on the focused select). */
export async function pickApiGroup(wb: Workbench, form: FrameLocator, name: string): Promise<void> {
  const list = form.locator('#bp-apigw-list');
  await list.focus();
  await form.locator('#bp-apigw-list option', { hasText: name }).waitFor({ state: 'attached' });
  await wb.page.keyboard.type(name);
}

/** Checks an account in the picker of a row by typing into its search box and pressing Enter on the one match. */
export async function pickAccount(form: FrameLocator, search: string, value: string, row = 0): Promise<void> {
  const box = form.locator(`#ug-accounts-${row}`);
  await box.fill(search);
  await form.locator(`#ug-accounts-${row}-options input[value="${value}"]`).waitFor({ state: 'visible' });
  await box.press('Enter');
  await waitUntil(`${value} to be checked`, () => form.locator(`#ug-accounts-${row}-options input[value="${value}"]`).isChecked());
  await box.fill('');
}

/** The accounts chosen in a row, as its chips show them. */
export async function chips(form: FrameLocator, row = 0): Promise<string[]> {
  return (await form.locator(`#ug-accounts-${row}-selected li > span`).allInnerTexts()).map((t) => t.trim());
}

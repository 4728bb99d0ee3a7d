// Steps through a user groups file and its plan page that the groups-as-code UI test (groupsAsCode.test.ts) and the
// README screenshots (screenshots.ts) share, so that a changed selector breaks both the same way.
import type { FrameLocator } from 'playwright-core';
import type { Workbench } from './driver';
import { commandTitle, waitFor } from './driver';

/** The editor tab of a groups file (its name ends in .dwgroups.json). */
export async function waitForGroupsFileTab(wb: Workbench): Promise<void> {
  await wb.page.locator('.tabs-container .tab', { hasText: /\.dwgroups\.json/ }).first().waitFor({ state: 'visible', timeout: 20_000 });
}

/** Opens a file by its absolute path: code-server's open dialog is a quick input holding the path. */
export async function openFileByPath(wb: Workbench, path: string): Promise<void> {
  await wb.runCommand('File: Open File...');
  await wb.typeInInput(path);
  await waitForGroupsFileTab(wb);
}

/**
 * Export User Groups to File… into `path`. code-server's save dialog is a quick input that the palette turns into
 * and then fills with the proposed path: a path typed before that would be replaced by it.
 */
export async function exportGroupsTo(wb: Workbench, path: string): Promise<void> {
  await wb.runCommand(commandTitle('dataworks.groups.export'));
  const input = wb.quickInput.locator('input');
  await waitFor('the save dialog proposing a groups file', async () => /\.dwgroups\.json$/.test(await input.inputValue().catch(() => '')), 30_000);
  await wb.typeInInput(path);
}

/** Clicks the Plan CodeLens at the top of the active groups file and waits for the plan page's rows. */
export async function planFromCodeLens(wb: Workbench): Promise<FrameLocator> {
  const lens = wb.page.locator('.contentWidgets .codelens-decoration a', { hasText: /^Plan$/ });
  await lens.first().waitFor({ state: 'visible', timeout: 30_000 });
  await lens.first().click();
  return wb.waitForWebview('#plan-rows', 60_000);
}

// The README's screenshots, taken by `npm run demo -- --screenshots <dir>` (scripts/demo.mjs) in one workbench per
// theme against a freshly seeded emulator: the explorer, then both forms while editing, in review and after saving.
// The steps are the forms' UI tests' own (formSteps.ts), so a changed selector breaks both the same way.
import type { FrameLocator } from 'playwright-core';
import type { Workbench } from './driver';
import { commandTitle } from './driver';
import { bpForm, clearRestoredDraft, expandWorkspace, pickAccount, pickApiGroup, treeMenu, ugForm, waitUntil } from './formSteps';
import type { ScreenshotScreen } from './screenshotNames';

export { SCREENSHOT_THEMES, screenshotFile, screenshotFiles, type ScreenshotTheme } from './screenshotNames';

/** Takes every screen of SCREENSHOT_SCREENS, in order, handing each to `shot` once it shows what its name says. */
export async function takeReadmeScreenshots(wb: Workbench, shot: (screen: ScreenshotScreen) => Promise<void>): Promise<void> {
  const page = wb.page;
  // No hover tooltip or highlighted row in the pictures.
  const still = async (): Promise<void> => {
    await page.mouse.move(2, 450); // the empty middle of the activity bar
    await page.waitForTimeout(400);
  };

  /**
   * The filled form as it is, then its review step, then what saving shows once the tree lists `created`.
   * `result` appears when the answer has arrived.
   */
  const editReviewResult = async (form: FrameLocator, prefix: 'bp' | 'ug', screen: 'business-process' | 'user-group', result: string, created: RegExp): Promise<void> => {
    await still();
    await shot(`${screen}-edit`);
    await form.locator(`#${prefix}-review`).click();
    await form.locator(`#${prefix}-cli`).waitFor({ state: 'visible' });
    await still();
    await shot(`${screen}-review`);
    await form.locator(`#${prefix}-submit`).click();
    await form.locator(result).waitFor({ state: 'visible', timeout: 20_000 });
    await wb.treeItem(created).waitFor({ state: 'visible', timeout: 20_000 });
    await wb.waitForTreeIdle();
    await still();
    await shot(`${screen}-result`);
  };

  // The explorer: workspaces, one workspace's business processes, the user groups.
  await wb.openViewContainer('DataWorks');
  await wb.treeItem(/^Workspaces/).waitFor({ state: 'visible', timeout: 30_000 });
  await expandWorkspace(wb, /^Sales DW/);
  await wb.expand(/^User Groups/);
  await wb.waitForTreeIdle();
  await still();
  await shot('explorer');

  // Create Business Process, from the workspace's context menu.
  await treeMenu(wb, wb.treeItem(/^Sales DW/), /^Create Business Process/);
  const bp = await bpForm(wb);
  await clearRestoredDraft(bp, 'bp');
  await pickApiGroup(wb, bp, 'sales_data_api');
  await bp.locator('#bp-name').fill('daily_sales_reports');
  await bp.locator('#bp-description').fill('APIs behind the daily sales dashboard');
  await bp.locator('#bp-name').focus();
  await editReviewResult(bp, 'bp', 'business-process', '#bp-result-id', /^daily_sales_reports/);

  // Add User Groups: two groups (users; RAM roles) in one request.
  await wb.runCommand(commandTitle('dataworks.addUserGroup'));
  const ug = await ugForm(wb);
  await clearRestoredDraft(ug, 'ug');
  await ug.locator('#ug-name-0').fill('data_stewards');
  await ug.locator('#ug-owner-0').focus();
  await ug.locator('#ug-owner-options option[value="alice"]').waitFor({ state: 'attached' });
  await ug.locator('#ug-owner-0').fill('alice');
  await ug.locator('#ug-type-0').selectOption('1');
  await pickAccount(ug, 'alice', 'user:alice');
  await pickAccount(ug, 'carol', 'user:carol');
  await ug.locator('#ug-add-row').click();
  await ug.locator('#ug-name-1').waitFor({ state: 'visible' });
  await ug.locator('#ug-name-1').fill('etl_operators');
  await ug.locator('#ug-owner-1').fill('bob');
  await ug.locator('#ug-type-1').selectOption('2');
  await waitUntil('the RAM role list of the second row', async () => (await ug.locator('#ug-accounts-1-options input').count()) === 2);
  await pickAccount(ug, 'etl', 'role:dataworks_etl_role', 1);
  // The end of the first group (its chosen accounts) and the start of the second one.
  await ug.locator('#ug-row-1').evaluate((row) => row.scrollIntoView({ block: 'start' }));
  await ug.locator('#ug-row-1').evaluate(() => window.scrollBy(0, -260));
  await editReviewResult(ug, 'ug', 'user-group', '#ug-result-id-1', /^data_stewards/);
}

// The README's screenshots, taken by `npm run demo -- --screenshots <dir>` (scripts/demo.mjs) in one workbench per
// theme against a freshly seeded emulator: the explorer, then both forms while editing, in review and after saving,
// then the plan of a user groups file. The steps are the UI tests' own (formSteps.ts, groupsSteps.ts), so a changed
// selector breaks both the same way.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import type { Workbench } from './driver';
import { commandTitle } from './driver';
import { bpForm, clearRestoredDraft, expandWorkspace, pickAccount, pickApiGroup, treeMenu, ugForm, waitUntil } from './formSteps';
import { openFileByPath, planFromCodeLens } from './groupsSteps';
import type { ScreenshotScreen } from './screenshotNames';

export { SCREENSHOT_THEMES, screenshotFile, screenshotFiles, type ScreenshotTheme } from './screenshotNames';

/** A user group as the emulator holds it (GET /__admin/state). */
export interface ServerGroup {
  name: string;
  owner: string;
  type: number;
  accounts: string[];
  /** '' for types 1 and 2. */
  projectName: string;
}

/** What the pictures need of the demo besides the workbench. */
export interface ScreenshotSetup {
  /** The folder the workbench has open: the groups file is written there. */
  readonly workspace: string;
  /** The emulator's user groups now (after the forms' pictures added two). */
  serverGroups(): Promise<ServerGroup[]>;
}

/** The group the plan picture creates, the one it updates and the one it deletes (with prune); the rest stay. */
export const PLAN_PICTURE = { create: 'ads_reviewers', update: 'auditors', delete: 'contractors' } as const;

/**
 * A groups file whose plan has a row of every kind: PLAN_PICTURE's create, update (a new owner and one more
 * account) and delete (prune on, the group left out), every other server group unchanged. The names sort so that
 * these rows and the first unchanged ones come first.
 */
export function planPictureFile(server: readonly ServerGroup[]): string {
  const groups = server
    .filter((g) => g.name !== PLAN_PICTURE.delete)
    .map((g) => ({
      name: g.name,
      owner: g.name === PLAN_PICTURE.update ? 'alice' : g.owner,
      type: g.type,
      ...(g.type === 3 ? { projectName: g.projectName } : {}),
      accounts: g.name === PLAN_PICTURE.update ? [...g.accounts, 'user:frank'] : g.accounts,
    }));
  groups.push({ name: PLAN_PICTURE.create, owner: 'carol', type: 1, accounts: ['user:carol', 'user:dave'] });
  groups.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return `${JSON.stringify({ region: 'cn-shanghai', prune: true, groups }, null, 2)}\n`;
}

/** Takes every screen of SCREENSHOT_SCREENS, in order, handing each to `shot` once it shows what its name says. */
export async function takeReadmeScreenshots(wb: Workbench, setup: ScreenshotSetup, shot: (screen: ScreenshotScreen) => Promise<void>): Promise<void> {
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

  // The plan of a groups file: a create, an update, a delete and the unchanged rows, beside the file.
  const file = join(setup.workspace, 'user-groups.dwgroups.json');
  writeFileSync(file, planPictureFile(await setup.serverGroups()));
  await wb.runCommand('View: Close All Editors');
  await wb.runCommand('View: Toggle Primary Side Bar Visibility');
  await openFileByPath(wb, file);
  const plan = await planFromCodeLens(wb);
  await plan.locator(`tr.plan-row[data-action="delete"]`).waitFor({ state: 'visible', timeout: 20_000 });
  await plan.locator('#plan-toggle-unchanged').click();
  await plan.locator('tr.plan-row[data-action="unchanged"]').first().waitFor({ state: 'visible' });
  await still();
  await shot('groups-plan');
}

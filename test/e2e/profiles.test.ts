// UI test of Add Profile as a user walks it: the command palette, the five-step QuickInput (name, region,
// AccessKey ID, secret, STS token), a wrong secret rejected by the emulator and shown on the secret step, the right
// secret, then the new profile active in the status bar and its workspaces in the tree.
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { DEMO_CREDENTIALS } from '../emulator/credentials';
import type { Workbench } from './driver';
import { commandTitle, localise, manifest, openWorkbench, waitFor } from './driver';

const PROFILE = 'e2e-profile';
const REGION = 'cn-shanghai';
const REGION_NAME = 'China (Shanghai)';
const STEPS = 5;

describe('profiles (UI)', function () {
  // Five wizard steps, a verification call and the tree: about 20 s alone, 30 s and more on a loaded machine.
  this.timeout(120_000);
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
  });

  /** Waits until the QuickInput shows step `n` of the wizard ("Add DataWorks Profile (n/5)"). */
  async function atStep(n: number): Promise<void> {
    await wb.quickInput
      .locator('.quick-input-title', { hasText: `${n}/${STEPS}` })
      .waitFor({ state: 'visible', timeout: 20_000 });
  }

  async function waitForMessage(re: RegExp, timeout = 20_000): Promise<string> {
    let last = '';
    await waitFor(() => `the input message to match ${String(re)} (last: "${last}")`, async () => re.test((last = await wb.inputMessage())), timeout, 200);
    return last;
  }

  it('adds a profile through the palette: a rejected secret comes back on its step, then the tree', async () => {
    const container = manifest.contributes?.viewsContainers?.activitybar?.[0];
    await wb.openViewContainer(container ? localise(container.title) : 'DataWorks');

    await wb.runCommand(commandTitle('dataworks.addProfile'));

    await atStep(1);
    await wb.typeInInput(PROFILE);

    await atStep(2);
    await wb.typeInInput(REGION_NAME, { submit: false });
    await wb.pick(REGION_NAME);

    await atStep(3);
    await wb.typeInInput(DEMO_CREDENTIALS.accessKeyId);

    await atStep(4);
    await wb.typeInInput(`${DEMO_CREDENTIALS.accessKeySecret}-wrong`);

    await atStep(5);
    await wb.typeInInput('');

    // The emulator answers SignatureDoesNotMatch: back on the secret step, with the verdict as its message.
    await atStep(4);
    const message = await waitForMessage(/signature does not match/i);
    assert.match(message, /AccessKey secret is probably wrong/);
    assert.doesNotMatch(message, /-wrong/, 'the rejected secret must not be echoed');
    assert.ok(
      !(await wb.statusBarTexts()).some((t) => t.includes(PROFILE)),
      'nothing is saved before the key is verified',
    );

    await wb.typeInInput(DEMO_CREDENTIALS.accessKeySecret);
    await atStep(5);
    await wb.typeInInput('');

    await wb.waitForNotification(new RegExp(`Profile ${PROFILE} is ready`), 30_000);
    await wb.quickInput.waitFor({ state: 'hidden', timeout: 10_000 });
    await wb.page
      .locator('.part.statusbar .statusbar-item', { hasText: `${PROFILE}@${REGION}` })
      .first()
      .waitFor({ state: 'visible', timeout: 20_000 });

    // The status bar switches before the tree does, and the Environment profile's tree (also cn-shanghai) has the
    // same "China (Shanghai)" and "Workspaces" rows. Expanding its Workspaces row while the tree is rebuilt loses
    // the expansion (the extension host logs "No tree item with id '1/Environment/cn-shanghai/workspaces'", the
    // workbench "TreeError [dataworks.explorer] Data tree node not found"). So wait for the new profile's region
    // root: its accessible name is its tooltip, which names the profile.
    await wb.treeItem(new RegExp(`^Profile ${PROFILE} in ${REGION}\\b`)).waitFor({ state: 'visible', timeout: 20_000 });
    await wb.waitForTreeIdle();
    // Rows are found by their visible text (a row's accessible name may be its tooltip).
    const row = (text: string): Locator =>
      wb.page.locator('.part.sidebar .monaco-list-row[role="treeitem"]', { hasText: text }).first();
    assert.match(await row(REGION_NAME).innerText(), new RegExp(REGION));
    const workspaces = row('Workspaces');
    await workspaces.waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await workspaces.getAttribute('aria-expanded'), 'false');
    await workspaces.locator('.monaco-tl-twistie').click();
    await waitFor('Workspaces to expand', async () => (await workspaces.getAttribute('aria-expanded')) === 'true');
    await wb.waitForTreeIdle();
    await row('Sales DW').waitFor({ state: 'visible', timeout: 20_000 });
    assert.deepEqual(wb.errors.filter((e) => /dataworks/i.test(e)), []);
  });
});

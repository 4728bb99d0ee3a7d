// Recent Operations in the real workbench: a business process created through the form shows up as a row with its
// outcome, Copy Request ID gives its ID, and a create whose connection dropped shows an unknown outcome that Verify
// settles (here: not carried out, so Retry is offered and reopens the form with the values).
import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator } from 'playwright-core';
import type { Workbench } from './driver';
import { commandTitle, emulatorAdmin, localise, manifest, openWorkbench, waitFor } from './driver';

const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
let counter = 0;
const unique = (prefix: string): string => `${prefix}_${suffix}_${++counter}`;

const VIEW = localise(manifest.contributes?.views?.['dataworks']?.find((v) => v.id === 'dataworks.operations')?.name ?? 'Recent Operations');

describe('Recent Operations (UI)', function () {
  this.timeout(120_000);
  let wb: Workbench;

  before(async function () {
    this.timeout(120_000);
    wb = await openWorkbench();
    await wb.openViewContainer('DataWorks');
    await wb.treeItem(/^Workspaces/).waitFor({ state: 'visible', timeout: 30_000 });
  });
  after(async () => {
    await emulatorAdmin('DELETE', '/__admin/faults').catch(() => undefined);
    await wb?.close();
  });

  /** The Recent Operations pane, expanded. */
  async function pane(): Promise<Locator> {
    const p = wb.viewPane(VIEW).first();
    await p.waitFor({ state: 'visible', timeout: 20_000 });
    const header = p.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    return p;
  }

  function row(p: Locator, name: string): Locator {
    return p.locator('.monaco-list-row[role="treeitem"]', { hasText: name }).first();
  }

  /** Create Business Process from the palette in `workspace`, the first API group, `name`; review, then submit. */
  async function createThroughForm(workspace: string, name: string): Promise<FrameLocator> {
    if (await wb.page.locator('.monaco-menu').first().isVisible()) await wb.page.keyboard.press('Escape');
    const title = commandTitle('dataworks.createBusinessProcess');
    const input = await wb.openCommandPalette();
    await input.fill(`>${title}`);
    await wb.quickInputRow(title).first().click();
    await waitFor('the workspace pick', async () => /workspace/i.test((await input.getAttribute('placeholder')) ?? ''));
    await wb.quickInputRow(workspace).first().waitFor({ state: 'visible', timeout: 20_000 });
    await input.pressSequentially(workspace);
    await waitFor(`${workspace} as the only row`, async () => (await wb.quickInputRows()).length === 1);
    await input.press('Enter');
    const form = await wb.waitForWebview('#bp-workspace');
    const clear = form.locator('#bp-clear');
    if (await clear.isVisible().catch(() => false)) await clear.click();
    const list = form.locator('#bp-apigw-list');
    await list.focus();
    await form.locator('#bp-apigw-list option', { hasText: 'shared_public_api' }).waitFor({ state: 'attached', timeout: 20_000 });
    await wb.page.keyboard.type('shared_public_api');
    await waitFor('the API group picked', async () => (await form.locator('#bp-apigw').inputValue()) !== '');
    await form.locator('#bp-name').fill(name);
    await form.locator('#bp-name').press('Enter');
    await form.locator('#bp-cli').waitFor({ state: 'visible', timeout: 20_000 });
    await form.locator('#bp-submit').click();
    return form;
  }

  it('shows a create made in the form, and Copy Request ID gives its request ID', async () => {
    const name = unique('e2e_ops');
    const form = await createThroughForm('Ops Monitor', name);
    await form.locator('#bp-result-id').waitFor({ state: 'visible', timeout: 20_000 });
    const p = await pane();
    const r = row(p, name);
    await r.waitFor({ state: 'visible', timeout: 20_000 });
    await waitFor('the row to succeed', async () => /Succeeded/.test(await r.innerText()));
    assert.match(await r.innerText(), /Create business process: .*Succeeded · .* · Environment · cn-shanghai/s);
    await wb.inlineAction(r, 'Copy Request ID');
    const toast = await wb.waitForNotification(/Copied request ID/);
    assert.match(await toast.innerText(), /Copied request ID [0-9A-Za-z-]{8,}/);
    await wb.screenshot('e2e-recent-operations');
  });

  it('shows a create whose connection dropped as an unknown outcome, and Verify settles it', async () => {
    const name = unique('e2e_ops_lost');
    // The create's connection is reset before the emulator applies it: the answer is lost, the lookup finds nothing.
    await emulatorAdmin('POST', '/__admin/faults', { dropNext: 1, actions: ['CreateDataServiceGroup'] });
    await createThroughForm('Sales DW', name);
    const p = await pane();
    const r = row(p, name);
    await r.waitFor({ state: 'visible', timeout: 30_000 });
    await waitFor('the unknown outcome', async () => /Unknown outcome/.test(await r.innerText()), 30_000);
    await emulatorAdmin('DELETE', '/__admin/faults');
    await wb.inlineAction(r, 'Verify');
    await wb.waitForNotification(/not carried out/);
    await waitFor('the row to show the verified outcome', async () => /Failed/.test(await row(p, name).innerText()));
    // A failed create offers Retry, which reopens the form with the values to review (nothing is sent). The form
    // that failed is closed first: an open form keeps what it shows.
    await wb.runCommand('View: Close All Editors');
    await wb.page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 10_000 });
    await wb.inlineAction(row(p, name), 'Retry');
    const form = await wb.waitForWebview('#bp-name');
    await waitFor('the form prefilled with the failed values', async () => (await form.locator('#bp-name').inputValue()) === name);
  });
});

// TEMPORARY local check of the forms in code-server (not committed).
import * as assert from 'node:assert/strict';
import type { Workbench } from './driver';
import { openWorkbench } from './driver';

describe('forms local check', function () {
  this.timeout(240_000);
  let wb: Workbench;
  const csp: string[] = [];
  before(async () => {
    wb = await openWorkbench();
    wb.page.on('console', (m) => { if (/Content Security Policy|violates/i.test(m.text())) csp.push(m.text().slice(0, 300)); });
  });
  after(async () => wb?.close());

  it('creates a business process', async () => {
    await wb.openViewContainer('DataWorks');
    await new Promise((r) => setTimeout(r, 3000));
    await wb.runCommand('DataWorks: Create Business Process…');
    const f = await wb.waitForWebview('#bp-name', 30_000);
    await f.locator('#bp-workspace option:nth-child(2)').waitFor({ state: 'attached', timeout: 30_000 });
    const opts = await f.locator('#bp-workspace option').allTextContents();
    console.log('workspaces', opts.slice(0, 4));
    await f.locator('#bp-workspace').selectOption({ index: 1 });
    await f.locator('#bp-apigw-list').focus();
    await f.locator('#bp-apigw-list option:nth-child(2)').waitFor({ state: 'attached', timeout: 30_000 }).catch(() => undefined);
    console.log('api groups', (await f.locator('#bp-apigw-list option').allTextContents()).slice(0, 3), await f.locator('#bp-apigw-list-status').textContent());
    if ((await f.locator('#bp-apigw-list option').count()) > 1) await f.locator('#bp-apigw-list').selectOption({ index: 1 });
    else await f.locator('#bp-apigw').fill('manual_id');
    await f.locator('#bp-name').fill(`Form test ${Date.now() % 100000}`);
    await f.locator('#bp-description').fill("It's a test");
    await f.locator('#bp-review').click();
    await f.locator('#bp-cli').waitFor({ timeout: 30_000 });
    console.log('cli', await f.locator('#bp-cli').textContent());
    await wb.screenshot('forms-bp-review');
    await f.locator('#bp-submit').click();
    await f.locator('#bp-result-id, #bp-banner:not([hidden])').first().waitFor({ timeout: 30_000 });
    console.log('result', await f.locator('#bp-result').textContent(), await f.locator('#bp-banner').textContent());
    await wb.screenshot('forms-bp-result');
    await wb.runCommand('DataWorks: Create Business Process…');
    await new Promise((r) => setTimeout(r, 1500));
    const tabs = await wb.editorTabs();
    console.log('tabs', tabs);
    assert.equal(tabs.filter((t) => t.includes('Create Business Process')).length, 1);
  });

  it('adds a user group', async () => {
    await wb.runCommand('DataWorks: Add User Group…');
    const f = await wb.waitForWebview('#ug-name-0', 30_000);
    await f.locator('#ug-name-0').fill(`forms_${Date.now() % 100000}`);
    await f.locator('#ug-owner-0').focus();
    await f.locator('#ug-acc-0-0').waitFor({ state: 'attached', timeout: 30_000 });
    const owners = await f.locator('#ug-owner-options option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    console.log('owners', owners.slice(0, 3));
    await f.locator('#ug-owner-0').fill(owners[0] ?? 'x');
    await f.locator('#ug-acc-0-0').check();
    await f.locator('#ug-review').click();
    await f.locator('#ug-cli').waitFor({ timeout: 30_000 });
    console.log('cli', await f.locator('#ug-cli').textContent());
    await f.locator('#ug-submit').click();
    await f.locator('#ug-result-groups, #ug-banner:not([hidden])').first().waitFor({ timeout: 30_000 });
    console.log('result', await f.locator('#ug-result').textContent(), await f.locator('#ug-banner').textContent());
    await wb.screenshot('forms-ug-result');
    console.log('csp', csp);
    console.log('errors', wb.errors);
  });
});

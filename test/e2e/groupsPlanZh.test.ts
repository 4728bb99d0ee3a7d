// The plan page in Simplified Chinese: a workbench whose browser asks for zh-CN gets the page's every text from
// l10n/bundle.l10n.zh-cn.json; what stays in Latin letters is data (names, accounts, requests) or a product name.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Workbench } from './driver';
import { e2eEnv, emulatorAdmin, openWorkbench } from './driver';
import { openFileByPath, planFromCodeLens } from './groupsSteps';
import { PLAN_PICTURE, planPictureFile, type ServerGroup } from './screenshots';

const zh = JSON.parse(readFileSync(join('l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
/** The Chinese of an English text of the bundle, `{0}`… filled in. */
function tr(english: string, ...args: (string | number)[]): string {
  const text = zh[english];
  assert.ok(text, `no zh-cn entry for ${english}`);
  return text.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)]));
}
/** Words that are the same in both languages. */
const PRODUCT_WORDS = new Set(['DataWorks', 'MaxCompute', 'aliyun', 'CLI', 'prune', 'ID']);

describe('user groups plan in zh-CN (UI)', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async function () {
    this.timeout(120_000);
    wb = await openWorkbench({ locale: 'zh-CN' });
  });
  after(async () => wb?.close());

  it('shows every text of the plan page in Chinese', async () => {
    const { userGroups } = (await emulatorAdmin('GET', '/__admin/state')) as { userGroups: ServerGroup[] };
    const file = join(e2eEnv.workspace, `zh-${Date.now().toString(36)}.dwgroups.json`);
    writeFileSync(file, planPictureFile(userGroups));
    await openFileByPath(wb, file);
    const plan = await planFromCodeLens(wb, tr('Plan'));
    await plan.locator('tr.plan-row[data-action="delete"]').waitFor({ state: 'visible', timeout: 20_000 });
    await plan.locator('#plan-toggle-unchanged').click();
    await plan.locator('tr.plan-row[data-action="unchanged"]').first().waitFor({ state: 'visible' });

    assert.equal(await plan.locator('html').getAttribute('lang'), 'zh-cn');
    const fileName = file.slice(file.lastIndexOf('/') + 1);
    assert.equal((await plan.locator('h1').innerText()).trim(), tr('User Groups Plan: {0}', fileName));
    assert.deepEqual((await plan.locator('#plan-rows thead th').allInnerTexts()).map((s) => s.trim()), [tr('Group'), tr('Change'), tr('Details')]);
    const badge = async (name: string): Promise<string> => (await plan.locator('tr.plan-row', { hasText: name }).locator('.plan-badge').innerText()).trim();
    assert.equal(await badge(PLAN_PICTURE.create), tr('Create'));
    assert.equal(await badge(PLAN_PICTURE.update), tr('Update'));
    assert.equal(await badge(PLAN_PICTURE.delete), tr('Delete'));
    assert.match(await plan.locator('tr.plan-row', { hasText: PLAN_PICTURE.create }).innerText(), new RegExp(tr('Alibaba Cloud account')));
    assert.equal((await plan.locator('#plan-apply').innerText()).trim(), tr('Apply'));
    assert.ok(await wb.page.locator('.tabs-container .tab', { hasText: tr('Plan: {0}', '') }).count() > 0, 'the panel title is Chinese');

    // To look at: test-results/groups-plan-zh-CN*.png (the rows, then the requests and Apply).
    await wb.screenshot('groups-plan-zh-CN');
    await plan.locator('#plan-requests').scrollIntoViewIfNeeded();
    await wb.screenshot('groups-plan-zh-CN-requests');

    // Every text left once the data is taken out: no English word.
    const data = new Set([...userGroups.flatMap((g) => [g.name, g.owner, ...g.accounts, g.projectName]), PLAN_PICTURE.create, 'user:frank', 'cn-shanghai', 'Environment']);
    const shown = await plan.locator('body').evaluate((body) => {
      const clone = body.cloneNode(true) as HTMLElement;
      // Requests and their parameters are what is sent, in the API's words.
      for (const e of clone.querySelectorAll('script, style, code, pre, .plan-name')) e.remove();
      return clone.textContent ?? '';
    });
    const english = (shown.match(/[A-Za-z][A-Za-z_:.-]+/g) ?? []).filter((w) => !PRODUCT_WORDS.has(w) && !data.has(w) && !fileName.includes(w));
    assert.deepEqual(english, [], `English on the zh-CN page:\n${shown}`);
    // Chinese punctuation: a label ends in a full-width colon, as in every sentence of the bundle.
    assert.deepEqual(shown.match(/[\u4e00-\u9fff]: ?/g) ?? [], [], `an ASCII colon after Chinese text:\n${shown}`);
    // Chinese breaks between any two characters: a badge (创建, 未更改) must not break inside.
    const broken = await plan.locator('.plan-badge, .plan-count').evaluateAll((els) => els.filter((e) => e.getClientRects().length > 1).map((e) => e.textContent));
    assert.deepEqual(broken, [], 'badges broken over two lines');
  });
});

// UI tests of the two webview forms (Create Business Process, Add/Edit User Groups) in a real workbench against the
// emulator: palette and tree entry points, the pickers, review (exact request + aliyun CLI), submit, what the
// emulator then holds, server errors landing on their field, drafts surviving a hidden or closed panel, one panel
// per form and target, and no Content Security Policy violation on the way.
//
// The emulator is shared by every e2e file of the run: every name created here is unique, and assertions look at
// the records of this file only (plus request-count deltas taken while nothing else runs).
import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator } from 'playwright-core';
import type { RunningEmulator } from '../emulator';
import { call, makeClient } from '../emulator/helpers';
import type { Workbench } from './driver';
import { commandTitle, emulatorAdmin, openWorkbench } from './driver';
import * as steps from './formSteps';
import { chips, clearRestoredDraft, pickAccount, waitUntil } from './formSteps';

// --- emulator ---------------------------------------------------------------------------------------------------

interface EmuBusinessProcess {
  groupId: string;
  groupName: string;
  description: string;
  apiGatewayGroupId: string;
  projectId: number;
}
interface EmuUserGroup {
  id: number;
  name: string;
  owner: string;
  type: number;
  accounts: string[];
  projectName: string;
}
interface EmuState {
  regions: Record<string, { businessProcesses: EmuBusinessProcess[]; apiGatewayGroups: { groupId: string; groupName: string }[] }>;
  userGroups: EmuUserGroup[];
}

const REGION = 'cn-shanghai';

async function emulatorState(): Promise<EmuState> {
  return (await emulatorAdmin('GET', '/__admin/state')) as EmuState;
}

async function requestCounts(): Promise<Record<string, number>> {
  return (await emulatorAdmin('GET', '/__admin/counts')) as Record<string, number>;
}

function delta(before: Record<string, number>, after: Record<string, number>, action: string): number {
  return (after[action] ?? 0) - (before[action] ?? 0);
}

async function businessProcesses(projectId: number, name: string): Promise<EmuBusinessProcess[]> {
  const s = await emulatorState();
  return (s.regions[REGION]?.businessProcesses ?? []).filter((b) => b.projectId === projectId && b.groupName === name);
}

async function userGroupsNamed(name: string): Promise<EmuUserGroup[]> {
  return (await emulatorState()).userGroups.filter((g) => g.name === name);
}

/** Writes straight to the emulator with the demo key pair (setup data that the UI then works on). */
async function apiCall(action: string, query: Record<string, string>): Promise<Record<string, unknown>> {
  const endpoint = process.env.DATAWORKS_TEST_EMULATOR_ENDPOINT;
  if (!endpoint) throw new Error('DATAWORKS_TEST_EMULATOR_ENDPOINT is not set (no emulator in this run)');
  // makeClient only reads the endpoint of the emulator it is given.
  return call(makeClient({ endpoint } as RunningEmulator), action, { query });
}

const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
let counter = 0;
/** A name no other test (or earlier run against a persisted state) uses. */
const unique = (prefix: string): string => `${prefix}_${suffix}_${++counter}`;

// --- waiting ------------------------------------------------------------------------------------------------------

/** The rows of a review parameter table as [name, value] pairs. */
async function reviewParams(form: FrameLocator, prefix: 'bp' | 'ug'): Promise<[string, string][]> {
  const rows = form.locator(`#${prefix}-review-params tbody tr`);
  const out: [string, string][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    out.push([(await rows.nth(i).locator('th').innerText()).trim(), await rows.nth(i).locator('td code').innerText()]);
  }
  return out;
}

// --- the workbench ------------------------------------------------------------------------------------------------

describe('forms (UI)', function () {
  this.timeout(90_000);
  let wb: Workbench;
  const cspMessages: string[] = [];

  const BP_TITLE = 'Create Business Process';
  const UG_ADD_TITLE = 'Add User Groups';

  before(async function () {
    this.timeout(120_000);
    wb = await openWorkbench();
    // Webview pages log their CSP violations to the console of their frame; the page sees every frame's console.
    wb.page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspMessages.push(msg.text().split('\n')[0] ?? '');
    });
    // In webview frames created while the workbench has __dwE2eMuteHost set, messages from the extension host
    // (protocol objects with a `type`) never reach the page's listeners; counted in __dwDropped. The page's
    // addEventListener is wrapped rather than a listener added here: VS Code writes the page into its frame with
    // document.open(), which removes every listener added before it, but not the window's own properties.
    await wb.page.context().addInitScript(() => {
      let muted = false;
      try {
        muted = window.top !== window && Reflect.get(window.top ?? window, '__dwE2eMuteHost') === true;
      } catch {
        return;
      }
      if (!muted) return;
      Reflect.set(window, '__dwDropped', 0);
      const add = window.addEventListener.bind(window);
      window.addEventListener = (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void => {
        if (type !== 'message' || typeof listener !== 'function') {
          add(type, listener, options);
          return;
        }
        add(type, (ev: Event) => {
          const data: unknown = ev instanceof MessageEvent ? ev.data : undefined;
          if (typeof data === 'object' && data !== null && typeof Reflect.get(data, 'type') === 'string') {
            Reflect.set(window, '__dwDropped', Number(Reflect.get(window, '__dwDropped')) + 1);
            return;
          }
          listener(ev);
        }, options);
      };
    });
    await wb.openViewContainer('DataWorks');
    await wb.treeItem(/^Workspaces/).waitFor({ state: 'visible', timeout: 30_000 });
  });
  after(async () => {
    await emulatorAdmin('DELETE', '/__admin/faults').catch(() => undefined);
    await wb?.close();
  });
  beforeEach(async () => {
    await closeAllEditors();
  });
  afterEach(async () => {
    await emulatorAdmin('DELETE', '/__admin/faults');
  });

  const treeMenu = (row: Locator, action: RegExp): Promise<void> => steps.treeMenu(wb, row, action);
  const expandWorkspace = (label: RegExp): Promise<void> => steps.expandWorkspace(wb, label);
  const paletteThenPick = (command: string, placeholder: RegExp, row: string): Promise<void> => steps.paletteThenPick(wb, command, placeholder, row);
  /** "Create Business Process…" from the palette, the workspace chosen in its quick pick with the keyboard. */
  const createFromPalette = (workspace: string): Promise<void> => paletteThenPick('dataworks.createBusinessProcess', /workspace/i, workspace);
  const bpForm = (): Promise<FrameLocator> => steps.bpForm(wb);
  const ugForm = (): Promise<FrameLocator> => steps.ugForm(wb);
  const pickApiGroup = (form: FrameLocator, name: string): Promise<void> => steps.pickApiGroup(wb, form, name);

  async function closeAllEditors(): Promise<void> {
    if (await wb.page.locator('.monaco-menu').first().isVisible()) await wb.page.keyboard.press('Escape');
    if (await wb.quickInput.isVisible()) {
      await wb.page.keyboard.press('Escape');
      await wb.quickInput.waitFor({ state: 'hidden', timeout: 10_000 });
    }
    if ((await wb.page.locator('.tabs-container .tab').count()) === 0) return;
    await wb.runCommand('View: Close All Editors');
    await wb.page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 10_000 });
  }

  async function tabsTitled(title: string): Promise<number> {
    return (await wb.editorTabs()).filter((t) => t === title).length;
  }

  /** Shows another editor in front of the panel; its page is thrown away (no retainContextWhenHidden). */
  async function hidePanelBehindUntitled(): Promise<void> {
    await wb.runCommand('File: New Untitled Text File');
    await waitUntil('the untitled editor in front', async () =>
      (await wb.page.locator('.tabs-container .tab.active .label-name').innerText()).startsWith('Untitled'));
    await wb.page.locator('iframe.webview').first().waitFor({ state: 'detached', timeout: 10_000 });
  }

  /** Creates a user group straight in the emulator and shows it in the tree (reloading the User Groups list). */
  async function seedUserGroup(name: string, owner: string, accounts: string[], type: 1 | 2 | 3 = 1, projectName?: string): Promise<EmuUserGroup> {
    const wire = { Name: name, Owner: owner, Accounts: accounts, ...(projectName ? { ProjectName: projectName } : {}), UserGroupType: type };
    await apiCall('DsgUserGroupAddOrUpdate', { UserGroups: JSON.stringify([wire]) });
    const [group] = await userGroupsNamed(name);
    assert.ok(group, `${name} was created`);
    const folder = wb.treeItem(/^User Groups/);
    await folder.waitFor({ state: 'visible' });
    await wb.inlineAction(folder, 'Refresh');
    await wb.expand(/^User Groups/);
    await wb.treeItem(new RegExp(`^${name}`)).waitFor({ state: 'visible', timeout: 20_000 });
    return group;
  }

  async function apiGroupId(name: string): Promise<string> {
    const g = (await emulatorState()).regions[REGION]?.apiGatewayGroups.find((x) => x.groupName === name);
    assert.ok(g, `the demo seed has the API group ${name}`);
    return g.groupId;
  }

  // --- Create Business Process ----------------------------------------------------------------------------------

  describe('Create Business Process', () => {
    it('creates a business process from the palette: pickers, exact review, ds_ ID, emulator and tree', async () => {
      // The tree shows two workspaces' business processes; only the one written to may reload.
      await expandWorkspace(/^Sales DW/);
      await expandWorkspace(/^Ops Monitor/);

      await createFromPalette('Ops Monitor');
      const form = await bpForm();
      await clearRestoredDraft(form, 'bp');
      assert.deepEqual(await wb.editorTabs(), [BP_TITLE]);
      assert.equal(await form.locator('#bp-workspace').inputValue(), '10004');

      const gid = await apiGroupId('shared_public_api');
      await pickApiGroup(form, 'shared_public_api');
      assert.equal(await form.locator('#bp-apigw-list').inputValue(), gid);
      assert.equal(await form.locator('#bp-apigw').inputValue(), gid, 'picking a group fills the ID box');

      const name = unique('e2e_bp');
      const description = "Built by the forms' UI test";
      const typed = await requestCounts();
      await form.locator('#bp-name').fill(name);
      await form.locator('#bp-description').fill(description);
      // Enter in a text box reviews.
      await form.locator('#bp-name').press('Enter');
      await form.locator('#bp-cli').waitFor({ state: 'visible' });

      assert.equal(await form.locator('#bp-review-action').innerText(), 'CreateDataServiceGroup');
      assert.deepEqual(await reviewParams(form, 'bp'), [
        ['ProjectId', '10004'],
        ['ApiGatewayGroupId', gid],
        ['GroupName', name],
        ['Description', description],
      ]);
      assert.equal(
        await form.locator('#bp-cli').innerText(),
        `aliyun dataworks-public CreateDataServiceGroup --ProjectId 10004 --ApiGatewayGroupId ${gid} --GroupName '${name}' ` +
          `--Description 'Built by the forms'\\'' UI test' --region ${REGION}`,
      );

      await wb.waitForTreeIdle();
      const before = await requestCounts();
      await form.locator('#bp-submit').click();
      const id = (await form.locator('#bp-result-id').innerText({ timeout: 20_000 })).trim();
      assert.match(id, /^ds_[0-9a-f]{12}$/);

      const created = await businessProcesses(10004, name);
      assert.equal(created.length, 1, 'exactly one business process of that name in Ops Monitor');
      assert.equal(created[0]?.groupId, id);
      assert.equal(created[0]?.apiGatewayGroupId, gid);
      assert.equal(created[0]?.description, description);

      // The expanded workspace reloads by itself and lists the new process as its child.
      const row = wb.treeItem(new RegExp(`^${name}`));
      await row.waitFor({ state: 'visible', timeout: 20_000 });
      await wb.waitForTreeIdle();
      const ops = wb.treeItem(/^Ops Monitor/);
      assert.equal(Number(await row.getAttribute('aria-level')), Number(await ops.getAttribute('aria-level')) + 1);
      const labels = await wb.treeItems();
      const at = labels.findIndex((l) => l.startsWith(name));
      const parentAt = labels.findIndex((l) => l.startsWith('Ops Monitor'));
      assert.ok(parentAt >= 0 && at > parentAt, `${name} is listed under Ops Monitor: ${labels.join(' | ')}`);
      assert.ok(labels.slice(parentAt + 1, at).every((l) => !/^(Sales DW|Finance DW|Marketing Lab|User Groups)/.test(l)));

      const after = await requestCounts();
      assert.equal(delta(before, after, 'CreateDataServiceGroup'), 1, 'one create');
      assert.equal(delta(before, after, 'ListProjects'), 0, 'the workspace list is not reloaded');
      // Leaving the name box, the review and the submit share one name check (seconds apart, nothing changed); then
      // one reload of Ops Monitor, while Sales DW stays as it was.
      assert.equal(delta(typed, after, 'ListDataServiceGroups'), 2, 'one name check, and only the written workspace reloads');

      // Reveal selects the new process in the tree.
      await form.locator('#bp-reveal').click();
      await waitUntil('the new process selected in the tree', async () => (await row.getAttribute('aria-selected')) === 'true');
    });

    it('opens from a workspace context menu with that workspace chosen, listing the workspaces the tree has loaded', async () => {
      await expandWorkspace(/^Workspaces/);
      // A fresh tree list (the cache lifetime is 5 minutes), which the form then reads instead of calling again.
      const refreshed = await requestCounts();
      await wb.inlineAction(wb.treeItem(/^Workspaces/), 'Refresh');
      await waitUntil('the tree\'s own reload of the workspaces', async () => delta(refreshed, await requestCounts(), 'ListProjects') === 1);
      await wb.treeItem(/^Finance DW/).waitFor({ state: 'visible', timeout: 20_000 });
      await wb.waitForTreeIdle();
      const opened = await requestCounts();
      await treeMenu(wb.treeItem(/^Finance DW/), /^Create Business Process/);
      const form = await bpForm();
      assert.equal(delta(opened, await requestCounts(), 'ListProjects'), 0, 'the workspace picker is the tree\'s list');
      await clearRestoredDraft(form, 'bp');
      assert.equal(await form.locator('#bp-workspace').inputValue(), '10002');
      assert.equal(
        (await form.locator('#bp-workspace option:checked').innerText()).trim(),
        'Finance DW (finance_dw, 10002)',
      );

      const gid = await apiGroupId('finance_data_api');
      const name = unique('e2e_bp_ctx');
      // The ID can be typed as well as picked.
      await form.locator('#bp-apigw').fill(gid);
      await form.locator('#bp-name').fill(name);
      await form.locator('#bp-review').click();
      await form.locator('#bp-cli').waitFor({ state: 'visible' });
      assert.deepEqual((await reviewParams(form, 'bp')).slice(0, 3), [['ProjectId', '10002'], ['ApiGatewayGroupId', gid], ['GroupName', name]]);
      const before = await requestCounts();
      // An impatient double click sends one request.
      await form.locator('#bp-submit').dblclick();
      const id = (await form.locator('#bp-result-id').innerText({ timeout: 20_000 })).trim();
      const created = await businessProcesses(10002, name);
      assert.deepEqual(created.map((b) => b.groupId), [id]);
      assert.equal(delta(before, await requestCounts(), 'CreateDataServiceGroup'), 1);
    });

    it('is interactive before any message from the extension host reaches the page (no ready → init round trip)', async () => {
      await expandWorkspace(/^Workspaces/);
      // Webview frames made from now on drop every host → page message before the page sees it; the page can still
      // post to the host. Before the init data was embedded in the page, such a form stayed at "Loading…".
      await wb.page.evaluate(() => Reflect.set(window, '__dwE2eMuteHost', true));
      try {
        await treeMenu(wb.treeItem(/^Finance DW/), /^Create Business Process/);
        const form = await wb.waitForWebview('#bp-name');
        assert.equal(await form.locator('label[for="bp-name"]').innerText(), 'Name', 'the translated texts came with the page');
        assert.equal(await form.locator('#bp-workspace').inputValue(), '10002', 'the target workspace came with the page');
        await form.locator('#bp-name').fill('typed without the host');
        assert.equal(await form.locator('#bp-name').inputValue(), 'typed without the host');
        await waitUntil('a host message dropped by the frame', async () =>
          (await form.locator('body').evaluate(() => Number(Reflect.get(window, '__dwDropped') ?? 0))) > 0);
        // The reply to the workspace list request never arrived: the list is still loading, the form usable.
        assert.equal(await form.locator('#bp-workspace').getAttribute('aria-busy'), 'true');
        // Leave no draft behind for the tests that open this workspace again.
        await form.locator('#bp-name').fill('');
      } finally {
        await wb.page.evaluate(() => Reflect.set(window, '__dwE2eMuteHost', false));
      }
    });

    it('reveals the open panel when the same form is opened again for the same target', async () => {
      await expandWorkspace(/^Workspaces/);
      await treeMenu(wb.treeItem(/^Ops Monitor/), /^Create Business Process/);
      let form = await bpForm();
      await clearRestoredDraft(form, 'bp');
      const name = unique('e2e_bp_once');
      await form.locator('#bp-name').fill(name);

      // Another workspace is another panel…
      await createFromPalette('Finance DW');
      await waitUntil('a second Create Business Process tab', async () => (await tabsTitled(BP_TITLE)) === 2);
      form = await bpForm();
      await waitUntil('the Finance DW form in front', async () => (await form.locator('#bp-workspace').inputValue()) === '10002');
      // …the same workspace again, from the palette or the tree, is the same panel, brought to the front as it was.
      await createFromPalette('Ops Monitor');
      form = await bpForm();
      await waitUntil('the Ops Monitor form in front', async () => (await form.locator('#bp-name').inputValue()) === name);
      assert.equal(await form.locator('#bp-workspace').inputValue(), '10004');
      assert.equal(await form.locator('#bp-draft-note').isVisible(), false, 'the same page, not a new one with a restored draft');
      await treeMenu(wb.treeItem(/^Ops Monitor/), /^Create Business Process/);
      assert.equal(await tabsTitled(BP_TITLE), 2, `tabs: ${(await wb.editorTabs()).join(', ')}`);
      assert.equal(await wb.page.locator('iframe.webview.ready').count(), 1, 'one webview shown');
    });

    it('keeps what was typed while the panel is hidden behind another editor', async () => {
      await createFromPalette('Ops Monitor');
      let form = await bpForm();
      await clearRestoredDraft(form, 'bp');
      const name = unique('e2e_bp_hidden');
      // Keyboard: type-ahead on the focused workspace select changes the preselected workspace. Keys typed before the
      // workspaces arrive find no option (failed so under load), so they are awaited first.
      await waitUntil('the workspaces in the select', async () => (await form.locator('#bp-workspace option[value="10001"]').count()) > 0);
      // A busy machine can space the keys past the select's type-ahead timeout, which starts the search over: retried.
      for (let attempt = 0; attempt < 3 && (await form.locator('#bp-workspace').inputValue()) !== '10001'; attempt++) {
        await form.locator('#bp-workspace').focus();
        await wb.page.keyboard.type('Sales DW');
      }
      assert.equal(await form.locator('#bp-workspace').inputValue(), '10001');
      await form.locator('#bp-apigw').fill('some-gateway-group');
      await form.locator('#bp-name').fill(name);
      await form.locator('#bp-description').fill('typed, then hidden');
      // Marks this document: a rebuilt page (no retainContextWhenHidden) does not have the mark.
      await form.locator('body').evaluate((b) => b.setAttribute('data-e2e-mark', 'before-hide'));

      await hidePanelBehindUntitled();

      await wb.page.locator('.tabs-container .tab', { hasText: BP_TITLE }).click();
      form = await wb.waitForWebview('#bp-name');
      await waitUntil('the restored name', async () => (await form.locator('#bp-name').inputValue()) === name);
      assert.equal(await form.locator('body').getAttribute('data-e2e-mark'), null, 'the page was rebuilt, not kept');
      assert.equal(await form.locator('#bp-workspace').inputValue(), '10001');
      assert.equal(await form.locator('#bp-apigw').inputValue(), 'some-gateway-group');
      assert.equal(await form.locator('#bp-description').inputValue(), 'typed, then hidden');
    });

    it('restores the draft after the panel was closed (Ctrl+W) and opened again for the same workspace', async () => {
      await expandWorkspace(/^Workspaces/);
      await treeMenu(wb.treeItem(/^Ops Monitor/), /^Create Business Process/);
      let form = await bpForm();
      await clearRestoredDraft(form, 'bp');
      const name = unique('e2e_bp_closed');
      await form.locator('#bp-apigw').fill('gateway-from-draft');
      await form.locator('#bp-name').fill(name);
      await form.locator('#bp-description').fill('typed, then closed');
      // Closed right after the last keystroke: nothing typed may be lost.
      await form.locator('#bp-description').press('Control+w');
      await waitUntil('the panel to close', async () => (await tabsTitled(BP_TITLE)) === 0);

      await treeMenu(wb.treeItem(/^Ops Monitor/), /^Create Business Process/);
      form = await bpForm();
      await form.locator('#bp-draft-note').waitFor({ state: 'visible' });
      assert.equal(await form.locator('#bp-name').inputValue(), name);
      assert.equal(await form.locator('#bp-apigw').inputValue(), 'gateway-from-draft');
      assert.equal(await form.locator('#bp-description').inputValue(), 'typed, then closed');
      assert.equal(await form.locator('#bp-workspace').inputValue(), '10004');
      await clearRestoredDraft(form, 'bp');
      assert.equal(await form.locator('#bp-name').inputValue(), '', 'Clear starts over');
    });

    it('puts a server Duplicate.GroupName on the name field and keeps every value', async () => {
      // The form checks names before sending; with that check failing, the server's answer is what lands.
      await emulatorAdmin('POST', '/__admin/faults', { serverErrorRate: 1, actions: ['ListDataServiceGroups'] });
      await createFromPalette('Finance DW');
      const form = await bpForm();
      await clearRestoredDraft(form, 'bp');
      const gid = await apiGroupId('finance_data_api');
      assert.equal(await form.locator('#bp-workspace').inputValue(), '10002');
      await form.locator('#bp-apigw').fill(gid);
      await form.locator('#bp-name').fill('finance_ledger'); // a seed process of Finance DW
      await form.locator('#bp-description').fill('a second ledger');
      await form.locator('#bp-review').click();
      await form.locator('#bp-submit').waitFor({ state: 'visible', timeout: 30_000 });
      const before = await requestCounts();
      await form.locator('#bp-submit').click();

      await form.locator('#bp-name-error').waitFor({ state: 'visible', timeout: 30_000 });
      assert.equal(await form.locator('#bp-name').getAttribute('aria-invalid'), 'true');
      assert.notEqual((await form.locator('#bp-name-error').innerText()).trim(), '');
      await form.locator('#bp-banner').waitFor({ state: 'visible' });
      assert.match(await form.locator('#bp-banner').innerText(), /Duplicate\.GroupName/);
      assert.equal(await form.locator('#bp-workspace').inputValue(), '10002');
      assert.equal(await form.locator('#bp-apigw').inputValue(), gid);
      assert.equal(await form.locator('#bp-name').inputValue(), 'finance_ledger');
      assert.equal(await form.locator('#bp-description').inputValue(), 'a second ledger');
      assert.equal(delta(before, await requestCounts(), 'CreateDataServiceGroup'), 1, 'sent once, not retried');
      assert.equal((await businessProcesses(10002, 'finance_ledger')).length, 1, 'still one finance_ledger');
    });
  });

  // --- Add / Edit User Groups -----------------------------------------------------------------------------------

  describe('Add / Edit User Groups', () => {
    it('adds a user group: owner, type and accounts from the pickers, review, emulator state', async () => {
      await wb.runCommand(commandTitle('dataworks.addUserGroup'));
      const form = await ugForm();
      await clearRestoredDraft(form, 'ug');
      assert.deepEqual(await wb.editorTabs(), [UG_ADD_TITLE]);
      const name = unique('e2e_ug');
      await form.locator('#ug-name-0').fill(name);
      // Focusing the owner box loads the tenant's users into its suggestions.
      await form.locator('#ug-owner-0').focus();
      await form.locator('#ug-owner-options option[value="alice"]').waitFor({ state: 'attached' });
      await form.locator('#ug-owner-0').fill('alice');
      await form.locator('#ug-type-0').focus();
      await form.locator('#ug-type-0').selectOption('2'); // RAM role
      // RAM roles only: the RAM users are not offered for this type.
      await waitUntil('the RAM role list', async () => (await form.locator('#ug-accounts-0-options input').count()) === 2);
      assert.deepEqual(
        (await Promise.all((await form.locator('#ug-accounts-0-options input').all()).map((b) => b.getAttribute('value')))).sort(),
        ['role:bi_readonly_role', 'role:dataworks_etl_role'],
      );
      await pickAccount(form, 'etl', 'role:dataworks_etl_role');
      await form.locator('#ug-accounts-0-options input[value="role:bi_readonly_role"]').check();
      assert.deepEqual(await chips(form), ['role:dataworks_etl_role', 'role:bi_readonly_role']);

      await form.locator('#ug-review').click();
      await form.locator('#ug-cli').waitFor({ state: 'visible' });
      const wire = JSON.stringify([{ Name: name, Owner: 'alice', Accounts: ['role:dataworks_etl_role', 'role:bi_readonly_role'], UserGroupType: 2 }]);
      assert.equal(await form.locator('#ug-review-action').innerText(), 'DsgUserGroupAddOrUpdate');
      assert.deepEqual(await reviewParams(form, 'ug'), [['UserGroups', wire]]);
      assert.equal(await form.locator('#ug-cli').innerText(), `aliyun dataworks-public DsgUserGroupAddOrUpdate --UserGroups '${wire}' --region ${REGION}`);
      assert.equal(await form.locator('#ug-diff').count(), 0, 'no before/after when adding');

      await form.locator('#ug-submit').click();
      const id = Number((await form.locator('#ug-result-id-0').innerText({ timeout: 20_000 })).trim());
      const saved = await userGroupsNamed(name);
      assert.equal(saved.length, 1);
      assert.deepEqual(saved[0], { ...saved[0], id, owner: 'alice', type: 2, accounts: ['role:dataworks_etl_role', 'role:bi_readonly_role'], projectName: '' });

      // The tree's User Groups list reloads by itself; Reveal selects the new group there.
      await wb.expand(/^User Groups/);
      const row = wb.treeItem(new RegExp(`^${name}`));
      await row.waitFor({ state: 'visible', timeout: 20_000 });
      await form.locator('#ug-reveal-0').click();
      await waitUntil('the new group selected in the tree', async () => (await row.getAttribute('aria-selected')) === 'true');
    });

    it('edits a group from the tree: before/after review, same Id, no new group', async () => {
      const name = unique('e2e_ug_edit');
      const group = await seedUserGroup(name, 'bob', ['user:bob', 'user:erin']);
      const total = (await emulatorState()).userGroups.length;
      const row = wb.treeItem(new RegExp(`^${name}`));
      await treeMenu(row, /^Edit User Group/);
      const form = await ugForm();
      await clearRestoredDraft(form, 'ug');
      assert.deepEqual(await wb.editorTabs(), [`Edit User Group: ${name}`]);
      assert.equal(await form.locator('#ug-name-0').inputValue(), name);
      assert.equal(await form.locator('#ug-owner-0').inputValue(), 'bob');
      await waitUntil('the type read from the server', async () => (await form.locator('#ug-type-0').inputValue()) === '1');
      assert.deepEqual(await chips(form), ['user:bob', 'user:erin']);

      // Editing loads the account list at once: erin is checked there; unchecking removes her.
      const erin = form.locator('#ug-accounts-0-options input[value="user:erin"]');
      await erin.waitFor({ state: 'visible' });
      assert.equal(await erin.isChecked(), true);
      await erin.uncheck();
      await pickAccount(form, 'dave', 'user:dave');
      assert.deepEqual(await chips(form), ['user:bob', 'user:dave']);

      await form.locator('#ug-review').click();
      await form.locator('#ug-diff').waitFor({ state: 'visible' });
      const accountsRow = form.locator('#ug-diff tr[data-field="accounts"] td');
      assert.deepEqual(await accountsRow.allInnerTexts(), ['user:bob, user:erin', 'user:bob, user:dave']);
      assert.deepEqual(await form.locator('#ug-diff tr[data-field="owner"] td').allInnerTexts(), ['bob', 'bob']);
      assert.match(await form.locator('#ug-diff-added').innerText(), /user:dave$/);
      assert.match(await form.locator('#ug-diff-removed').innerText(), /user:erin$/);
      const wire = JSON.stringify([{ Id: group.id, Name: name, Owner: 'bob', Accounts: ['user:bob', 'user:dave'], UserGroupType: 1 }]);
      assert.deepEqual(await reviewParams(form, 'ug'), [['UserGroups', wire]]);

      await form.locator('#ug-submit').click();
      assert.equal((await form.locator('#ug-result-id-0').innerText({ timeout: 20_000 })).trim(), String(group.id));
      const after = await emulatorState();
      assert.deepEqual(
        after.userGroups.filter((g) => g.name === name).map((g) => ({ id: g.id, accounts: g.accounts, owner: g.owner, type: g.type })),
        [{ id: group.id, accounts: ['user:bob', 'user:dave'], owner: 'bob', type: 1 }],
      );
      assert.equal(after.userGroups.length, total, 'no group was added');
    });

    // The list API does not say a group's type (SDK models: no UserGroupType, no ProjectName). Saving with another
    // type would convert the group: the form must learn type and project from the server, never guess them.
    for (const c of [
      { type: 2 as const, owner: 'alice', accounts: ['role:dataworks_etl_role'], add: ['bi_readonly', 'role:bi_readonly_role'] as const, project: undefined },
      // finance_mc is no workspace's identifier: the server's answers cannot name it, so the user is asked.
      { type: 3 as const, owner: 'carol', accounts: ['finance_reader'], add: ['finance_auditor', 'finance_auditor'] as const, project: 'finance_mc' },
    ]) {
      it(`edits a type-${c.type} group the list does not type: type from the server${c.project ? ', project asked for and confirmed' : ''}, unchanged after saving`, async () => {
        const name = unique(`e2e_ug_t${c.type}`);
        const group = await seedUserGroup(name, c.owner, c.accounts, c.type, c.project);
        await treeMenu(wb.treeItem(new RegExp(`^${name}`)), /^Edit User Group/);
        const form = await ugForm();
        await clearRestoredDraft(form, 'ug');
        await waitUntil('the type read from the server', async () => (await form.locator('#ug-type-0').inputValue()) === String(c.type), 20_000);
        assert.equal(await form.locator('#ug-type-0-kind').count(), 0, 'no "unknown type" note once the type is known');
        assert.deepEqual(await chips(form), c.accounts);
        if (c.project) {
          await form.locator('#ug-project-0-unknown').waitFor({ state: 'visible' });
          assert.equal(await form.locator('#ug-project-0').inputValue(), '', 'no project guessed');
          // A project the server does not list the group under is refused before anything is sent.
          await form.locator('#ug-project-0').fill('sales_dw');
          await form.locator('#ug-project-0').press('Tab');
          await form.locator('#ug-review').click();
          await waitUntil('the project refused', async () => /sales_dw/.test(await form.locator('#ug-project-0-error').innerText()) || undefined);
          await form.locator('#ug-project-0').fill(c.project);
          await form.locator('#ug-project-0').press('Tab');
        }

        await pickAccount(form, c.add[0], c.add[1]);
        await form.locator('#ug-review').click();
        await form.locator('#ug-diff').waitFor({ state: 'visible' });
        const typeLabel = c.type === 2 ? 'RAM role' : 'MaxCompute role';
        assert.deepEqual(await form.locator('#ug-diff tr[data-field="type"] td').allInnerTexts(), [typeLabel, typeLabel]);
        const wire = JSON.stringify([{
          Id: group.id, Name: name, Owner: c.owner, Accounts: [...c.accounts, c.add[1]], ...(c.project ? { ProjectName: c.project } : {}), UserGroupType: c.type,
        }]);
        assert.deepEqual(await reviewParams(form, 'ug'), [['UserGroups', wire]]);

        await form.locator('#ug-submit').click();
        assert.equal((await form.locator('#ug-result-id-0').innerText({ timeout: 20_000 })).trim(), String(group.id));
        const stored = (await emulatorState()).userGroups.find((g) => g.id === group.id);
        assert.deepEqual(
          stored && { type: stored.type, projectName: stored.projectName, accounts: stored.accounts },
          { type: c.type, projectName: c.project ?? '', accounts: [...c.accounts, c.add[1]] },
        );
      });
    }

    it('leaves the type unselected when the server\'s answers do not settle it, and saves nothing until the user picks it', async () => {
      const name = unique('e2e_ug_unknown');
      const group = await seedUserGroup(name, 'alice', ['role:dataworks_etl_role'], 2);
      await emulatorAdmin('POST', '/__admin/settings', { dsgKindFilters: 'ignored' });
      try {
        await treeMenu(wb.treeItem(new RegExp(`^${name}`)), /^Edit User Group/);
        const form = await ugForm();
        await clearRestoredDraft(form, 'ug');
        await waitUntil('the unknown-type note', async () => /does not report the type/.test(await form.locator('#ug-type-0-kind').innerText()) || undefined);
        assert.equal(await form.locator('#ug-type-0').inputValue(), '', 'no type selected');
        const before = (await requestCounts())['DsgUserGroupAddOrUpdate'] ?? 0;
        await form.locator('#ug-review').click();
        await waitUntil('the type error', async () => (await form.locator('#ug-type-0-error').innerText()).trim() !== '' || undefined);
        assert.equal(await form.locator('#ug-diff').count(), 0, 'no review without a type');
        await form.locator('#ug-type-0').selectOption('2');
        await form.locator('#ug-review').click();
        await form.locator('#ug-diff').waitFor({ state: 'visible' });
        assert.deepEqual(await form.locator('#ug-diff tr[data-field="type"] td').allInnerTexts(), ['?', 'RAM role']);
        assert.equal((await requestCounts())['DsgUserGroupAddOrUpdate'] ?? 0, before, 'nothing sent before Save');
        await form.locator('#ug-submit').click();
        assert.equal((await form.locator('#ug-result-id-0').innerText({ timeout: 20_000 })).trim(), String(group.id));
        assert.equal((await emulatorState()).userGroups.find((g) => g.id === group.id)?.type, 2);
      } finally {
        await emulatorAdmin('POST', '/__admin/settings', { dsgKindFilters: 'applied' });
      }
    });

    it('Edit User Group… from the palette is the panel of the tree entry; the edit and its review survive hiding', async () => {
      const name = unique('e2e_ug_pal');
      await seedUserGroup(name, 'dave', ['user:dave']);
      await paletteThenPick('dataworks.editUserGroup', /user group/i, name);
      let form = await ugForm();
      await clearRestoredDraft(form, 'ug');
      const tab = `Edit User Group: ${name}`;
      assert.deepEqual(await wb.editorTabs(), [tab]);
      assert.equal(await form.locator('#ug-name-0').inputValue(), name);
      await waitUntil('the type read from the server', async () => (await form.locator('#ug-type-0').inputValue()) === '1');
      await form.locator('#ug-owner-0').fill('alice');
      await pickAccount(form, 'alice', 'user:alice');
      await form.locator('#ug-review').click();
      await form.locator('#ug-diff').waitFor({ state: 'visible' });
      await form.locator('body').evaluate((b) => b.setAttribute('data-e2e-mark', 'before-hide'));

      await hidePanelBehindUntitled();
      // The tree's Edit on the same group brings back the same panel: its page is rebuilt, in the review step.
      await treeMenu(wb.treeItem(new RegExp(`^${name}`)), /^Edit User Group/);
      form = await wb.waitForWebview('#ug-diff');
      assert.equal(await form.locator('body').getAttribute('data-e2e-mark'), null, 'a new page');
      assert.deepEqual(await form.locator('#ug-diff tr[data-field="owner"] td').allInnerTexts(), ['dave', 'alice']);
      assert.deepEqual(await form.locator('#ug-diff tr[data-field="accounts"] td').allInnerTexts(), ['user:dave', 'user:dave, user:alice']);
      assert.equal(await tabsTitled(tab), 1, `tabs: ${(await wb.editorTabs()).join(', ')}`);
      await form.locator('#ug-back').click();
      assert.equal(await form.locator('#ug-owner-0').inputValue(), 'alice');
      assert.deepEqual(await chips(form), ['user:dave', 'user:alice']);
      await clearRestoredDraft(form, 'ug');
    });

    it('puts USERACCOUNT.OWNER.ERROR on the owner field and keeps every value', async () => {
      await wb.runCommand(commandTitle('dataworks.addUserGroup'));
      const form = await ugForm();
      await clearRestoredDraft(form, 'ug');
      const name = unique('e2e_ug_badowner');
      await form.locator('#ug-name-0').fill(name);
      await form.locator('#ug-owner-0').fill('nobody_in_this_tenant');
      await form.locator('#ug-type-0').selectOption('1');
      await pickAccount(form, 'carol', 'user:carol');
      // Enter in the name box reviews.
      await form.locator('#ug-name-0').press('Enter');
      await form.locator('#ug-submit').waitFor({ state: 'visible' });
      await form.locator('#ug-submit').click();

      await form.locator('#ug-owner-0-error').waitFor({ state: 'visible', timeout: 20_000 });
      assert.equal(await form.locator('#ug-owner-0').getAttribute('aria-invalid'), 'true');
      assert.notEqual((await form.locator('#ug-owner-0-error').innerText()).trim(), '');
      assert.equal(await form.locator('#ug-name-0').getAttribute('aria-invalid'), null, 'only the owner is marked');
      await form.locator('#ug-banner').waitFor({ state: 'visible' });
      assert.match(await form.locator('#ug-banner').innerText(), /USERACCOUNT\.OWNER\.ERROR/);
      // Our explanation, and beneath it, on a line of its own, what DataWorks (the emulator) said.
      const ours = 'The owner or one of the accounts does not exist.';
      const said = 'DataWorks said: User list or owner user does not exist.';
      const bannerFirst = await form.locator('#ug-banner > p').first().innerText();
      assert.ok(bannerFirst.startsWith(ours), bannerFirst);
      assert.equal((await form.locator('#ug-banner > p.server-message').innerText()).trim(), said);
      const fieldText = await form.locator('#ug-owner-0-error').innerText();
      assert.ok(fieldText.includes(ours), fieldText);
      assert.equal((await form.locator('#ug-owner-0-error .server-message').innerText()).trim(), said);
      assert.equal(await form.locator('#ug-name-0').inputValue(), name);
      assert.equal(await form.locator('#ug-owner-0').inputValue(), 'nobody_in_this_tenant');
      assert.equal(await form.locator('#ug-type-0').inputValue(), '1');
      assert.deepEqual(await chips(form), ['user:carol']);
      assert.deepEqual(await userGroupsNamed(name), [], 'nothing was saved');

      // The form is still usable: correcting the owner and sending again saves the group with the kept values.
      await form.locator('#ug-owner-0').fill('carol');
      await form.locator('#ug-review').click();
      await form.locator('#ug-submit').waitFor({ state: 'visible' });
      await form.locator('#ug-submit').click();
      const id = Number((await form.locator('#ug-result-id-0').innerText({ timeout: 20_000 })).trim());
      assert.deepEqual(
        (await userGroupsNamed(name)).map((g) => ({ id: g.id, owner: g.owner, type: g.type, accounts: g.accounts })),
        [{ id, owner: 'carol', type: 1, accounts: ['user:carol'] }],
      );
    });

    it('restores the draft after the tab was closed and the form opened again', async () => {
      await wb.runCommand(commandTitle('dataworks.addUserGroup'));
      let form = await ugForm();
      await clearRestoredDraft(form, 'ug');
      const name = unique('e2e_ug_draft');
      await form.locator('#ug-name-0').fill(name);
      await form.locator('#ug-owner-0').fill('erin');
      await pickAccount(form, 'frank', 'user:frank');

      // Closed right away with the tab's close button: nothing typed may be lost.
      const tab = wb.page.locator('.tabs-container .tab', { hasText: UG_ADD_TITLE });
      await tab.hover();
      await tab.locator('.tab-actions .action-label').click();
      await waitUntil('the panel to close', async () => (await tabsTitled(UG_ADD_TITLE)) === 0);

      await wb.runCommand(commandTitle('dataworks.addUserGroup'));
      form = await ugForm();
      await form.locator('#ug-draft-note').waitFor({ state: 'visible' });
      assert.equal(await form.locator('#ug-name-0').inputValue(), name);
      assert.equal(await form.locator('#ug-owner-0').inputValue(), 'erin');
      assert.deepEqual(await chips(form), ['user:frank']);
      // Opening the same form again does not add a tab.
      await wb.runCommand(commandTitle('dataworks.addUserGroup'));
      assert.equal(await tabsTitled(UG_ADD_TITLE), 1);
      await clearRestoredDraft(form, 'ug');
    });
  });

  // Mocha runs a suite's own tests before its nested suites: this one is nested so that it runs last.
  describe('Content Security Policy', () => {
    it('logged no Content Security Policy violation in any form (and would have seen one); pages load nothing', async () => {
      assert.deepEqual(cspMessages, [], `CSP violations:\n${cspMessages.join('\n')}`);
      // The probe: an inline script without the nonce must be refused, and the refusal must reach the collector.
      await wb.runCommand(commandTitle('dataworks.addUserGroup'));
      const form = await ugForm();
      // The page carries its script and stylesheet under its nonce and fetches nothing.
      assert.equal(await form.locator('script[src], link[rel="stylesheet"]').count(), 0);
      assert.equal(await form.locator('script[nonce]:not([type]), style[nonce]').count(), 2);
      assert.deepEqual(await form.locator('body').evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)), []);
      await form.locator('body').evaluate((b) => {
        const s = document.createElement('script');
        s.textContent = 'document.body.setAttribute("data-e2e-inline", "ran")';
        b.append(s);
      });
      await waitUntil('the probe violation to be logged', () => Promise.resolve(cspMessages.length > 0), 10_000);
      assert.equal(await form.locator('body').getAttribute('data-e2e-inline'), null, 'the inline script did not run');
    });
  });
});

// @entry  Add/Update User Groups form (webview side).
import * as z from 'zod/mini';
import {
  ugInitSchema, ugRestoreSchema, ugToWebviewSchema, type TenantUserItem, type UgInit, type UgResult, type UgToHost, type UgToWebview,
} from '../../src/shared/protocol';
import { LIMITS, checkUserGroups, emptyUserGroupRow, lazy, rawUserGroupsSchema, type RawUserGroups } from '../../src/shared/schemas';
import {
  button, byId, channel, clearAllFieldErrors, el, field, formPage, readInit, renderBanner, sequence, setFieldError,
  setText, t,
} from './formKit';

type Init = UgInit;
type Review = Extract<UgToWebview, { type: 'review' }>;
type RowField = 'name' | 'owner' | 'type' | 'projectName' | 'accounts';

// `restore` goes back to the host if VS Code restores the panel after a window reload. Built on first use: a new
// document has no saved state, and its form should not wait for a schema it does not need.
const stateSchema = lazy(() => z.strictObject({ values: rawUserGroupsSchema, view: z.enum(['edit', 'review']), restore: z.optional(ugRestoreSchema) }));
type State = z.infer<typeof stateSchema>;

const ch = channel<UgToHost, typeof ugToWebviewSchema, State>(ugToWebviewSchema, stateSchema);
const nextSeq = sequence();

/** Control id of an input of row i. Stable ids are part of the contract with the UI tests. */
const CONTROL: Readonly<Record<RowField, string>> = { name: 'ug-name', owner: 'ug-owner', type: 'ug-type', projectName: 'ug-project', accounts: 'ug-accounts' };
const controlId = (f: RowField, i: number) => `${CONTROL[f]}-${i}`;
const MAX_SHOWN_OPTIONS = 200;

let init: Init | undefined;
let values: RawUserGroups = { rows: [emptyUserGroupRow()] };
const touched = new Set<string>();

let tenantUsers: TenantUserItem[] | undefined;
let tenantUsersState: { state: 'idle' | 'loading' | 'failed'; message?: string; seq: number } = { state: 'idle', seq: -1 };
const roles = new Map<string, string[]>();
const rolesState = new Map<string, { state: 'loading' | 'failed'; message?: string; seq: number }>();
const nameChecks = new Map<number, number>();
/** Edit mode: whether the host is still asking the server for the group's type, settled it, or could not. */
let kindState: Init['kind'] = 'known';
/** Edit mode: false while the group is a MaxCompute-role group whose project the server's answers did not name. */
let projectKnown = true;

const app = (): HTMLElement => byId('app') ?? document.body;
const page = formPage<RawUserGroups, State['restore']>({
  prefix: 'ug',
  channel: ch,
  values: () => values,
  restore: () => init?.restore,
  submitLabel: 'ug.save',
  buttons: ['ug-submit', 'ug-back', 'ug-review', 'ug-add-row'],
  disabled: (id) => id === 'ug-add-row' && values.rows.length >= LIMITS.groupsPerRequest,
  controlFor: controlForPath,
});

ch.onMessage((msg) => {
  switch (msg.type) {
    case 'tenantUsers':
      if (msg.seq !== tenantUsersState.seq) return;
      tenantUsers = msg.items;
      tenantUsersState = { state: 'idle', seq: -1 };
      fillOwners();
      values.rows.forEach((_, i) => renderOptions(i));
      return;
    case 'maxComputeRoles': {
      if (rolesState.get(msg.projectName)?.seq !== msg.seq) return;
      rolesState.delete(msg.projectName);
      roles.set(msg.projectName, msg.roles);
      values.rows.forEach((r, i) => { if (r.projectName.trim() === msg.projectName) renderOptions(i); });
      return;
    }
    case 'lookupFailed':
      return lookupFailed(msg);
    case 'nameCheck': {
      const row = values.rows[msg.row];
      if (nameChecks.get(msg.row) !== msg.seq || !row || row.name !== msg.name) return;
      nameChecks.delete(msg.row);
      setText(`${controlId('name', msg.row)}-status`, '');
      if (msg.existingId === undefined) taken.delete(msg.row);
      else taken.set(msg.row, { name: msg.name, id: msg.existingId });
      validateTouched();
      return;
    }
    case 'fieldErrors':
      return page.showErrors(msg.errors, msg.banner);
    case 'review':
      return page.showReview(msg.request, msg.cli, msg.diff ? diffTable(msg.diff) : null);
    case 'submitting':
      return page.setStep('submitting');
    case 'result':
      return showResult(msg.result);
    case 'groupKind':
      return groupKind(msg);
  }
});

type GroupKindMessage = Extract<UgToWebview, { type: 'groupKind' }>;
let settled: GroupKindMessage | undefined;

/** Fills in what the server's answers settled, unless the user has already chosen; never picks a type itself. */
function applyKind(row: RawUserGroups['rows'][number] | undefined, kind: GroupKindMessage | undefined): boolean {
  if (!row || !kind || init?.mode !== 'edit') return false;
  let filled = false;
  if (row.type === '' && kind.groupType !== undefined) {
    row.type = String(kind.groupType);
    filled = true;
  }
  if (row.type === '3' && kind.groupType === 3 && kind.projectName && row.projectName.trim() === '') {
    row.projectName = kind.projectName;
    filled = true;
  }
  return filled;
}

function groupKind(msg: GroupKindMessage): void {
  kindState = msg.state;
  projectKnown = !(msg.groupType === 3 && !msg.projectName);
  settled = msg;
  if (init?.mode !== 'edit') return;
  if (applyKind(values.rows[0], msg)) changed();
  byId('ug-row-0')?.replaceWith(rowElement(0));
  renderOptions(0);
  ensureLookups(0);
  validateTouched();
}
// Ready first: the replies to what start() asks for are then not held back by the host.
ch.post({ type: 'ready' });
const embedded = readInit(ugInitSchema);
if (embedded) start(embedded);

function start(msg: Init): void {
  init = msg;
  kindState = msg.kind;
  const first = msg.prefill.rows[0];
  projectKnown = !(msg.mode === 'edit' && msg.kind === 'known' && first?.type === '3' && first.projectName === '');
  page.start(msg, {
    use: (v) => {
      values = v;
      if (msg.mode === 'edit') values.rows = values.rows.slice(0, 1);
    },
    render: renderPage,
    // Editing shows the group's accounts against the list right away; adding waits until the user needs the list.
    load: () => {
      if (msg.mode === 'edit') ensureLookups(0);
    },
    showResult,
    startOver,
  });
}

function renderPage(): void {
  const form = el(
    'form',
    { id: 'ug-form', attrs: { novalidate: true } },
    el('fieldset', { id: 'ug-fields', className: 'fields' }, el('div', { id: 'ug-rows' })),
    el('datalist', { id: 'ug-owner-options' }),
    init?.mode === 'add'
      ? el('div', { className: 'actions' }, button('ug-add-row', t('ug.addRow'), () => addRow()), el('span', { id: 'ug-row-limit', className: 'hint', text: t('ug.rowLimit') }))
      : null,
    el('div', { className: 'actions' }, button('ug-review', t('common.review'), () => review(), 'primary')),
  );
  app().replaceChildren(
    el('h1', { text: init?.mode === 'edit' ? t('ug.titleEdit') : t('ug.titleAdd') }),
    el('p', { className: 'intro', text: t('ug.intro', init?.region ?? '') }),
    el('div', { id: 'ug-draft-note', attrs: { hidden: true } }),
    el('div', { id: 'ug-banner', attrs: { hidden: true, tabindex: '-1' } }),
    el('section', { id: 'ug-edit' }, form),
    el('section', { id: 'ug-review-section', attrs: { hidden: true, tabindex: '-1' } }),
    el('section', { id: 'ug-result', attrs: { hidden: true, tabindex: '-1' } }),
  );
  app().setAttribute('aria-busy', 'false');
  renderRows();
  fillOwners();

  // The webview sandbox blocks form submission (enableForms is off), so Enter in a text box is handled here.
  form.addEventListener('submit', (ev) => ev.preventDefault());
  form.addEventListener('keydown', (ev) => {
    // Not in the owner box: there Enter picks a suggestion of its list.
    if (ev.key === 'Enter' && ev.target instanceof HTMLInputElement && ev.target.type === 'text' && !ev.target.hasAttribute('list') && !ev.isComposing) {
      ev.preventDefault();
      review();
    }
  });
  const rows = byId('ug-rows');
  rows?.addEventListener('input', (ev) => onInput(ev.target));
  rows?.addEventListener('change', (ev) => onChange(ev.target));
  rows?.addEventListener('keydown', (ev) => {
    // Enter in the account search picks the only match instead of submitting the form.
    const rt = rowTarget(ev.target);
    if (ev.key !== 'Enter' || rt?.field !== 'accounts') return;
    ev.preventDefault();
    const boxes = byId(`ug-accounts-${rt.row}-options`)?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? [];
    const only = boxes.length === 1 ? boxes[0] : undefined;
    if (only && !only.checked) only.click();
  });
  rows?.addEventListener('focusin', (ev) => {
    const id = ev.target instanceof HTMLElement ? ev.target.id : '';
    const m = /^ug-(owner|accounts|paste)-(\d+)$/.exec(id);
    if (m) ensureLookups(Number(m[2]));
  });
  rows?.addEventListener('focusout', (ev) => {
    const target = rowTarget(ev.target);
    if (!target || target.field === 'accounts') return;
    touched.add(`groups.${target.row}.${target.field}`);
    validateTouched();
    if (target.field === 'name') checkName(target.row);
  });
}

/** Which row input an element is, from its id. */
function rowTarget(t: EventTarget | null): { field: RowField; row: number } | undefined {
  if (!(t instanceof HTMLElement)) return undefined;
  const m = /^ug-(name|owner|type|project|accounts)-(\d+)$/.exec(t.id);
  if (!m) return undefined;
  const f = m[1] === 'project' ? 'projectName' : (m[1] as RowField);
  return { field: f, row: Number(m[2]) };
}

function onInput(target: EventTarget | null): void {
  const rt = rowTarget(target);
  const row = rt ? values.rows[rt.row] : undefined;
  if (!rt || !row || !(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
  if (rt.field === 'accounts') {
    renderOptions(rt.row);
    return;
  }
  if (rt.field === 'type') return;
  row[rt.field] = target.value;
  changed();
}

function onChange(target: EventTarget | null): void {
  const rt = rowTarget(target);
  const row = rt ? values.rows[rt.row] : undefined;
  if (!rt || !row || !(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
  if (rt.field === 'type') {
    row.type = target.value;
    changed();
    replaceRow(rt.row, controlId('type', rt.row));
    if (row.type === '3' && row.projectName.trim()) requestRoles(row.projectName.trim(), false);
  } else if (rt.field === 'projectName') {
    row.projectName = target.value;
    changed();
    if (/^[A-Za-z][A-Za-z0-9_]*$/.test(row.projectName.trim())) requestRoles(row.projectName.trim(), false);
    renderOptions(rt.row);
  }
}

function renderRows(): void {
  const host = byId('ug-rows');
  if (!host) return;
  host.replaceChildren(...values.rows.map((_, i) => rowElement(i)));
  values.rows.forEach((_, i) => renderOptions(i));
  const add = byId<HTMLButtonElement>('ug-add-row');
  if (add) add.disabled = values.rows.length >= LIMITS.groupsPerRequest;
}

/** Rebuilds one row (after a type change) and puts focus back where it was. */
function replaceRow(i: number, focusId: string): void {
  byId(`ug-row-${i}`)?.replaceWith(rowElement(i));
  renderOptions(i);
  validateTouched();
  byId(focusId)?.focus();
}

function rowElement(i: number): HTMLElement {
  const row = values.rows[i] ?? emptyUserGroupRow();
  const name = el('input', { attrs: { type: 'text', autocomplete: 'off' } });
  name.value = row.name;
  const owner = el('input', { attrs: { type: 'text', autocomplete: 'off', list: 'ug-owner-options' } });
  owner.value = row.owner;
  const type = el('select', {},
    // An edited group whose type is not known yet has none selected: the form never picks one for the user.
    row.type === '' ? el('option', { text: t('ug.typeSelect'), attrs: { value: '', disabled: true } }) : null,
    el('option', { text: t('ug.type1'), attrs: { value: '1' } }),
    el('option', { text: t('ug.type2'), attrs: { value: '2' } }),
    el('option', { text: t('ug.type3'), attrs: { value: '3' } }));
  type.value = row.type;
  const project = el('input', { attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false' } });
  project.value = row.projectName;
  const search = el('input', { attrs: { type: 'search', autocomplete: 'off', 'aria-controls': `ug-accounts-${i}-options` } });
  const paste = el('textarea', { attrs: { rows: '3' } });
  const isType3 = row.type === '3';

  const projectField = field(controlId('projectName', i), t('ug.project'), project, t('ug.projectHint'), el('div', { className: 'picker-status' },
    el('span', { id: `ug-project-${i}-status`, className: 'status', attrs: { 'aria-live': 'polite' } }),
    button(`ug-load-roles-${i}`, t('ug.loadRoles'), () => {
      const p = values.rows[i]?.projectName.trim() ?? '';
      if (p) requestRoles(p, true);
    })));
  projectField.hidden = !isType3;
  if (isType3 && init?.mode === 'edit' && i === 0 && !projectKnown) {
    projectField.append(el('p', { id: `ug-project-${i}-unknown`, className: 'status', text: t('ug.projectUnknown') }));
  }

  const accounts = field(controlId('accounts', i), t('ug.accounts'), search, t('ug.accountsHint'), el('div', {},
    el('div', { id: `ug-accounts-${i}-options`, className: 'options', attrs: { role: 'group', 'aria-label': t('ug.accounts') } }),
    el('div', { className: 'picker-status' },
      el('span', { id: `ug-accounts-${i}-status`, className: 'status', attrs: { 'aria-live': 'polite' } }),
      button(`ug-accounts-${i}-reload`, t('common.reload'), () => reloadCandidates(i))),
    el('p', { id: `ug-accounts-${i}-count`, className: 'status', attrs: { 'aria-live': 'polite' } }),
    el('ul', { id: `ug-accounts-${i}-selected`, className: 'chips', attrs: { 'aria-label': t('ug.accounts') } }),
    el('p', { id: `ug-accounts-${i}-warning`, className: 'status', attrs: { hidden: true } })));

  const pasteField = field(`ug-paste-${i}`, t('ug.paste'), paste, t('ug.pasteHint'), el('div', { className: 'picker-status' },
    button(`ug-paste-add-${i}`, t('ug.pasteAdd'), () => addPasted(i)),
    el('span', { id: `ug-paste-${i}-status`, className: 'status', attrs: { 'aria-live': 'polite' } })));

  const kindText = init?.mode !== 'edit' || i !== 0 ? '' : kindState === 'resolving' ? t('ug.typeResolving') : kindState === 'unknown' ? t('ug.typeUnknown') : '';
  const typeWarning = kindText ? el('p', { id: `ug-type-${i}-kind`, className: 'status', text: kindText, attrs: { 'aria-live': 'polite' } }) : null;

  return el(
    'fieldset',
    { id: `ug-row-${i}`, className: 'group-row' },
    el('legend', { text: t('ug.group', i + 1) }),
    field(controlId('name', i), t('ug.name'), name, t('ug.nameHint'), el('div', { id: `ug-name-${i}-status`, className: 'status', attrs: { 'aria-live': 'polite' } })),
    field(controlId('owner', i), t('ug.owner'), owner, t('ug.ownerHint')),
    field(controlId('type', i), t('ug.type'), type, undefined, typeWarning),
    projectField,
    accounts,
    pasteField,
    init?.mode === 'add' && values.rows.length > 1
      ? el('div', { className: 'actions' }, button(`ug-remove-row-${i}`, t('ug.removeRow'), () => removeRow(i)))
      : null,
  );
}

interface Candidate { value: string; label: string; names: string[] }

/** The accounts that can be picked for row i, or the reason there are none yet. */
function candidates(i: number): { list?: Candidate[]; status: string; failed: boolean } {
  const row = values.rows[i];
  if (!row) return { status: '', failed: false };
  if (row.type === '3') {
    const p = row.projectName.trim();
    if (!p) return { status: t('ug.rolesFirst'), failed: false };
    const list = roles.get(p);
    if (list) return { list: list.map((r) => ({ value: r, label: r, names: [r] })), status: '', failed: false };
    const st = rolesState.get(p);
    if (st?.state === 'failed') return { status: `${t('common.loadFailed')} ${st.message ?? ''} ${t('common.manualEntry')}`, failed: true };
    return { status: st ? t('common.loading') : t('ug.rolesFirst'), failed: false };
  }
  if (!tenantUsers) {
    if (tenantUsersState.state === 'failed') return { status: `${t('common.loadFailed')} ${tenantUsersState.message ?? ''} ${t('common.manualEntry')}`, failed: true };
    return { status: tenantUsersState.state === 'loading' ? t('common.loading') : '', failed: false };
  }
  const wantRam = row.type === '2';
  return {
    list: tenantUsers
      .filter((u) => (wantRam ? u.accountType === 6 : u.accountType !== 6))
      .map((u) => ({ value: u.yunAccount, label: `${u.accountName} (${u.yunAccount})`, names: [u.yunAccount, u.accountName] })),
    status: '',
    failed: false,
  };
}

function renderOptions(i: number): void {
  const host = byId(`ug-accounts-${i}-options`);
  const row = values.rows[i];
  if (!host || !row) return;
  const c = candidates(i);
  const query = (byId<HTMLInputElement>(controlId('accounts', i))?.value ?? '').trim().toLowerCase();
  const selected = new Set(row.accounts);
  const matches = (c.list ?? []).filter((x) => !query || x.label.toLowerCase().includes(query));
  host.replaceChildren(...matches.slice(0, MAX_SHOWN_OPTIONS).map((x, k) => {
    const box = el('input', { id: `ug-acc-${i}-${k}`, attrs: { type: 'checkbox', value: x.value } });
    box.checked = selected.has(x.value);
    box.addEventListener('change', () => toggleAccount(i, x.value, box.checked));
    return el('label', { className: 'option', attrs: { for: box.id } }, box, el('span', { text: x.label }));
  }));
  host.hidden = !c.list;
  const more = matches.length > MAX_SHOWN_OPTIONS ? t('ug.moreMatches', matches.length - MAX_SHOWN_OPTIONS) : '';
  setText(`ug-accounts-${i}-status`, c.list ? (matches.length ? more : t('common.noMatches')) : c.status);
  renderChips(i);
}

function renderChips(i: number): void {
  const row = values.rows[i];
  const list = byId(`ug-accounts-${i}-selected`);
  if (!row || !list) return;
  list.replaceChildren(...row.accounts.map((a, k) =>
    el('li', {}, el('span', { text: a }),
      el('button', { id: `ug-acc-remove-${i}-${k}`, className: 'btn btn-link', text: '\u00D7', attrs: { type: 'button', 'aria-label': t('ug.remove', a), title: t('ug.remove', a) } }))));
  list.querySelectorAll('button').forEach((b, k) => b.addEventListener('click', () => removeAccount(i, k)));
  setText(`ug-accounts-${i}-count`, row.accounts.length ? t('ug.selected', row.accounts.length) : t('ug.noneSelected'));
  const known = candidates(i).list;
  const warning = byId(`ug-accounts-${i}-warning`);
  if (warning) {
    const values_ = new Set((known ?? []).map((x) => x.value));
    const unknown = known ? row.accounts.filter((a) => !values_.has(a)) : [];
    warning.textContent = unknown.length ? t('ug.notInList', unknown.join(', ')) : '';
    warning.hidden = unknown.length === 0;
  }
}

function toggleAccount(i: number, account: string, on: boolean): void {
  const row = values.rows[i];
  if (!row) return;
  row.accounts = on ? (row.accounts.includes(account) ? row.accounts : [...row.accounts, account]) : row.accounts.filter((a) => a !== account);
  changed();
  renderChips(i);
  touched.add(`groups.${i}.accounts`);
  validateTouched();
}

function removeAccount(i: number, k: number): void {
  const row = values.rows[i];
  const account = row?.accounts[k];
  if (!row || account === undefined) return;
  row.accounts = row.accounts.filter((_, j) => j !== k);
  changed();
  renderOptions(i);
  // Keep the keyboard user in the list: the next chip, else the search box.
  (byId(`ug-acc-remove-${i}-${Math.min(k, row.accounts.length - 1)}`) ?? byId(controlId('accounts', i)))?.focus();
}

/** Pasted lists: split on commas and line breaks, matched against the picker data by value or account name. */
function addPasted(i: number): void {
  const row = values.rows[i];
  const box = byId<HTMLTextAreaElement>(`ug-paste-${i}`);
  if (!row || !box) return;
  const entries = [...new Set(box.value.split(/[\n\r,;，；]+/).map((s) => s.trim()).filter((s) => s !== ''))];
  if (!entries.length) return;
  const c = candidates(i);
  const added: string[] = [];
  const unknown: string[] = [];
  for (const entry of entries) {
    const hit = c.list ? c.list.find((x) => x.names.includes(entry))?.value : entry;
    if (hit === undefined) unknown.push(entry);
    else if (!row.accounts.includes(hit)) added.push(hit);
  }
  row.accounts = [...row.accounts, ...added];
  box.value = unknown.join('\n');
  const parts = [added.length ? t('ug.pasteAdded', added.join(', ')) : '', unknown.length ? t('ug.pasteUnknown', unknown.join(', ')) : ''];
  if (!c.list && added.length) parts.push(t('ug.pasteUnchecked'));
  setText(`ug-paste-${i}-status`, parts.filter(Boolean).join(' '));
  setFieldError(`ug-paste-${i}`, unknown.length ? t('ug.pasteUnknown', unknown.join(', ')) : undefined);
  changed();
  renderOptions(i);
  touched.add(`groups.${i}.accounts`);
  validateTouched();
}

function ensureLookups(i: number): void {
  if (!tenantUsers && tenantUsersState.state === 'idle') requestTenantUsers(false);
  const row = values.rows[i];
  const p = row?.projectName.trim() ?? '';
  if (row?.type === '3' && p && !roles.has(p) && !rolesState.has(p)) requestRoles(p, false);
}

function reloadCandidates(i: number): void {
  const row = values.rows[i];
  if (row?.type === '3') {
    if (row.projectName.trim()) requestRoles(row.projectName.trim(), true);
  } else {
    requestTenantUsers(true);
  }
}

function requestTenantUsers(refresh: boolean): void {
  tenantUsersState = { state: 'loading', seq: nextSeq() };
  values.rows.forEach((_, i) => renderOptions(i));
  ch.post({ type: 'loadTenantUsers', seq: tenantUsersState.seq, refresh });
}

function requestRoles(projectName: string, refresh: boolean): void {
  const seq = nextSeq();
  rolesState.set(projectName, { state: 'loading', seq });
  if (refresh) roles.delete(projectName);
  values.rows.forEach((r, i) => { if (r.projectName.trim() === projectName) renderOptions(i); });
  ch.post({ type: 'loadMaxComputeRoles', seq, projectName, refresh });
}

function lookupFailed(msg: Extract<UgToWebview, { type: 'lookupFailed' }>): void {
  if (msg.lookup === 'tenantUsers' && msg.seq === tenantUsersState.seq) {
    tenantUsersState = { state: 'failed', message: msg.message, seq: -1 };
    values.rows.forEach((_, i) => renderOptions(i));
  } else if (msg.lookup === 'maxComputeRoles') {
    for (const [p, st] of rolesState) {
      if (st.seq === msg.seq) rolesState.set(p, { state: 'failed', message: msg.message, seq: -1 });
    }
    values.rows.forEach((_, i) => renderOptions(i));
  } else if (msg.lookup === 'nameCheck') {
    for (const [row, seq] of nameChecks) {
      if (seq === msg.seq) {
        nameChecks.delete(row);
        setText(`${controlId('name', row)}-status`, '');
      }
    }
  }
}

function fillOwners(): void {
  const list = byId('ug-owner-options');
  if (!list || !tenantUsers) return;
  list.replaceChildren(...tenantUsers.filter((u) => u.accountType !== 6).slice(0, 2000)
    .map((u) => el('option', { attrs: { value: u.accountName, label: u.yunAccount } })));
}

function changed(): void {
  page.changed();
}

function addRow(): void {
  if (values.rows.length >= LIMITS.groupsPerRequest) return;
  values.rows.push(emptyUserGroupRow());
  changed();
  renderRows();
  byId(controlId('name', values.rows.length - 1))?.focus();
}

function removeRow(i: number): void {
  if (values.rows.length <= 1) return;
  values.rows.splice(i, 1);
  touched.clear();
  taken.clear();
  changed();
  renderRows();
  byId(controlId('name', Math.min(i, values.rows.length - 1)))?.focus();
}

/** Error path → control id: `groups.2.accounts.5` lands on the accounts search box of row 2. */
function controlForPath(path: string): string | undefined {
  const m = /^groups\.(\d+)\.(name|owner|type|projectName|accounts)(\.\d+)?$/.exec(path);
  return m ? controlId(m[2] as RowField, Number(m[1])) : undefined;
}

function validateTouched(): void {
  const checked = checkUserGroups(values);
  const errors = checked.ok ? [] : checked.errors;
  for (const path of touched) {
    const id = controlForPath(path);
    if (!id) continue;
    const e = errors.find((x) => x.path === path || x.path.startsWith(`${path}.`));
    setFieldError(id, e ? t(`err.${e.code}`) : takenText(path));
  }
}

/** Names the server reported as taken, per row: the verdict stays while the name is unchanged. */
const taken = new Map<number, { name: string; id: number }>();

function takenText(path: string): string | undefined {
  const m = /^groups\.(\d+)\.name$/.exec(path);
  if (!m) return undefined;
  const i = Number(m[1]);
  const hit = taken.get(i);
  return hit && values.rows[i]?.name === hit.name ? t('ug.nameTakenBy', hit.id) : undefined;
}

function checkName(i: number): void {
  const row = values.rows[i];
  if (!row || !row.name.trim()) return;
  const seq = nextSeq();
  nameChecks.set(i, seq);
  setText(`${controlId('name', i)}-status`, t('common.checking'));
  ch.post({ type: 'checkName', seq, row: i, name: row.name });
}

function review(): void {
  values.rows.forEach((_, i) => (['name', 'owner', 'type', 'projectName', 'accounts'] as const).forEach((f) => touched.add(`groups.${i}.${f}`)));
  clearAllFieldErrors(app());
  renderBanner(byId('ug-banner') ?? app(), undefined);
  const checked = checkUserGroups(values);
  if (!checked.ok) {
    page.showErrors(checked.errors);
    return;
  }
  ch.post({ type: 'review', values });
}

function diffTable(diff: NonNullable<Review['diff']>): HTMLElement {
  const label: Record<RowField, string> = { name: t('ug.name'), owner: t('ug.owner'), type: t('ug.type'), projectName: t('ug.project'), accounts: t('ug.accounts') };
  return el('section', { id: 'ug-diff', attrs: { 'aria-labelledby': 'ug-diff-title' } },
    el('h2', { id: 'ug-diff-title', text: t('ug.changes') }),
    el('table', { className: 'params diff' },
      el('thead', {}, el('tr', {}, ...[t('ug.field'), t('ug.before'), t('ug.after')].map((h) => el('th', { text: h, attrs: { scope: 'col' } })))),
      el('tbody', {}, ...diff.rows.map((r) => {
        const changedCls = r.before !== r.after ? 'changed' : '';
        return el('tr', { attrs: { 'data-field': r.field } }, el('th', { text: label[r.field], attrs: { scope: 'row' } }),
          el('td', { text: r.before }), el('td', { className: changedCls, text: r.after }));
      }))),
    diff.added.length ? el('p', { id: 'ug-diff-added', className: 'added', text: `${t('ug.added')}: ${diff.added.join(', ')}` }) : null,
    diff.removed.length ? el('p', { id: 'ug-diff-removed', className: 'removed', text: `${t('ug.removed')}: ${diff.removed.join(', ')}` }) : null);
}

function showResult(result: UgResult): void {
  if (result.outcome === 'error') {
    clearAllFieldErrors(app());
    page.showErrors(result.errors, result.banner);
    return;
  }
  const section = byId('ug-result');
  if (!section) return;
  values = structuredClone(init?.prefill ?? values);
  page.save('edit');
  section.replaceChildren(
    el('h2', { id: 'ug-result-title', text: t('ug.successTitle') }),
    el('table', { id: 'ug-result-groups', className: 'params' },
      el('thead', {}, el('tr', {}, el('th', { text: t('ug.name'), attrs: { scope: 'col' } }), el('th', { text: t('ug.savedId'), attrs: { scope: 'col' } }), el('th', {}))),
      el('tbody', {}, ...result.groups.map((g, k) => el('tr', {},
        el('td', { text: g.name }),
        el('td', {}, g.id === undefined ? el('span', { className: 'status', text: t('ug.idUnknown') }) : el('code', { id: `ug-result-id-${k}`, text: String(g.id) })),
        el('td', {}, el('div', { className: 'actions compact' },
          g.id === undefined ? null : button(`ug-copy-id-${k}`, t('common.copyId'), () => ch.post({ type: 'copyId', index: k })),
          button(`ug-reveal-${k}`, t('common.reveal'), () => ch.post({ type: 'revealInTree', index: k })))))))),
    el('p', { className: 'banner-meta' }, el('span', { className: 'request-id', text: `${t('common.requestId')}: ${result.requestId}` })),
    ...(init?.mode === 'add' ? [el('div', { className: 'actions' }, button('ug-again', t('ug.addRow'), () => startOver()))] : []),
  );
  page.setStep('result');
  section.focus();
}

function startOver(): void {
  ch.post({ type: 'reset' });
  values = structuredClone(init?.prefill ?? { rows: [emptyUserGroupRow()] });
  applyKind(values.rows[0], settled);
  touched.clear();
  taken.clear();
  renderPage();
  page.changed();
  page.setStep('edit');
  byId(controlId('name', 0))?.focus();
}

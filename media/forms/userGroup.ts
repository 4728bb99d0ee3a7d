// @entry  Add/Update User Groups form (webview side).
import * as z from 'zod/mini';
import {
  ugInitSchema, ugRestoreSchema, ugToWebviewSchema, type UgInit, type UgResult, type UgToHost, type UgToWebview,
} from '../../src/shared/protocol';
import { LIMITS, checkUserGroups, emptyUserGroupRow, lazy, rawUserGroupsSchema, type RawUserGroups } from '../../src/shared/schemas';
import {
  button, byId, channel, clearAllFieldErrors, el, field, formPage, readInit, renderBanner, sequence, setFieldError,
  setText, t,
} from './formKit';
import { ROW_FIELDS, ugControlForPath, ugControlId as controlId, ugNameRow, ugPath, ugRowTarget, type RowField } from './paths';
import {
  accountsNotInList, applyKind, askRoles, askTenantUsers, candidatesFor, emptyLookups, kindNamesProject, lookupFailed, ownerOptions,
  parsePasted, rolesUnasked, searchCandidates, takeRoles, takeTenantUsers, tenantUsersUnasked, toggled, type Candidate, type Candidates, type GroupKind, type Lookups,
} from './userGroupLogic';

type Init = UgInit;
type Review = Extract<UgToWebview, { type: 'review' }>;

// `restore` goes back to the host if VS Code restores the panel after a window reload. Built on first use: a new
// document has no saved state, and its form should not wait for a schema it does not need.
const stateSchema = lazy(() => z.strictObject({ values: rawUserGroupsSchema, view: z.enum(['edit', 'review']), restore: z.optional(ugRestoreSchema) }));
type State = z.infer<typeof stateSchema>;

const ch = channel<UgToHost, typeof ugToWebviewSchema, State>(ugToWebviewSchema, stateSchema);
const nextSeq = sequence();

/**
 * Everything the page knows, in one object that lives as long as the document: a new document (the panel was hidden
 * and shown again) starts from the init data and the saved webview state, not from this.
 */
interface Model {
  init: Init | undefined;
  values: RawUserGroups;
  /** Field paths the user has left: their errors show before review. */
  readonly touched: Set<string>;
  readonly lookups: Lookups;
  /** Row → seq of its pending name check. */
  readonly nameChecks: Map<number, number>;
  /** Names the server reported as taken, per row: the verdict stays while the name is unchanged. */
  readonly taken: Map<number, { name: string; id: number }>;
  /** Edit mode: whether the host is still asking the server for the group's type, settled it, or could not. */
  kindState: Init['kind'];
  /** Edit mode: false while the group is a MaxCompute-role group whose project the server's answers did not name. */
  projectKnown: boolean;
  /** Edit mode: the host's last answer about the group's type, applied again when the form starts over. */
  settled: GroupKind | undefined;
}

const model: Model = {
  init: undefined,
  values: { rows: [emptyUserGroupRow()] },
  touched: new Set(),
  lookups: emptyLookups(),
  nameChecks: new Map(),
  taken: new Map(),
  kindState: 'known',
  projectKnown: true,
  settled: undefined,
};

const app = (): HTMLElement => byId('app') ?? document.body;
const page = formPage<RawUserGroups, State['restore']>({
  prefix: 'ug',
  channel: ch,
  values: () => model.values,
  restore: () => model.init?.restore,
  submitLabel: 'ug.save',
  buttons: ['ug-submit', 'ug-back', 'ug-review', 'ug-add-row'],
  disabled: (id) => id === 'ug-add-row' && model.values.rows.length >= LIMITS.groupsPerRequest,
  controlFor: ugControlForPath,
});

ch.onMessage((msg) => {
  switch (msg.type) {
    case 'tenantUsers':
      if (!takeTenantUsers(model.lookups, msg.seq, msg.items)) return;
      fillOwners();
      model.values.rows.forEach((_, i) => renderOptions(i));
      return;
    case 'maxComputeRoles': {
      if (!takeRoles(model.lookups, msg.projectName, msg.seq, msg.roles)) return;
      model.values.rows.forEach((r, i) => { if (r.projectName.trim() === msg.projectName) renderOptions(i); });
      return;
    }
    case 'lookupFailed':
      return onLookupFailed(msg);
    case 'nameCheck': {
      const row = model.values.rows[msg.row];
      if (model.nameChecks.get(msg.row) !== msg.seq || !row || row.name !== msg.name) return;
      model.nameChecks.delete(msg.row);
      setText(`${controlId('name', msg.row)}-status`, '');
      if (msg.existingId === undefined) model.taken.delete(msg.row);
      else model.taken.set(msg.row, { name: msg.name, id: msg.existingId });
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

function groupKind(msg: GroupKind): void {
  model.kindState = msg.state;
  model.projectKnown = kindNamesProject(msg);
  model.settled = msg;
  if (model.init?.mode !== 'edit') return;
  if (applyKind(model.values.rows[0], msg, model.init.mode)) changed();
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
  model.init = msg;
  model.kindState = msg.kind;
  const first = msg.prefill.rows[0];
  model.projectKnown = !(msg.mode === 'edit' && msg.kind === 'known' && first?.type === '3' && first.projectName === '');
  page.start(msg, {
    use: (v) => {
      model.values = v;
      if (msg.mode === 'edit') model.values.rows = model.values.rows.slice(0, 1);
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
    model.init?.mode === 'add'
      ? el('div', { className: 'actions' }, button('ug-add-row', t('ug.addRow'), () => addRow()), el('span', { id: 'ug-row-limit', className: 'hint', text: t('ug.rowLimit') }))
      : null,
    el('div', { className: 'actions' }, button('ug-review', t('common.review'), () => review(), 'primary')),
  );
  app().replaceChildren(
    el('h1', { text: model.init?.mode === 'edit' ? t('ug.titleEdit') : t('ug.titleAdd') }),
    el('p', { className: 'intro', text: t('ug.intro', model.init?.region ?? '') }),
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
    model.touched.add(ugPath(target.field, target.row));
    validateTouched();
    if (target.field === 'name') checkName(target.row);
  });
}

/** Which row input an element is, from its id. */
function rowTarget(target: EventTarget | null): { field: RowField; row: number } | undefined {
  return target instanceof HTMLElement ? ugRowTarget(target.id) : undefined;
}

function onInput(target: EventTarget | null): void {
  const rt = rowTarget(target);
  const row = rt ? model.values.rows[rt.row] : undefined;
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
  const row = rt ? model.values.rows[rt.row] : undefined;
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
  host.replaceChildren(...model.values.rows.map((_, i) => rowElement(i)));
  model.values.rows.forEach((_, i) => renderOptions(i));
  const add = byId<HTMLButtonElement>('ug-add-row');
  if (add) add.disabled = model.values.rows.length >= LIMITS.groupsPerRequest;
}

/** Rebuilds one row (after a type change) and puts focus back where it was. */
function replaceRow(i: number, focusId: string): void {
  byId(`ug-row-${i}`)?.replaceWith(rowElement(i));
  renderOptions(i);
  validateTouched();
  byId(focusId)?.focus();
}

function rowElement(i: number): HTMLElement {
  const row = model.values.rows[i] ?? emptyUserGroupRow();
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
      const p = model.values.rows[i]?.projectName.trim() ?? '';
      if (p) requestRoles(p, true);
    })));
  projectField.hidden = !isType3;
  if (isType3 && model.init?.mode === 'edit' && i === 0 && !model.projectKnown) {
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

  const kindText = model.init?.mode !== 'edit' || i !== 0 ? '' : model.kindState === 'resolving' ? t('ug.typeResolving') : model.kindState === 'unknown' ? t('ug.typeUnknown') : '';
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
    model.init?.mode === 'add' && model.values.rows.length > 1
      ? el('div', { className: 'actions' }, button(`ug-remove-row-${i}`, t('ug.removeRow'), () => removeRow(i)))
      : null,
  );
}

// Declarations, not `const` arrows: the page starts (start(), above) before this part of the module has run.
/** The accounts that can be picked for row i. */
function candidates(i: number): Candidates {
  return candidatesFor(model.values.rows[i], model.lookups);
}

function listOf(c: Candidates): Candidate[] | undefined {
  return c.kind === 'list' ? c.list : undefined;
}

/** What the picker says while it has no list. */
function candidatesStatus(c: Candidates): string {
  switch (c.kind) {
    case 'rolesFirst':
      return t('ug.rolesFirst');
    case 'loading':
      return t('common.loading');
    case 'failed':
      return `${t('common.loadFailed')} ${c.message ?? ''} ${t('common.manualEntry')}`;
    default:
      return '';
  }
}

function renderOptions(i: number): void {
  const host = byId(`ug-accounts-${i}-options`);
  const row = model.values.rows[i];
  if (!host || !row) return;
  const c = candidates(i);
  const list = listOf(c);
  const found = searchCandidates(list ?? [], byId<HTMLInputElement>(controlId('accounts', i))?.value ?? '');
  const selected = new Set(row.accounts);
  host.replaceChildren(...found.shown.map((x, k) => {
    const box = el('input', { id: `ug-acc-${i}-${k}`, attrs: { type: 'checkbox', value: x.value } });
    box.checked = selected.has(x.value);
    box.addEventListener('change', () => toggleAccount(i, x.value, box.checked));
    return el('label', { className: 'option', attrs: { for: box.id } }, box, el('span', { text: x.label }));
  }));
  host.hidden = !list;
  const more = found.more ? t('ug.moreMatches', found.more) : '';
  setText(`ug-accounts-${i}-status`, list ? (found.total ? more : t('common.noMatches')) : candidatesStatus(c));
  renderChips(i);
}

function renderChips(i: number): void {
  const row = model.values.rows[i];
  const list = byId(`ug-accounts-${i}-selected`);
  if (!row || !list) return;
  list.replaceChildren(...row.accounts.map((a, k) =>
    el('li', {}, el('span', { text: a }),
      el('button', { id: `ug-acc-remove-${i}-${k}`, className: 'btn btn-link', text: '\u00D7', attrs: { type: 'button', 'aria-label': t('ug.remove', a), title: t('ug.remove', a) } }))));
  list.querySelectorAll('button').forEach((b, k) => b.addEventListener('click', () => removeAccount(i, k)));
  setText(`ug-accounts-${i}-count`, row.accounts.length ? t('ug.selected', row.accounts.length) : t('ug.noneSelected'));
  const warning = byId(`ug-accounts-${i}-warning`);
  if (warning) {
    const unknown = accountsNotInList(row.accounts, listOf(candidates(i)));
    warning.textContent = unknown.length ? t('ug.notInList', unknown.join(', ')) : '';
    warning.hidden = unknown.length === 0;
  }
}

function toggleAccount(i: number, account: string, on: boolean): void {
  const row = model.values.rows[i];
  if (!row) return;
  row.accounts = toggled(row.accounts, account, on);
  changed();
  renderChips(i);
  model.touched.add(ugPath('accounts', i));
  validateTouched();
}

function removeAccount(i: number, k: number): void {
  const row = model.values.rows[i];
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
  const row = model.values.rows[i];
  const box = byId<HTMLTextAreaElement>(`ug-paste-${i}`);
  if (!row || !box) return;
  const list = listOf(candidates(i));
  const { entries, added, unknown } = parsePasted(box.value, list, row.accounts);
  if (!entries) return;
  row.accounts = [...row.accounts, ...added];
  box.value = unknown.join('\n');
  const parts = [added.length ? t('ug.pasteAdded', added.join(', ')) : '', unknown.length ? t('ug.pasteUnknown', unknown.join(', ')) : ''];
  if (!list && added.length) parts.push(t('ug.pasteUnchecked'));
  setText(`ug-paste-${i}-status`, parts.filter(Boolean).join(' '));
  setFieldError(`ug-paste-${i}`, unknown.length ? t('ug.pasteUnknown', unknown.join(', ')) : undefined);
  changed();
  renderOptions(i);
  model.touched.add(ugPath('accounts', i));
  validateTouched();
}

function ensureLookups(i: number): void {
  if (tenantUsersUnasked(model.lookups)) requestTenantUsers(false);
  const row = model.values.rows[i];
  const p = row?.projectName.trim() ?? '';
  if (row?.type === '3' && p && rolesUnasked(model.lookups, p)) requestRoles(p, false);
}

function reloadCandidates(i: number): void {
  const row = model.values.rows[i];
  if (row?.type === '3') {
    if (row.projectName.trim()) requestRoles(row.projectName.trim(), true);
  } else {
    requestTenantUsers(true);
  }
}

function requestTenantUsers(refresh: boolean): void {
  const seq = nextSeq();
  askTenantUsers(model.lookups, seq);
  model.values.rows.forEach((_, i) => renderOptions(i));
  ch.post({ type: 'loadTenantUsers', seq, refresh });
}

function requestRoles(projectName: string, refresh: boolean): void {
  const seq = nextSeq();
  askRoles(model.lookups, projectName, seq, refresh);
  model.values.rows.forEach((r, i) => { if (r.projectName.trim() === projectName) renderOptions(i); });
  ch.post({ type: 'loadMaxComputeRoles', seq, projectName, refresh });
}

function onLookupFailed(msg: Extract<UgToWebview, { type: 'lookupFailed' }>): void {
  if (msg.lookup !== 'nameCheck') {
    if (lookupFailed(model.lookups, msg.lookup, msg.seq, msg.message)) model.values.rows.forEach((_, i) => renderOptions(i));
    return;
  }
  for (const [row, seq] of model.nameChecks) {
    if (seq === msg.seq) {
      model.nameChecks.delete(row);
      setText(`${controlId('name', row)}-status`, '');
    }
  }
}

function fillOwners(): void {
  const list = byId('ug-owner-options');
  if (!list || !model.lookups.tenantUsers) return;
  list.replaceChildren(...ownerOptions(model.lookups.tenantUsers).map((u) => el('option', { attrs: { value: u.accountName, label: u.yunAccount } })));
}

function changed(): void {
  page.changed();
}

function addRow(): void {
  if (model.values.rows.length >= LIMITS.groupsPerRequest) return;
  model.values.rows.push(emptyUserGroupRow());
  changed();
  renderRows();
  byId(controlId('name', model.values.rows.length - 1))?.focus();
}

function removeRow(i: number): void {
  if (model.values.rows.length <= 1) return;
  model.values.rows.splice(i, 1);
  model.touched.clear();
  model.taken.clear();
  changed();
  renderRows();
  byId(controlId('name', Math.min(i, model.values.rows.length - 1)))?.focus();
}

function validateTouched(): void {
  const checked = checkUserGroups(model.values);
  const errors = checked.ok ? [] : checked.errors;
  for (const path of model.touched) {
    const id = ugControlForPath(path);
    if (!id) continue;
    const e = errors.find((x) => x.path === path || x.path.startsWith(`${path}.`));
    setFieldError(id, e ? t(`err.${e.code}`) : takenText(path));
  }
}

function takenText(path: string): string | undefined {
  const i = ugNameRow(path);
  if (i === undefined) return undefined;
  const hit = model.taken.get(i);
  return hit && model.values.rows[i]?.name === hit.name ? t('ug.nameTakenBy', hit.id) : undefined;
}

function checkName(i: number): void {
  const row = model.values.rows[i];
  if (!row || !row.name.trim()) return;
  const seq = nextSeq();
  model.nameChecks.set(i, seq);
  setText(`${controlId('name', i)}-status`, t('common.checking'));
  ch.post({ type: 'checkName', seq, row: i, name: row.name });
}

function review(): void {
  model.values.rows.forEach((_, i) => ROW_FIELDS.forEach((f) => model.touched.add(ugPath(f, i))));
  clearAllFieldErrors(app());
  renderBanner(byId('ug-banner') ?? app(), undefined);
  const checked = checkUserGroups(model.values);
  if (!checked.ok) {
    page.showErrors(checked.errors);
    return;
  }
  ch.post({ type: 'review', values: model.values });
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
  model.values = structuredClone(model.init?.prefill ?? model.values);
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
    ...(model.init?.mode === 'add' ? [el('div', { className: 'actions' }, button('ug-again', t('ug.addRow'), () => startOver()))] : []),
  );
  page.setStep('result');
  section.focus();
}

function startOver(): void {
  ch.post({ type: 'reset' });
  model.values = structuredClone(model.init?.prefill ?? { rows: [emptyUserGroupRow()] });
  applyKind(model.values.rows[0], model.settled, model.init?.mode);
  model.touched.clear();
  model.taken.clear();
  renderPage();
  page.changed();
  page.setStep('edit');
  byId(controlId('name', 0))?.focus();
}

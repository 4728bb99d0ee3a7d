// @entry  Create Business Process form (webview side).
import * as z from 'zod/mini';
import {
  bpInitSchema, bpRestoreSchema, bpToWebviewSchema, type BpInit, type BpResult, type BpToHost, type BpToWebview,
} from '../../src/shared/protocol';
import { checkBusinessProcess, lazy, rawBusinessProcessSchema, type RawBusinessProcess } from '../../src/shared/schemas';
import {
  button, byId, channel, clearAllFieldErrors, el, field, formPage, readInit, renderBanner, sequence, setFieldError,
  setText, t,
} from './formKit';
import { BP_IDS as IDS, bpControlForPath, bpPathOfControl } from './paths';

type Init = BpInit;
type WorkspaceItem = Extract<BpToWebview, { type: 'workspaces' }>['items'][number];
type ApiGroupItem = Extract<BpToWebview, { type: 'apiGatewayGroups' }>['items'][number];

// `restore` goes back to the host if VS Code restores the panel after a window reload. Built on first use: a new
// document has no saved state, and its form should not wait for a schema it does not need.
const stateSchema = lazy(() => z.strictObject({ values: rawBusinessProcessSchema, view: z.enum(['edit', 'review']), restore: z.optional(bpRestoreSchema) }));
type State = z.infer<typeof stateSchema>;

const ch = channel<BpToHost, typeof bpToWebviewSchema, State>(bpToWebviewSchema, stateSchema);
const nextSeq = sequence();


let init: Init | undefined;
let values: RawBusinessProcess = { projectId: '', apiGatewayGroupId: '', name: '', description: '' };
const touched = new Set<string>();
const pending = { workspaces: -1, apiGroups: -1, name: -1 };
let apiGroupsRequested = false;
/** The name the server reported as taken in a workspace: the verdict stays while both are unchanged. */
let takenName: { name: string; projectId: string } | undefined;

const app = (): HTMLElement => byId('app') ?? document.body;
const page = formPage<RawBusinessProcess, State['restore']>({
  prefix: 'bp',
  channel: ch,
  values: () => values,
  restore: () => init?.restore,
  submitLabel: 'bp.create',
  buttons: ['bp-submit', 'bp-back', 'bp-review'],
  controlFor: bpControlForPath,
});

ch.onMessage((msg) => {
  switch (msg.type) {
    case 'workspaces':
      if (msg.seq === pending.workspaces) fillWorkspaces(msg.items, msg.truncated);
      return;
    case 'apiGatewayGroups':
      if (msg.seq === pending.apiGroups) fillApiGroups(msg.items, msg.truncated);
      return;
    case 'lookupFailed':
      return lookupFailed(msg);
    case 'nameCheck':
      if (msg.seq === pending.name && msg.name === values.name) {
        pending.name = -1;
        setText('bp-name-status', msg.taken ? '' : t('bp.nameFree'));
        takenName = msg.taken ? { name: msg.name, projectId: values.projectId } : undefined;
        touched.add('name');
        validateTouched();
      }
      return;
    case 'fieldErrors':
      page.showErrors(msg.errors, msg.banner);
      return;
    case 'review':
      page.showReview(msg.request, msg.cli);
      return;
    case 'submitting':
      page.setStep('submitting');
      return;
    case 'result':
      showResult(msg.result);
      return;
  }
});
// Ready first: the replies to what start() asks for are then not held back by the host.
ch.post({ type: 'ready' });
const embedded = readInit(bpInitSchema);
if (embedded) start(embedded);

function start(msg: Init): void {
  init = msg;
  page.start(msg, {
    use: (v) => (values = v),
    render,
    load: () => requestWorkspaces(false),
    showResult,
    startOver,
  });
}

function render(): void {
  const workspace = el('select', { attrs: { 'aria-busy': 'false' } });
  const apiList = el('select');
  const apiId = el('input', { attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false' } });
  const name = el('input', { attrs: { type: 'text', autocomplete: 'off' } });
  const description = el('textarea', { attrs: { rows: '4' } });

  const form = el(
    'form',
    { id: 'bp-form', attrs: { novalidate: true } },
    el(
      'fieldset',
      { id: 'bp-fields', className: 'fields' },
      field(IDS.projectId, t('bp.workspace'), workspace, t('bp.workspaceHint'), pickerStatus('bp-workspace', () => requestWorkspaces(true))),
      field('bp-apigw-list', t('bp.apiGroupList'), apiList, t('bp.apiGroupListHint'), pickerStatus('bp-apigw-list', () => requestApiGroups(true))),
      field(IDS.apiGatewayGroupId, t('bp.apiGroupId'), apiId, t('bp.apiGroupIdHint')),
      field(IDS.name, t('bp.name'), name, t('bp.nameHint'), el('div', { id: 'bp-name-status', className: 'status', attrs: { 'aria-live': 'polite' } })),
      field(IDS.description, `${t('bp.description')} (${t('common.optional')})`, description, t('bp.descriptionHint')),
    ),
    el('div', { className: 'actions' }, button('bp-review', t('common.review'), () => review(), 'primary')),
  );

  app().replaceChildren(
    el('h1', { text: t('bp.title') }),
    el('p', { className: 'intro', text: t('bp.intro', init?.region ?? '') }),
    el('div', { id: 'bp-draft-note', attrs: { hidden: true } }),
    el('div', { id: 'bp-banner', attrs: { hidden: true } }),
    el('section', { id: 'bp-edit' }, form),
    el('section', { id: 'bp-review-section', attrs: { hidden: true, tabindex: '-1' } }),
    el('section', { id: 'bp-result', attrs: { hidden: true, tabindex: '-1' } }),
  );
  app().setAttribute('aria-busy', 'false');

  placeholderOptions(workspace, t('bp.selectWorkspace'), values.projectId ? [[values.projectId, t('bp.workspaceN', values.projectId)]] : []);
  placeholderOptions(apiList, t('bp.apiGroupPick'), []);
  workspace.value = values.projectId;
  apiId.value = values.apiGatewayGroupId;
  name.value = values.name;
  description.value = values.description;

  // The webview sandbox blocks form submission (enableForms is off), so Enter in a text box is handled here.
  form.addEventListener('submit', (ev) => ev.preventDefault());
  form.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && ev.target instanceof HTMLInputElement && !ev.isComposing) {
      ev.preventDefault();
      review();
    }
  });
  form.addEventListener('input', () => changed());
  form.addEventListener('change', () => changed());
  form.addEventListener('focusout', (ev) => {
    const path = ev.target instanceof HTMLElement ? bpPathOfControl(ev.target.id) : undefined;
    if (!path) return;
    touched.add(path);
    validateTouched();
    if (path === 'name' || path === 'projectId') checkName();
  });
  // On demand: the API Gateway groups are listed only when the user turns to the list.
  for (const ev of ['focus', 'pointerdown'] as const) apiList.addEventListener(ev, () => { if (!apiGroupsRequested) requestApiGroups(false); });
  apiList.addEventListener('change', () => {
    if (apiList.value) {
      apiId.value = apiList.value;
      changed();
      touched.add('apiGatewayGroupId');
      validateTouched();
    }
  });
  apiId.addEventListener('input', () => {
    apiList.value = Array.from(apiList.options).some((o) => o.value === apiId.value.trim()) ? apiId.value.trim() : '';
  });
  workspace.addEventListener('change', () => {
    if (touched.has('name')) checkName();
  });
}

function pickerStatus(id: string, reload: () => void): HTMLElement {
  return el(
    'div',
    { className: 'picker-status' },
    el('span', { id: `${id}-status`, className: 'status', attrs: { 'aria-live': 'polite' } }),
    button(`${id}-reload`, t('common.reload'), reload),
  );
}

function placeholderOptions(select: HTMLSelectElement, placeholder: string, extra: [string, string][]): void {
  select.replaceChildren(el('option', { text: placeholder, attrs: { value: '' } }), ...extra.map(([v, label]) => el('option', { text: label, attrs: { value: v } })));
}

function readValues(): RawBusinessProcess {
  const v = (id: string) => byId<HTMLInputElement>(id)?.value ?? '';
  return { projectId: v(IDS.projectId), apiGatewayGroupId: v(IDS.apiGatewayGroupId), name: v(IDS.name), description: v(IDS.description) };
}

function changed(): void {
  values = readValues();
  page.changed();
}

/** Instant field errors, for the inputs the user has left at least once. */
function validateTouched(): void {
  const checked = checkBusinessProcess(values);
  const errors = checked.ok ? [] : checked.errors;
  for (const path of touched) {
    const e = errors.find((x) => x.path === path);
    const id = IDS[path as keyof RawBusinessProcess];
    const taken = path === 'name' && takenName?.name === values.name && takenName.projectId === values.projectId;
    setFieldError(id, e ? t(`err.${e.code}`) : taken ? t('err.nameTaken') : undefined);
  }
}

function checkName(): void {
  const checked = checkBusinessProcess(values);
  if (!checked.ok && checked.errors.some((e) => e.path === 'name' || e.path === 'projectId')) return;
  pending.name = nextSeq();
  setText('bp-name-status', t('common.checking'));
  ch.post({ type: 'checkName', seq: pending.name, projectId: values.projectId, name: values.name });
}

function requestWorkspaces(refresh: boolean): void {
  pending.workspaces = nextSeq();
  busy('bp-workspace', true);
  ch.post({ type: 'loadWorkspaces', seq: pending.workspaces, refresh });
}

function requestApiGroups(refresh: boolean): void {
  apiGroupsRequested = true;
  pending.apiGroups = nextSeq();
  busy('bp-apigw-list', true);
  ch.post({ type: 'loadApiGatewayGroups', seq: pending.apiGroups, refresh });
}

function busy(id: string, on: boolean): void {
  byId(id)?.setAttribute('aria-busy', String(on));
  if (on) setText(`${id}-status`, t('common.loading'));
}

function fillWorkspaces(items: WorkspaceItem[], truncated: boolean): void {
  const select = byId<HTMLSelectElement>(IDS.projectId);
  if (!select) return;
  const current = select.value;
  const sorted = [...items].sort((a, b) => a.name.localeCompare(b.name));
  const extra: [string, string][] = sorted.map((w) => [String(w.id), `${w.name} (${w.identifier}, ${w.id})`]);
  if (current && !sorted.some((w) => String(w.id) === current)) extra.unshift([current, t('bp.workspaceN', current)]);
  placeholderOptions(select, t('bp.selectWorkspace'), extra);
  select.value = current;
  busy(IDS.projectId, false);
  setText('bp-workspace-status', truncated ? t('common.truncated', items.length) : items.length ? '' : t('common.noMatches'));
}

function fillApiGroups(items: ApiGroupItem[], truncated: boolean): void {
  const select = byId<HTMLSelectElement>('bp-apigw-list');
  if (!select) return;
  const sorted = [...items].sort((a, b) => a.name.localeCompare(b.name));
  placeholderOptions(select, t('bp.apiGroupPick'), sorted.map((g) => [g.id, `${g.name} — ${g.id} (${g.regionId})`]));
  const id = values.apiGatewayGroupId.trim();
  select.value = sorted.some((g) => g.id === id) ? id : '';
  busy('bp-apigw-list', false);
  setText('bp-apigw-list-status', truncated ? t('common.truncated', items.length) : items.length ? '' : t('common.noMatches'));
}

function lookupFailed(msg: Extract<BpToWebview, { type: 'lookupFailed' }>): void {
  if (msg.lookup === 'nameCheck') {
    if (msg.seq === pending.name) setText('bp-name-status', '');
    return;
  }
  const id = msg.lookup === 'workspaces' ? IDS.projectId : 'bp-apigw-list';
  if (msg.seq !== (msg.lookup === 'workspaces' ? pending.workspaces : pending.apiGroups)) return;
  busy(id, false);
  const manual = msg.forbidden || msg.lookup === 'apiGatewayGroups' ? ` ${t('common.manualEntry')}` : '';
  setText(`${id}-status`, `${t('common.loadFailed')} ${msg.message}${manual}`);
}

function review(): void {
  values = readValues();
  for (const k of Object.keys(IDS)) touched.add(k);
  const checked = checkBusinessProcess(values);
  clearAllFieldErrors(app());
  renderBanner(byId('bp-banner') ?? app(), undefined);
  if (!checked.ok) {
    page.showErrors(checked.errors.map((e) => ({ path: e.path, code: e.code })));
    return;
  }
  ch.post({ type: 'review', values });
}

function showResult(result: BpResult): void {
  if (result.outcome === 'error') {
    clearAllFieldErrors(app());
    page.showErrors(result.errors, result.banner);
    return;
  }
  const section = byId('bp-result');
  if (!section) return;
  if (result.outcome === 'success') {
    values = init?.prefill ?? values;
    // The draft is spent; keep only the workspace for "create another".
    page.save('edit');
    section.replaceChildren(
      el('h2', { id: 'bp-result-title', text: t('bp.successTitle') }),
      ...(result.recovered ? [el('p', { className: 'status', text: t('bp.recovered') })] : []),
      el('dl', { className: 'meta' },
        el('dt', { text: t('bp.groupId') }), el('dd', {}, el('code', { id: 'bp-result-id', text: result.groupId })),
        el('dt', { text: t('common.requestId') }), el('dd', {}, el('code', { className: 'request-id', text: result.requestId }))),
      el('div', { className: 'actions' },
        button('bp-copy-id', t('common.copyId'), () => ch.post({ type: 'copyId' }), 'primary'),
        button('bp-reveal', t('common.reveal'), () => ch.post({ type: 'revealInTree' })),
        button('bp-another', t('bp.another'), () => startOver())),
    );
  } else {
    const banner = el('div', { id: 'bp-result-banner' });
    section.replaceChildren(
      el('h2', { id: 'bp-result-title', text: t('bp.ambiguousTitle') }),
      el('p', { id: 'bp-verdict', className: `verdict verdict-${result.verdict}`, attrs: { 'data-verdict': result.verdict }, text: t(`bp.verdict.${result.verdict}`) }),
      banner,
      el('div', { className: 'actions' }, button('bp-back-to-form', t('common.back'), () => {
        ch.post({ type: 'reset' });
        page.setStep('edit');
      })),
    );
    renderBanner(banner, result.banner);
  }
  page.setStep('result');
  section.focus();
}

function startOver(): void {
  ch.post({ type: 'reset' });
  values = init?.prefill ?? values;
  touched.clear();
  render();
  renderBanner(byId('bp-draft-note') ?? app(), undefined);
  requestWorkspaces(false);
  if (apiGroupsRequested) requestApiGroups(false);
  page.changed();
  page.setStep('edit');
  byId(IDS.projectId)?.focus();
}

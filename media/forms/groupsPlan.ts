// @entry  Groups-as-code plan page (webview side): the change set of a *.dwgroups.json file and its Apply button.
// Every name, owner and account is outside text: it reaches the page only through textContent (el / setText).
import * as z from 'zod/mini';
import {
  planInitSchema, planToWebviewSchema, type ApplyState, type PlanRow, type PlanStringKey, type PlanToHost, type PlanView,
} from '../../src/shared/groupsPlanProtocol';
import { byId, channel, el, readInit } from './formKit';
import { canApply, fieldChangeText, isFinished, visibleRows } from './groupsPlanLogic';

const stateSchema = z.strictObject({ showUnchanged: z.boolean() });
type State = z.infer<typeof stateSchema>;
const ch = channel<PlanToHost, typeof planToWebviewSchema, State>(planToWebviewSchema, stateSchema);

let strings: Readonly<Record<string, string>> = {};
const tr = (key: PlanStringKey, ...args: (string | number)[]): string =>
  (strings[key] ?? key).replace(/\{(\d)\}/g, (m, i: string) => {
    const a = args[Number(i)];
    return a === undefined ? m : String(a);
  });

let view: PlanView | undefined;
let showUnchanged = false;
const app = (): HTMLElement => byId('app') ?? document.body;

function btn(id: string, label: string, onClick: () => void, kind: 'primary' | 'secondary' = 'secondary'): HTMLButtonElement {
  const b = el('button', { id, className: `btn btn-${kind}`, text: label, attrs: { type: 'button' } });
  b.addEventListener('click', (ev) => {
    ev.preventDefault();
    onClick();
  });
  return b;
}

/** `label: value` in the page's language, the value an element (the text around it from the translation). */
function labelled(label: string, value: HTMLElement): [string, HTMLElement, string] {
  const [before = '', after = ''] = tr('labelled', label).split('{1}');
  return [before, value, after];
}

function details(r: PlanRow): HTMLElement {
  const words = { none: tr('none'), unknown: tr('unknownValue') };
  const items: HTMLElement[] = r.fields.map((f) => {
    const [label, value, after] = labelled(tr(f.field), el('code', { text: fieldChangeText(f, words) }));
    return el('li', {}, el('span', { className: 'plan-field', text: label }), value, after);
  });
  if (r.accountsAdded.length) items.push(el('li', { className: 'plan-added' }, ...labelled(tr('accountsAdded'), el('code', { text: r.accountsAdded.join(', ') }))));
  if (r.accountsRemoved.length) items.push(el('li', { className: 'plan-removed' }, ...labelled(tr('accountsRemoved'), el('code', { text: r.accountsRemoved.join(', ') }))));
  if (r.converts) items.push(el('li', { className: 'plan-warning', text: tr('converts') }));
  if (r.note) items.push(el('li', { className: 'hint', text: r.note }));
  return el('ul', { className: 'plan-details' }, ...items);
}

function rowsTable(v: PlanView): HTMLElement {
  const rows = visibleRows(v.rows, showUnchanged).map((r) =>
    el('tr', { className: `plan-row plan-${r.action}`, attrs: { 'data-action': r.action } },
      el('th', { attrs: { scope: 'row' } }, el('span', { className: 'plan-name', text: r.name })),
      el('td', {}, el('span', { className: `plan-badge plan-badge-${r.action}`, text: tr(r.action) })),
      el('td', {}, details(r))));
  return el('table', { id: 'plan-rows', className: 'params plan-table' },
    el('thead', {}, el('tr', {},
      el('th', { text: tr('group'), attrs: { scope: 'col' } }),
      el('th', { text: tr('change'), attrs: { scope: 'col' } }),
      el('th', { text: tr('details'), attrs: { scope: 'col' } }))),
    el('tbody', {}, ...rows));
}

function batchLabel(apply: ApplyState, i: number): string {
  const s = apply.batches[i];
  return s ? tr(`batchState.${s}`) : '';
}

function requestsSection(v: PlanView): HTMLElement {
  const list = v.requests.map((r, i) => el('section', { className: 'plan-request', attrs: { 'data-index': String(i) } },
    el('h3', {}, `${tr('requestN', i + 1, v.requests.length)} `, el('code', { text: r.action }), ' ',
      el('span', { id: `plan-batch-${i}`, className: 'plan-batch-state', text: v.apply.phase === 'idle' ? '' : batchLabel(v.apply, i) })),
    el('p', { className: 'hint', text: r.names.join(', ') }),
    el('h4', { text: tr('parameters') }),
    el('pre', { className: 'cli' }, el('code', { className: 'wire-value', text: r.parameters })),
    el('h4', { text: tr('cli') }),
    el('pre', { className: 'cli' }, el('code', { className: 'plan-cli', text: r.cli })),
    el('div', { className: 'actions' },
      btn(`plan-copy-cli-${i}`, tr('copyCli'), () => ch.post({ type: 'copyCli', index: i })),
      btn(`plan-copy-request-${i}`, tr('copyRequest'), () => ch.post({ type: 'copyRequest', index: i })))));
  return el('section', { id: 'plan-requests', attrs: { 'aria-labelledby': 'plan-requests-title' } },
    el('h2', { id: 'plan-requests-title', text: tr('requests') }),
    ...(v.requests.length > 1 ? [el('div', { className: 'actions' }, btn('plan-copy-all-cli', tr('copyAllCli'), () => ch.post({ type: 'copyCli' })))] : []),
    ...list);
}

function applyStatus(v: PlanView): HTMLElement {
  const a = v.apply;
  const box = el('div', { id: 'plan-apply-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  if (v.stale) {
    box.className = 'banner banner-warning';
    box.append(el('p', { text: tr('stale') }), el('div', { className: 'actions' }, btn('plan-replan-stale', tr('replan'), () => ch.post({ type: 'replan' }), 'primary')));
    return box;
  }
  if (a.phase === 'idle' || a.phase === 'confirming') return box;
  const severity = a.phase === 'done' ? 'info' : a.phase === 'applying' ? 'info' : a.phase === 'cancelled' ? 'warning' : 'error';
  box.className = `banner banner-${severity}`;
  const title = a.phase === 'applying' ? tr('applying', a.batches.filter((b) => b === 'done').length, a.batches.length)
    : a.phase === 'stale' ? tr('staleRefused') : tr(a.phase);
  box.append(el('p', { id: 'plan-apply-phase', text: title }));
  if (a.message) box.append(el('p', { text: a.message }));
  if (a.serverMessage) box.append(el('p', { className: 'server-message', text: `${tr('serverSaid')} ${a.serverMessage}` }));
  if (a.requestId) box.append(el('p', { className: 'banner-meta', text: tr('labelled', tr('requestId'), a.requestId) }));
  const lists: [PlanStringKey, readonly string[]][] = [['applied', a.applied], ['notApplied', a.notApplied], ['mayLand', a.unknown]];
  for (const [key, names] of lists) if (names.length) box.append(el('p', {}, ...labelled(tr(key), el('span', { className: `plan-${key}`, text: names.join(', ') }))));
  if (a.phase === 'applying') box.append(el('div', { className: 'actions' }, btn('plan-cancel', tr('cancel'), () => ch.post({ type: 'cancelApply', planId: v.planId }))));
  if (isFinished(a)) box.append(el('div', { className: 'actions' }, btn('plan-replan-after', tr('replan'), () => ch.post({ type: 'replan' }), 'primary')));
  return box;
}

function render(): void {
  const v = view;
  if (!v) return;
  const c = v.counts;
  const summary = el('p', { id: 'plan-counts', className: 'plan-counts' },
    ...(['create', 'update', 'delete', 'unchanged', 'unknown', 'ambiguous'] as const)
      .filter((k) => k !== 'ambiguous' && k !== 'unknown' || c[k] > 0)
      .map((k) => el('span', { className: `plan-count plan-badge-${k}`, attrs: { 'data-count': k }, text: tr('labelled', tr(k), c[k]) })));
  const unchangedToggle = c.unchanged > 0
    ? btn('plan-toggle-unchanged', showUnchanged ? tr('hideUnchanged') : tr('showUnchanged', c.unchanged), () => {
      showUnchanged = !showUnchanged;
      ch.setState({ showUnchanged });
      render();
    })
    : null;
  const applyButton = btn('plan-apply', tr('apply'), () => {
    if (!view || !canApply(view)) return;
    // Disabled at once: a double click cannot apply twice (the host also refuses a second apply).
    applyButton.disabled = true;
    ch.post({ type: 'apply', planId: view.planId });
  }, 'primary');
  applyButton.disabled = !canApply(v);
  const writes = v.requests.length > 0;
  const children: (HTMLElement | null)[] = [
    el('h1', { text: tr('title', v.fileName) }),
    el('p', { className: 'intro', text: tr('intro') }),
    el('p', { id: 'plan-target', className: 'hint', text: tr('profileRegion', v.profile, v.region) }),
    v.prune ? el('p', { className: 'plan-warning', text: tr('prune') }) : null,
    summary,
    applyStatus(v),
    writes ? null : el('p', { id: 'plan-nothing', className: 'banner banner-info', text: tr('noChanges') }),
    rowsTable(v),
    el('div', { className: 'actions' }, unchangedToggle),
    writes ? requestsSection(v) : null,
    el('section', { id: 'plan-apply-section', className: 'plan-apply' },
      writes ? el('p', { className: 'hint', text: c.delete > 0 ? tr('deleteWarning', c.delete) : tr('applyHint') }) : null,
      el('div', { className: 'actions' },
        writes ? applyButton : null,
        btn('plan-replan', tr('replan'), () => ch.post({ type: 'replan' })),
        btn('plan-open-file', tr('openFile'), () => ch.post({ type: 'openFile' })))),
  ];
  app().replaceChildren(...children.filter((c): c is HTMLElement => c !== null));
  app().setAttribute('aria-busy', String(v.apply.phase === 'applying'));
}

function start(): void {
  const init = readInit(planInitSchema);
  if (!init) {
    app().replaceChildren(el('p', { className: 'banner banner-error', text: 'The page data could not be read.' }));
    return;
  }
  strings = init.strings;
  document.documentElement.lang = init.locale;
  view = init.view;
  showUnchanged = ch.getState()?.showUnchanged ?? false;
  ch.onMessage((msg) => {
    if (msg.type === 'view') view = msg.view;
    else if (view && msg.planId === view.planId) {
      if (msg.type === 'applyState') view = { ...view, apply: msg.apply };
      else view = { ...view, stale: true };
    }
    render();
  });
  render();
  ch.post({ type: 'ready' });
}

start();

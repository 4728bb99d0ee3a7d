// Webview-side toolkit shared by both forms: the private VS Code API handle, a typed channel that parses every
// message from the host, DOM helpers that only ever set text (never HTML), and field error display.
import type * as z from 'zod/mini';
import { INIT_DATA_ID, parseMessage, type WireFieldError } from '../../src/shared/protocol';
import type { StringKey } from '../../src/shared/strings';

// The API object stays inside this module: nothing else on the page can post to the host with it. Acquired on first
// use, not when the module loads, so that code without a webview around it (a unit test) can import the module; VS
// Code allows one acquisition per document, hence the one cached handle.
let handle: ReturnType<typeof acquireVsCodeApi> | undefined;
const api = (): ReturnType<typeof acquireVsCodeApi> => (handle ??= acquireVsCodeApi());

export interface Channel<ToHost, ToWebview, State> {
  post(msg: ToHost): void;
  onMessage(handler: (msg: ToWebview) => void): void;
  getState(): State | undefined;
  setState(state: State): void;
}

export function channel<ToHost, S extends z.core.$ZodType, State>(
  toWebview: S,
  stateSchema: z.core.$ZodType<State>,
): Channel<ToHost, z.infer<S>, State> {
  return {
    post: (msg) => api().postMessage(msg),
    onMessage(handler) {
      window.addEventListener('message', (ev: MessageEvent<unknown>) => {
        const msg = parseMessage(toWebview, ev.data);
        if (msg !== undefined) handler(msg);
      });
    },
    // Saved state is data from an earlier document of this page; it gets the same scrutiny as a message. A new
    // document has none (undefined), which needs no schema to refuse.
    getState: () => {
      const saved: unknown = api().getState();
      return saved === undefined ? undefined : parseMessage(stateSchema, saved);
    },
    setState: (state) => api().setState(state),
  };
}

/**
 * The data the host embedded in the page to start from (src/webview/html.ts), parsed like a message: the form
 * renders from it at once instead of waiting for a round trip. Undefined when it is missing or does not parse.
 */
export function readInit<S extends z.core.$ZodType>(schema: S): z.infer<S> | undefined {
  const text = document.getElementById(INIT_DATA_ID)?.textContent;
  if (!text) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  return parseMessage(schema, data);
}

let table: Readonly<Record<string, string>> = {};

export function setStrings(strings: Readonly<Record<string, string>>): void {
  table = strings;
}

/** A translated text; `{0}`, `{1}`… are replaced by the arguments. */
export function t(key: StringKey, ...args: (string | number)[]): string {
  const s = table[key] ?? key;
  return s.replace(/\{(\d)\}/g, (m, i: string) => {
    const a = args[Number(i)];
    return a === undefined ? m : String(a);
  });
}

type Child = Node | string | null | undefined | false;

export interface ElProps {
  id?: string;
  className?: string;
  text?: string;
  /** Attributes; `style` and `on*` are refused (CSP forbids them, and data must never become code). */
  attrs?: Readonly<Record<string, string | boolean | undefined>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElProps = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.id) e.id = props.id;
  if (props.className) e.className = props.className;
  if (props.text !== undefined) e.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (/^on|^style$/i.test(name)) throw new Error(`attribute ${name} not allowed`);
    if (value === undefined || value === false) continue;
    e.setAttribute(name, value === true ? '' : value);
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return e;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T | undefined {
  return (document.getElementById(id) as T | null) ?? undefined;
}

export function show(e: HTMLElement | undefined, visible: boolean): void {
  if (e) e.hidden = !visible;
}

/**
 * A labelled field: `<label for=id>`, the control, a hint and an error slot. The error slot is `#<id>-error`
 * (class `field-error`), referenced from the control's aria-describedby only while it has text.
 */
export function field(id: string, label: string, control: HTMLElement, hint?: string, extra?: Child): HTMLDivElement {
  control.id = id;
  const hintEl = hint ? el('div', { id: `${id}-hint`, className: 'hint', text: hint }) : undefined;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  // The hint sits between label and control, as in VS Code's settings editor; the error right under the control.
  return el(
    'div',
    { id: `${id}-field`, className: 'field' },
    el('label', { text: label, attrs: { for: id } }),
    hintEl,
    control,
    el('div', { id: `${id}-error`, className: 'field-error', attrs: { hidden: true } }),
    extra,
  );
}

/** The label under which the page shows the server's own message. */
export function serverSaid(serverMessage: string): string {
  return t('common.serverSaid', serverMessage);
}

/**
 * Shows or clears the error of a control, keeping aria-invalid and aria-describedby in step. `serverMessage`, for an
 * error from DataWorks, goes on a line of its own under the text.
 */
export function setFieldError(id: string, text: string | undefined, serverMessage?: string): void {
  const control = byId(id);
  const slot = byId(`${id}-error`);
  if (!control || !slot) return;
  const errorId = `${id}-error`;
  const described = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== errorId);
  if (text) {
    slot.textContent = text;
    if (serverMessage) slot.append(el('span', { className: 'server-message', text: serverSaid(serverMessage) }));
    slot.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    described.push(errorId);
  } else {
    slot.textContent = '';
    slot.hidden = true;
    control.removeAttribute('aria-invalid');
  }
  if (described.length) control.setAttribute('aria-describedby', described.join(' '));
  else control.removeAttribute('aria-describedby');
}

export function clearAllFieldErrors(root: ParentNode): void {
  for (const slot of Array.from(root.querySelectorAll<HTMLElement>('.field-error'))) {
    setFieldError(slot.id.replace(/-error$/, ''), undefined);
  }
}

/** Moves focus to the first control marked invalid, in document order. */
export function focusFirstError(root: ParentNode): boolean {
  const first = root.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!first) return false;
  first.focus();
  first.scrollIntoView({ block: 'center' });
  return true;
}

export function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn();
    }, ms);
  };
}

/** Request sequence numbers, starting at a random point so replies meant for an earlier document are ignored. */
export function sequence(): () => number {
  let n = crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
  n = n % 2 ** 30;
  return () => ++n;
}

export interface BannerData {
  severity: 'error' | 'warning' | 'info';
  message: string;
  serverMessage?: string | undefined;
  code?: string;
  requestId?: string;
}

/** Fills a banner element (role=alert for errors) with the message and the code and request ID to quote. */
export function renderBanner(host: HTMLElement, banner: BannerData | undefined, actions: Child[] = []): void {
  host.replaceChildren();
  host.hidden = !banner;
  if (!banner) return;
  host.className = `banner banner-${banner.severity}`;
  host.setAttribute('role', banner.severity === 'error' ? 'alert' : 'status');
  host.append(el('p', { text: banner.message }));
  // What DataWorks itself said, under our explanation: a line of its own, set as text like everything else.
  if (banner.serverMessage) host.append(el('p', { className: 'server-message', text: serverSaid(banner.serverMessage) }));
  const meta: Child[] = [];
  if (banner.code) meta.push(el('span', { text: `${t('common.errorCode')}: ${banner.code}` }));
  if (banner.requestId) meta.push(el('span', { className: 'request-id', text: `${t('common.requestId')}: ${banner.requestId}` }));
  if (meta.length) host.append(el('p', { className: 'banner-meta' }, ...meta));
  if (actions.length) host.append(el('div', { className: 'actions' }, ...actions));
}

export function button(id: string, label: string, onClick: () => void, kind: 'primary' | 'secondary' = 'secondary', type: 'button' | 'submit' = 'button'): HTMLButtonElement {
  const b = el('button', { id, className: `btn btn-${kind}`, text: label, attrs: { type } });
  b.addEventListener('click', (ev) => {
    if (type === 'button') ev.preventDefault();
    onClick();
  });
  return b;
}

/** The review table: every parameter exactly as it goes on the wire, then the CLI command. */
export function renderRequest(
  prefix: string,
  request: { action: string; region: string; query: [string, string][]; body: [string, string][] },
  cli: string,
  onCopyCli: () => void,
): HTMLElement {
  const rows = [...request.query, ...request.body].map(([k, v]) =>
    el('tr', {}, el('th', { text: k, attrs: { scope: 'row' } }), el('td', {}, el('code', { className: 'wire-value', text: v }))));
  return el(
    'section',
    { id: `${prefix}-request`, className: 'request', attrs: { 'aria-labelledby': `${prefix}-request-title` } },
    el('h2', { id: `${prefix}-request-title`, text: t('common.request') }),
    el('p', { className: 'hint', text: t('common.reviewIntro') }),
    el('dl', { className: 'meta' },
      el('dt', { text: t('common.action') }), el('dd', {}, el('code', { id: `${prefix}-review-action`, text: request.action })),
      el('dt', { text: t('common.region') }), el('dd', {}, el('code', { text: request.region }))),
    el('table', { id: `${prefix}-review-params`, className: 'params' },
      el('thead', {}, el('tr', {}, el('th', { text: t('common.parameter'), attrs: { scope: 'col' } }), el('th', { text: t('common.value'), attrs: { scope: 'col' } }))),
      el('tbody', {}, ...rows)),
    el('h3', { text: t('common.cli') }),
    el('pre', { className: 'cli' }, el('code', { id: `${prefix}-cli`, text: cli })),
    el('div', { className: 'actions' }, button(`${prefix}-copy-cli`, t('common.copyCli'), onCopyCli)),
  );
}

export function setText(id: string, text: string): void {
  const e = byId(id);
  if (e) e.textContent = text;
}

/** A field error's text: the server's own words, else the translation of its code. */
export function errorText(e: WireFieldError): string {
  return e.text ?? t(`err.${e.code ?? 'invalid'}`);
}

export type Step = 'edit' | 'review' | 'submitting' | 'result';

/** What a form page keeps in its webview state: its values, its step, and what the host needs after a reload. */
export interface PageState<Raw, Restore> {
  values: Raw;
  view: 'edit' | 'review';
  restore?: Restore;
}

/** What every form's init data has (see bpInitSchema / ugInitSchema). */
export interface PageInit<Raw, Result> {
  strings: Readonly<Record<string, string>>;
  locale: string;
  prefill: Raw;
  draft?: Raw | undefined;
  phase: 'edit' | 'submitting' | 'result';
  result?: Result | undefined;
}

/** What a form does at the points where the shared start-up needs it. */
export interface StartHooks<Raw, Result> {
  /** Takes the values to start from (a copy, the page's own from now on). */
  use(values: Raw): void;
  render(): void;
  /** Asks for what the form needs at once (lookups). */
  load(): void;
  showResult(result: Result): void;
  startOver(): void;
}

/** The messages the shared page logic sends; both forms' unions hold them. */
type PageToHost<Raw> = { type: 'draft' | 'review' | 'submit'; values: Raw } | { type: 'copyCli' };

export interface PageOptions<Raw, Restore> {
  /** Id prefix of the page's elements (`bp-edit`, `ug-review-section`, …). */
  readonly prefix: 'bp' | 'ug';
  readonly channel: {
    post(msg: PageToHost<Raw>): void;
    getState(): PageState<Raw, Restore> | undefined;
    setState(state: PageState<Raw, Restore>): void;
  };
  readonly values: () => Raw;
  readonly restore: () => Restore | undefined;
  readonly submitLabel: StringKey;
  /** The page's buttons, disabled while the request is sent; `disabled` may keep one disabled for other reasons. */
  readonly buttons: readonly string[];
  readonly disabled?: (id: string) => boolean;
  /** Control id of an error path, undefined for errors of the form as a whole. */
  readonly controlFor: (path: string) => string | undefined;
}

/**
 * The steps every form page goes through — edit, review, submitting, result — with the draft kept in the webview
 * state and mirrored to the host on every change, field errors on their controls, and a submit that cannot be sent
 * twice.
 */
export function formPage<Raw, Restore>(o: PageOptions<Raw, Restore>) {
  let step: Step = 'edit';
  const p = o.prefix;
  const app = (): HTMLElement => byId('app') ?? document.body;

  const save = (view: PageState<Raw, Restore>['view']): void => {
    const restore = o.restore();
    o.channel.setState({ values: o.values(), view, ...(restore === undefined ? {} : { restore }) });
  };

  const setStep = (next: Step): void => {
    step = next;
    const submitting = next === 'submitting';
    const reviewShown = next === 'review' || (submitting && (byId(`${p}-review-section`)?.childElementCount ?? 0) > 0);
    show(byId(`${p}-edit`), next === 'edit' || (submitting && !reviewShown));
    show(byId(`${p}-review-section`), reviewShown);
    show(byId(`${p}-result`), next === 'result');
    const fields = byId<HTMLFieldSetElement>(`${p}-fields`);
    if (fields) fields.disabled = submitting;
    for (const id of o.buttons) {
      const b = byId<HTMLButtonElement>(id);
      if (b) b.disabled = submitting || (o.disabled?.(id) ?? false);
    }
    app().setAttribute('aria-busy', String(submitting));
    setText(`${p}-submit-status`, submitting ? t('common.sendingStatus') : '');
    const submitButton = byId(`${p}-submit`);
    if (submitButton) submitButton.textContent = submitting ? t('common.sending') : t(o.submitLabel);
    if (next === 'edit' || next === 'review') save(next);
  };

  const submit = (): void => {
    if (step !== 'review') return;
    // Disabled at once, before the host confirms, so a double click cannot send twice.
    setStep('submitting');
    o.channel.post({ type: 'submit', values: o.values() });
  };

  return {
    get step(): Step {
      return step;
    },
    /**
     * Starts the page: the values of the page's saved state (a document rebuilt after hiding), else the host's draft
     * (with a note and a way to clear it), else the prefill; then the step the host is in.
     */
    start<Result>(init: PageInit<Raw, Result>, h: StartHooks<Raw, Result>): void {
      setStrings(init.strings);
      document.documentElement.lang = init.locale;
      const saved = o.channel.getState();
      const fromDraft = !saved && init.draft !== undefined && JSON.stringify(init.draft) !== JSON.stringify(init.prefill);
      h.use(structuredClone(saved?.values ?? init.draft ?? init.prefill));
      h.render();
      if (fromDraft) {
        renderBanner(byId(`${p}-draft-note`) ?? app(), { severity: 'info', message: t('common.draftRestored') }, [
          button(`${p}-clear`, t('common.clear'), () => h.startOver()),
        ]);
      }
      h.load();
      if (init.phase === 'result' && init.result) h.showResult(init.result);
      else if (init.phase === 'submitting') setStep('submitting');
      // The review of a previous document is gone with it; ask again rather than lose the step.
      else if (saved?.view === 'review') o.channel.post({ type: 'review', values: o.values() });
    },
    save,
    setStep,
    submit,
    // Sent at once, not debounced: the panel can be closed right after the last keystroke (Ctrl+W), and a draft
    // message sent later would reach a disposed panel.
    changed(): void {
      save('edit');
      o.channel.post({ type: 'draft', values: o.values() });
    },
    /** Field errors on their controls; the rest, or a summary, in the banner; focus on the first error. */
    showErrors(errors: readonly WireFieldError[], banner?: BannerData): void {
      setStep('edit');
      const loose: string[] = [];
      for (const e of errors) {
        const id = o.controlFor(e.path);
        if (id) setFieldError(id, errorText(e), e.serverMessage);
        else loose.push(e.serverMessage ? `${errorText(e)} ${serverSaid(e.serverMessage)}` : errorText(e));
      }
      const summary = loose.length ? loose.join(' ') : errors.length ? t('common.errorSummary') : undefined;
      renderBanner(byId(`${p}-banner`) ?? app(), banner ?? (summary === undefined ? undefined : { severity: 'error', message: summary }));
      if (!focusFirstError(app())) byId(`${p}-banner`)?.focus();
    },
    /** The review step: what the form adds, the exact request and CLI command, then send or go back. */
    showReview(request: Parameters<typeof renderRequest>[1], cli: string, ...before: Child[]): void {
      const section = byId(`${p}-review-section`);
      if (!section) return;
      section.replaceChildren(
        ...before.filter((c): c is Node | string => c !== null && c !== undefined && c !== false),
        renderRequest(p, request, cli, () => o.channel.post({ type: 'copyCli' })),
        el('p', { id: `${p}-submit-status`, className: 'status', attrs: { 'aria-live': 'polite' } }),
        el('div', { className: 'actions' },
          button(`${p}-submit`, t(o.submitLabel), submit, 'primary'),
          button(`${p}-back`, t('common.back'), () => setStep('edit'))),
      );
      setStep('review');
      section.focus();
    },
  };
}

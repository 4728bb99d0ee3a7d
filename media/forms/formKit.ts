// Webview-side toolkit shared by both forms: the private VS Code API handle, a typed channel that parses every
// message from the host, DOM helpers that only ever set text (never HTML), and field error display.
import type * as z from 'zod/mini';
import { INIT_DATA_ID, parseMessage } from '../../src/shared/protocol';
import type { StringKey } from '../../src/shared/strings';

// The API object stays inside this module: nothing else on the page can post to the host with it.
const api = acquireVsCodeApi();

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
    post: (msg) => api.postMessage(msg),
    onMessage(handler) {
      window.addEventListener('message', (ev: MessageEvent<unknown>) => {
        const msg = parseMessage(toWebview, ev.data);
        if (msg !== undefined) handler(msg);
      });
    },
    // Saved state is data from an earlier document of this page; it gets the same scrutiny as a message.
    getState: () => parseMessage(stateSchema, api.getState()),
    setState: (state) => api.setState(state),
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

/** Shows or clears the error of a control, keeping aria-invalid and aria-describedby in step. */
export function setFieldError(id: string, text: string | undefined): void {
  const control = byId(id);
  const slot = byId(`${id}-error`);
  if (!control || !slot) return;
  const errorId = `${id}-error`;
  const described = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== errorId);
  if (text) {
    slot.textContent = text;
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

// The generic host side of a form webview: one panel per form and target (opening again reveals it), a strict
// page that carries what the form starts from (no round trip before it is interactive), zod-parsed inbound
// messages, outbound messages held back until the webview says it is ready, and drafts mirrored into
// workspaceState so that closing and reopening the panel loses nothing.
import * as vscode from 'vscode';
import type * as z from 'zod/mini';
import { FORM_VIEW_TYPE } from '../constants';
import { parseMessage } from '../shared/protocol';
import { buildFormHtml, createNonce } from './html';

type Schema<T> = z.core.$ZodType<T>;

export interface FormPanelSpec<ToHost extends { type: string }, ToWebview extends { type: string }, Draft, Init> {
  readonly form: 'businessProcess' | 'userGroup';
  /** Identifies the form and target: opening the same key again reveals the panel instead. */
  readonly key: string;
  /** workspaceState key of the draft (profile, region, target). */
  readonly draftKey: string;
  readonly title: string;
  readonly toHost: Schema<ToHost>;
  readonly toWebview: Schema<ToWebview>;
  readonly draft: Schema<Draft>;
  /** The page's init data. */
  readonly init: Schema<Init>;
}

export interface FormPanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly workspaceState: vscode.Memento;
  readonly log: vscode.LogOutputChannel;
}

const VIEW_TYPE = FORM_VIEW_TYPE;

export class FormPanel<ToHost extends { type: string }, ToWebview extends { type: string }, Draft, Init> {
  private static readonly open = new Map<string, FormPanel<{ type: string }, { type: string }, unknown, unknown>>();

  /** The panel already open for this key, revealed; undefined if none. */
  static isOpen(key: string): boolean {
    return FormPanel.open.has(key);
  }

  static reveal(key: string): boolean {
    const existing = FormPanel.open.get(key);
    if (!existing) return false;
    existing.panel.reveal();
    return true;
  }

  readonly panel: vscode.WebviewPanel;
  /** Aborted when the panel closes, so no request outlives its form. */
  readonly signal: AbortSignal;
  private readonly abort = new AbortController();
  private ready = false;
  private disposed = false;
  private buffer: ToWebview[] = [];
  private latestDraft: Draft | undefined;
  private handler: ((msg: ToHost) => Promise<void> | void) | undefined;
  private initFactory: (() => Init) | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly deps: FormPanelDeps,
    private readonly spec: FormPanelSpec<ToHost, ToWebview, Draft, Init>,
    /** A panel VS Code restored after a window reload, to take over instead of creating one. */
    existing?: vscode.WebviewPanel,
  ) {
    this.signal = this.abort.signal;
    const options: vscode.WebviewPanelOptions & vscode.WebviewOptions = {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: [vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(deps.extensionUri, 'media')],
      // No retainContextWhenHidden: the webview keeps its draft with setState and is rebuilt when shown again.
    };
    if (existing) {
      this.panel = existing;
      this.panel.webview.options = options;
      this.panel.title = spec.title;
    } else {
      this.panel = vscode.window.createWebviewPanel(VIEW_TYPE[spec.form], spec.title, vscode.ViewColumn.Active, options);
    }
    this.latestDraft = this.storedDraft();
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((data: unknown) => this.receive(data)),
      this.panel.onDidChangeViewState(() => {
        if (this.panel.visible) return;
        // A hidden webview's document is destroyed; the new one announces itself with `ready` again, and starts
        // from the page set now, so it shows the phase and draft of this moment (later changes arrive as messages).
        this.ready = false;
        this.render();
      }),
      this.panel.onDidDispose(() => this.dispose()),
    );
    FormPanel.open.set(spec.key, this as unknown as FormPanel<{ type: string }, { type: string }, unknown, unknown>);
  }

  /** Starts the page. `init` builds the data each new webview document starts from. */
  start(init: () => Init, handler: (msg: ToHost) => Promise<void> | void): void {
    this.initFactory = init;
    this.handler = handler;
    this.render();
  }

  private render(): void {
    if (this.disposed || !this.initFactory) return;
    const initData = this.initFactory();
    const webview = this.panel.webview;
    const asUri = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, ...p)).toString();
    webview.html = buildFormHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: asUri('dist', 'webview', `${this.spec.form}.js`),
      styleUris: [asUri('media', 'form.css')],
      title: this.spec.title,
      lang: vscode.env.language,
      loadingText: vscode.l10n.t('Loading…'),
      form: this.spec.form,
      initData,
    });
    // Checked after the page is on its way, not before: the first check builds the schema, which the user would
    // otherwise wait for. A page refuses data that does not parse; the log then says why it never started.
    if (!parseMessage(this.spec.init, initData)) this.deps.log.warn(`[forms] ${this.spec.form}: the init data does not match its schema`);
  }

  get form(): FormPanelSpec<ToHost, ToWebview, Draft, Init>['form'] {
    return this.spec.form;
  }

  /** The latest draft the webview sent, or the one stored from an earlier panel. */
  get draft(): Draft | undefined {
    return this.latestDraft;
  }

  clearDraft(): void {
    this.latestDraft = undefined;
    void this.deps.workspaceState.update(this.spec.draftKey, undefined);
  }

  /** True once the user closed the panel. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  post(msg: ToWebview): void {
    if (this.disposed) return;
    if (!parseMessage(this.spec.toWebview, msg)) {
      // The webview would drop it; better to know here which message broke the protocol.
      this.deps.log.warn(`[forms] ${this.spec.form}: outgoing ${msg.type} message does not match the protocol`);
    }
    if (!this.ready) {
      this.buffer.push(msg);
      return;
    }
    void this.panel.webview.postMessage(msg);
  }

  private storedDraft(): Draft | undefined {
    const stored = this.deps.workspaceState.get<unknown>(this.spec.draftKey);
    return stored === undefined ? undefined : parseMessage(this.spec.draft, stored);
  }

  private receive(data: unknown): void {
    const msg = parseMessage(this.spec.toHost, data);
    if (!msg) {
      // Never log the payload: it may hold anything the page was made to send.
      const type = typeof data === 'object' && data !== null && 'type' in data ? String(data.type).slice(0, 40) : typeof data;
      this.deps.log.debug(`[forms] ${this.spec.form}: ignored a message that does not match the protocol (type ${type})`);
      return;
    }
    if (msg.type === 'ready') {
      this.ready = true;
      const pending = this.buffer;
      this.buffer = [];
      for (const m of pending) void this.panel.webview.postMessage(m);
      return;
    }
    if (msg.type === 'draft' && 'values' in msg) {
      const draft = parseMessage(this.spec.draft, msg.values);
      if (draft !== undefined) {
        this.latestDraft = draft;
        void this.deps.workspaceState.update(this.spec.draftKey, draft);
      }
      return;
    }
    const handler = this.handler;
    if (!handler) return;
    Promise.resolve()
      .then(() => handler(msg))
      .catch((e: unknown) => this.deps.log.error(`[forms] ${this.spec.form}: ${msg.type} failed: ${e instanceof Error ? e.message : String(e)}`));
  }

  private dispose(): void {
    this.disposed = true;
    this.abort.abort();
    if (FormPanel.open.get(this.spec.key) === (this as unknown)) FormPanel.open.delete(this.spec.key);
    for (const d of this.disposables) d.dispose();
  }
}

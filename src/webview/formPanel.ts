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
  readonly form: FormName;
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
  /**
   * Reads one of the extension's own files (VS Code's file system API, to be passed in where the form context is
   * made: this folder never touches the file system itself, see test/unit/fuzz). With it, every page carries its
   * bundle and stylesheet and may load nothing at all; without it, pages fetch them from the extension's resources.
   * Only ever called with the two paths of `PAGE_FILES` under `extensionUri`, never with anything from a message.
   */
  readonly readExtensionFile?: (uri: vscode.Uri) => Thenable<Uint8Array>;
}

/** The page's own code and style, read once per extension host and kept for every later page. */
interface PageFiles {
  readonly script: string;
  readonly style: string;
}

type FormName = 'businessProcess' | 'userGroup';

const PAGE_FILES = (form: FormName) => ({ script: ['dist', 'webview', `${form}.js`], style: ['media', 'form.css'] }) as const;

const pageFiles = new Map<string, PageFiles | Promise<PageFiles>>();

/** The files of a form's page: at once when read before, else a promise (a failed read is tried again next time). */
function loadPageFiles(deps: FormPanelDeps, read: NonNullable<FormPanelDeps['readExtensionFile']>, form: FormName): PageFiles | Promise<PageFiles> {
  const key = `${deps.extensionUri.toString()}#${form}`;
  const known = pageFiles.get(key);
  if (known) return known;
  const paths = PAGE_FILES(form);
  const text = async (p: readonly string[]) => new TextDecoder('utf-8', { fatal: true }).decode(await read(vscode.Uri.joinPath(deps.extensionUri, ...p)));
  const loading = Promise.all([text(paths.script), text(paths.style)]).then(
    ([script, style]) => {
      const files = { script, style };
      pageFiles.set(key, files);
      return files;
    },
    (e: unknown) => {
      pageFiles.delete(key);
      throw e;
    },
  );
  pageFiles.set(key, loading);
  return loading;
}

const VIEW_TYPE = FORM_VIEW_TYPE;

export class FormPanel<ToHost extends { type: string }, ToWebview extends { type: string }, Draft, Init> {
  private static readonly open = new Map<string, FormPanel<{ type: string }, { type: string }, unknown, unknown>>();

  /** Whether a panel is open for this key; nothing is revealed (reveal() does that). */
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
  /** Whether pages carry their script and style; false without a reader, or after inlining failed. */
  private inline: boolean;
  /** Counts renders, so that a page whose files arrive late never replaces a newer one. */
  private renders = 0;

  constructor(
    private readonly deps: FormPanelDeps,
    private readonly spec: FormPanelSpec<ToHost, ToWebview, Draft, Init>,
    /** A panel VS Code restored after a window reload, to take over instead of creating one. */
    existing?: vscode.WebviewPanel,
  ) {
    this.signal = this.abort.signal;
    this.inline = deps.readExtensionFile !== undefined;
    // Started now, read while VS Code creates the webview.
    if (deps.readExtensionFile) void Promise.resolve(loadPageFiles(deps, deps.readExtensionFile, spec.form)).catch(() => undefined);
    const options = this.options();
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

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      // An inline page loads nothing, so it gets no root at all; a linked one only its bundle and stylesheet folders.
      localResourceRoots: [...(this.inline ? [] : [vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.deps.extensionUri, 'media')])],
      // No retainContextWhenHidden: the webview keeps its draft with setState and is rebuilt when shown again.
    };
  }

  /** Starts the page. `init` builds the data each new webview document starts from. */
  start(init: () => Init, handler: (msg: ToHost) => Promise<void> | void): void {
    this.initFactory = init;
    this.handler = handler;
    this.render();
  }

  private render(): void {
    if (this.disposed || !this.initFactory) return;
    const render = ++this.renders;
    const read = this.deps.readExtensionFile;
    if (!this.inline || !read) {
      this.setPage(undefined);
      return;
    }
    const files = loadPageFiles(this.deps, read, this.spec.form);
    if (!(files instanceof Promise)) {
      this.setPage(files);
      return;
    }
    files.then(
      (f) => {
        if (render === this.renders && !this.disposed) this.setPage(f);
      },
      (e: unknown) => {
        if (render !== this.renders || this.disposed) return;
        this.deps.log.error(`[forms] ${this.spec.form}: reading the page's script and style failed (${e instanceof Error ? e.message : String(e)}); the page fetches them instead`);
        this.linkInstead();
      },
    );
  }

  /** From now on pages fetch their script and style, which needs the resource roots back. */
  private linkInstead(): void {
    this.inline = false;
    this.panel.webview.options = this.options();
    this.setPage(undefined);
  }

  /** Sets the page: with the files inline, else linked to them. The init data is taken now, as of this moment. */
  private setPage(files: PageFiles | undefined): void {
    if (this.disposed || !this.initFactory) return;
    const initData = this.initFactory();
    const webview = this.panel.webview;
    const common = {
      nonce: createNonce(),
      title: this.spec.title,
      lang: vscode.env.language,
      loadingText: vscode.l10n.t('Loading…'),
      form: this.spec.form,
      initData,
    };
    let html: string;
    if (files) {
      try {
        html = buildFormHtml({ ...common, script: files.script, style: files.style });
      } catch (e) {
        // A bundle that could end its own element early (see rawTextFor): a build bug, never served inline.
        this.deps.log.error(`[forms] ${this.spec.form}: ${e instanceof Error ? e.message : String(e)}; the page fetches them instead`);
        this.linkInstead();
        return;
      }
    } else {
      const asUri = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, ...p)).toString();
      html = buildFormHtml({
        ...common,
        cspSource: webview.cspSource,
        scriptUri: asUri('dist', 'webview', `${this.spec.form}.js`),
        styleUris: [asUri('media', 'form.css')],
      });
    }
    webview.html = html;
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

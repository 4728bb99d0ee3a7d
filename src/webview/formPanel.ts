// The generic host side of a form webview: one panel per form and target (panelRegistry.ts), a strict page that
// carries what the form starts from (pageRenderer.ts), zod-parsed inbound messages, outbound messages held back
// until the webview says it is ready (ReadyBuffer), and drafts mirrored into workspaceState (DraftStore) so that
// closing and reopening the panel loses nothing.
import * as vscode from 'vscode';
import type * as z from 'zod/mini';
import { FORM_VIEW_TYPE } from '../constants';
import { DraftStore } from '../forms/draftStore';
import type { FormName } from '../forms/formController';
import { ReadyBuffer } from '../forms/readyBuffer';
import { parseMessage } from '../shared/protocol';
import { PageRenderer } from './pageRenderer';
import type { ExtensionFileReader } from './pageFiles';
import { registerPanel } from './panelRegistry';

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
  readonly readExtensionFile?: ExtensionFileReader;
}

export class FormPanel<ToHost extends { type: string }, ToWebview extends { type: string }, Draft, Init> {
  readonly panel: vscode.WebviewPanel;
  /** Aborted when the panel closes, so no request outlives its form. */
  readonly signal: AbortSignal;
  private readonly abort = new AbortController();
  private disposed = false;
  private readonly page: PageRenderer<Init>;
  private readonly buffer: ReadyBuffer<ToWebview>;
  private readonly drafts: DraftStore<Draft>;
  private handler: ((msg: ToHost) => Promise<void> | void) | undefined;
  private readonly unregister: () => void;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly deps: FormPanelDeps,
    private readonly spec: FormPanelSpec<ToHost, ToWebview, Draft, Init>,
    /** A panel VS Code restored after a window reload, to take over instead of creating one. */
    existing?: vscode.WebviewPanel,
  ) {
    this.signal = this.abort.signal;
    this.page = new PageRenderer(deps, spec);
    const options = this.page.options();
    if (existing) {
      this.panel = existing;
      this.panel.webview.options = options;
      this.panel.title = spec.title;
    } else {
      this.panel = vscode.window.createWebviewPanel(FORM_VIEW_TYPE[spec.form], spec.title, vscode.ViewColumn.Active, options);
    }
    this.buffer = new ReadyBuffer((msg) => void this.panel.webview.postMessage(msg));
    this.drafts = new DraftStore(deps.workspaceState, spec.draftKey, (data) => parseMessage(spec.draft, data));
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((data: unknown) => this.receive(data)),
      this.panel.onDidChangeViewState(() => {
        if (this.panel.visible) return;
        // A hidden webview's document is destroyed; the new one announces itself with `ready` again, and starts
        // from the page set now, so it shows the phase and draft of this moment (later changes arrive as messages).
        this.buffer.hold();
        this.page.render();
      }),
      this.panel.onDidDispose(() => this.dispose()),
    );
    this.unregister = registerPanel(spec.key, this.panel);
  }

  /** Starts the page. `init` builds the data each new webview document starts from. */
  start(init: () => Init, handler: (msg: ToHost) => Promise<void> | void): void {
    this.handler = handler;
    this.page.bind(this.panel, init, () => !this.disposed);
    this.page.render();
  }

  /** The latest draft the webview sent, or the one stored from an earlier panel. */
  get draft(): Draft | undefined {
    return this.drafts.current;
  }

  clearDraft(): void {
    this.drafts.clear();
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
    this.buffer.post(msg);
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
      this.buffer.markReady();
      return;
    }
    if (msg.type === 'draft' && 'values' in msg) {
      this.drafts.save(msg.values);
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
    this.unregister();
    for (const d of this.disposables) d.dispose();
  }
}

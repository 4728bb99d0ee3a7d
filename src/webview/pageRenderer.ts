// Sets a form panel's page: with its script and style inline (read once, see pageFiles.ts) so the page loads
// nothing, or, without a reader or after inlining failed, linked to them under the extension's resource roots.
import * as vscode from 'vscode';
import type * as z from 'zod/mini';
import type { PageName } from './html';
import { parseMessage } from '../shared/protocol';
import { buildFormHtml, createNonce } from './html';
import { loadPageFiles, type ExtensionFileReader, type PageFiles } from './pageFiles';

export interface PageRendererDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  /** Without it, pages fetch their script and style from the extension's resources. */
  readonly readExtensionFile?: ExtensionFileReader;
}

export interface PageSpec<Init> {
  readonly form: PageName;
  readonly title: string;
  /** The page's init data. */
  readonly init: z.core.$ZodType<Init>;
}

export class PageRenderer<Init> {
  /** Whether pages carry their script and style; false without a reader, or after inlining failed. */
  private inline: boolean;
  /** Counts renders, so that a page whose files arrive late never replaces a newer one. */
  private renders = 0;
  private target: { panel: vscode.WebviewPanel; init: () => Init; live: () => boolean } | undefined;

  constructor(private readonly deps: PageRendererDeps, private readonly spec: PageSpec<Init>) {
    this.inline = deps.readExtensionFile !== undefined;
    // Started now, read while VS Code creates the webview.
    if (deps.readExtensionFile) void Promise.resolve(loadPageFiles(deps.extensionUri, deps.readExtensionFile, spec.form)).catch(() => undefined);
  }

  options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      // An inline page loads nothing, so it gets no root at all; a linked one only its bundle and stylesheet folders.
      localResourceRoots: [...(this.inline ? [] : [vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.deps.extensionUri, 'media')])],
      // No retainContextWhenHidden: the webview keeps its draft with setState and is rebuilt when shown again.
    };
  }

  /** Renders into `panel` from now on; `init` builds the data each new page starts from, `live` is false once closed. */
  bind(panel: vscode.WebviewPanel, init: () => Init, live: () => boolean): void {
    this.target = { panel, init, live };
  }

  render(): void {
    if (!this.target?.live()) return;
    const render = ++this.renders;
    const read = this.deps.readExtensionFile;
    if (!this.inline || !read) {
      this.setPage(undefined);
      return;
    }
    const files = loadPageFiles(this.deps.extensionUri, read, this.spec.form);
    if (!(files instanceof Promise)) {
      this.setPage(files);
      return;
    }
    files.then(
      (f) => {
        if (render === this.renders) this.setPage(f);
      },
      (e: unknown) => {
        if (render !== this.renders || !this.target?.live()) return;
        this.deps.log.error(`[forms] ${this.spec.form}: reading the page's script and style failed (${e instanceof Error ? e.message : String(e)}); the page fetches them instead`);
        this.linkInstead();
      },
    );
  }

  /** From now on pages fetch their script and style, which needs the resource roots back. */
  private linkInstead(): void {
    this.inline = false;
    if (this.target) this.target.panel.webview.options = this.options();
    this.setPage(undefined);
  }

  /** Sets the page: with the files inline, else linked to them. The init data is taken now, as of this moment. */
  private setPage(files: PageFiles | undefined): void {
    const target = this.target;
    if (!target?.live()) return;
    const initData = target.init();
    const webview = target.panel.webview;
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
}

// The VS Code side of both forms: opening or revealing a panel per target, taking over a restored one, and mounting
// a form's controller (src/forms) on its panel with the port it talks through: the page, the clipboard, notifications
// for when the panel is closed, the failure helpers bound to the UI locale and the redactor, and the form's texts.
import * as vscode from 'vscode';
import type { FormErrors, FormEnv, FormPort } from '../forms/port';
import type { FormContext } from './forms';
import { FormPanel, type FormPanelSpec } from './formPanel';
import { isPanelOpen, revealPanel } from './panelRegistry';
import { inertText } from '../util/inertText';
import { asDataWorksError, isCancellation, type Locale } from '../base/errors';
import { errorBanner, errorLine, redactResult, uiLocale } from './hostSupport';
import { formStrings } from './strings';

/** Opens the form for `key`, or brings its open panel to the front. */
export function openOrReveal(key: string, create: () => { start(): void }): void {
  if (!revealPanel(key)) create().start();
}

/** Takes over a panel restored after a window reload; false when it belongs to another profile or is open already. */
export function takeOver(ctx: FormContext, profile: string, key: string, create: () => { start(): void }): boolean {
  if (profile !== ctx.profileName || isPanelOpen(key)) return false;
  create().start();
  return true;
}

/** What the panel needs of a controller. */
interface Controller<ToHost, Init> {
  init(): Init;
  handle(msg: ToHost): Promise<void> | void;
  start(): void;
}

/** A form's panel with its controller, made by `create` from the port; started by `start()`. */
export function mountForm<ToHost extends { type: string }, ToWebview extends { type: string }, Raw, Init, Texts>(
  ctx: FormContext,
  region: string,
  spec: Omit<FormPanelSpec<ToHost, ToWebview, Raw, Init>, 'draftKey'>,
  existing: vscode.WebviewPanel | undefined,
  texts: Texts,
  create: (env: FormEnv<ToWebview, Raw, Texts>) => Controller<ToHost, Init>,
): { start(): void } {
  const panel = new FormPanel(ctx, { ...spec, draftKey: `${spec.key}/draft` }, existing);
  const locale = uiLocale();
  const controller = create({
    region,
    locale,
    services: ctx,
    log: ctx.log,
    texts,
    pageStrings: () => formStrings(spec.form === 'businessProcess' ? 'bp' : 'ug'),
    errors: formErrors(locale, ctx.redact),
    port: panelPort(ctx, panel),
  });
  return {
    start: () => {
      panel.start(() => controller.init(), (msg) => controller.handle(msg));
      controller.start();
    },
  };
}

type PortSide<ToWebview, Raw> = Pick<FormPanel<{ type: string }, ToWebview & { type: string }, Raw, unknown>, 'post' | 'isDisposed' | 'signal' | 'draft' | 'clearDraft'>;

function panelPort<ToWebview extends { type: string }, Raw>(ctx: FormContext, panel: PortSide<ToWebview, Raw>): FormPort<ToWebview, Raw> {
  return {
    post: (msg) => panel.post(msg),
    get closed() {
      return panel.isDisposed;
    },
    signal: panel.signal,
    get draft() {
      return panel.draft;
    },
    clearDraft: () => panel.clearDraft(),
    copy: async (text, announce) => {
      await vscode.env.clipboard.writeText(text);
      if (announce) vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', text), 3000);
    },
    // A notification after the panel closed: it carries names and the server's message, outside text both.
    notify: (severity, text) => {
      if (severity === 'info') void vscode.window.showInformationMessage(inertText(ctx.redact(text)));
      else void vscode.window.showWarningMessage(inertText(ctx.redact(text)));
    },
  };
}

/** The failure helpers for a controller, the banner and the line bound to the UI locale and the redactor. */
function formErrors(locale: Locale, redact: (text: string) => string): FormErrors {
  return {
    asDataWorksError,
    isCancelled: isCancellation,
    errorBanner: (e) => errorBanner(e, locale, redact),
    errorLine: (e) => errorLine(e, locale, redact),
    redactResult: (result) => redactResult(result, redact),
  };
}

// What both form hosts share: the panel set-up, opening or revealing a panel per target, taking over a restored one,
// failed lookups, and the review → submit flow (host-side checks, one write at a time, the outcome shown on the form
// or, once the panel is closed, in a notification). Each form adds its lookups, rules, request and result.
import * as vscode from 'vscode';
import type { DataWorksService } from '../api';
import type { WireFieldError } from '../shared/protocol';
import { aliyunCliCommand, type WireRequest } from '../shared/requests';
import type { Checked } from '../shared/schemas';
import type { FormContext } from './forms';
import { FormPanel, type FormPanelSpec } from './formPanel';
import { inertText } from '../util/inertText';
import { asDataWorksError, errorLine, isCancelled, isForbidden, redactResult, uiLocale } from './hostSupport';
import type { RecentChecks } from './recentChecks';

type Phase = 'edit' | 'submitting' | 'result';

/** The host → webview messages every form has (each form's union holds them; see `FormHost.widen`). */
export type CommonToWebview<Result, Lookup extends string> =
  | { type: 'fieldErrors'; errors: WireFieldError[] }
  | { type: 'review'; request: WireRequest; cli: string }
  | { type: 'submitting' }
  | { type: 'result'; result: Result }
  | { type: 'lookupFailed'; seq: number; lookup: Lookup | 'nameCheck'; message: string; code?: string; forbidden: boolean };

/** Opens the form for `key`, or brings its open panel to the front. */
export function openOrReveal(key: string, create: () => { start(): void }): void {
  if (!FormPanel.reveal(key)) create().start();
}

/** Takes over a panel restored after a window reload; false when it belongs to another profile or is open already. */
export function takeOver(ctx: FormContext, profile: string, key: string, create: () => { start(): void }): boolean {
  if (profile !== ctx.profileName || FormPanel.isOpen(key)) return false;
  create().start();
  return true;
}

export abstract class FormHost<
  ToHost extends { type: string },
  ToWebview extends { type: string },
  Raw,
  Init,
  Value,
  Result extends { outcome: string },
  Lookup extends string,
> {
  protected readonly panel: FormPanel<ToHost, ToWebview, Raw, Init>;
  protected readonly locale = uiLocale();
  protected phase: Phase = 'edit';
  protected result: Result | undefined;
  private lastCli: string | undefined;

  protected constructor(
    protected readonly ctx: FormContext,
    protected readonly region: string,
    spec: Omit<FormPanelSpec<ToHost, ToWebview, Raw, Init>, 'draftKey'>,
    existing: vscode.WebviewPanel | undefined,
    /**
     * Pass `(m) => m`: it compiles only when the form's own union holds every common message, which is what lets
     * this class post them without a cast (FormPanel also checks every message against the schema at run time).
     */
    private readonly widen: (msg: CommonToWebview<Result, Lookup>) => ToWebview,
  ) {
    this.panel = new FormPanel(ctx, { ...spec, draftKey: `${spec.key}/draft` }, existing);
  }

  start(): void {
    this.panel.start(() => this.init(), (msg) => this.handle(msg));
  }

  /** What a new page of this form starts from. */
  protected abstract init(): Init;
  protected abstract handle(msg: ToHost): Promise<void> | void;
  /** The form's rules, as the webview runs them too; the host never trusts the webview's verdict. */
  protected abstract check(raw: Raw): Checked<Value>;
  /** Field errors for names the server already has (a courtesy check: the caller logs and goes on if it fails). */
  protected abstract nameConflicts(value: Value): Promise<WireFieldError[]>;
  protected abstract request(value: Value): WireRequest;
  /** The review message; a form may add to what the base shows. */
  protected reviewMessage(_value: Value, request: WireRequest, cli: string): ToWebview {
    return this.widen({ type: 'review', request, cli });
  }
  /** Sends the write; the success result, and the notification for when the panel was closed meanwhile. */
  protected abstract write(service: DataWorksService, value: Value): Promise<{ result: Result; closedText: string }>;
  /** The result of a failed write, never resent by itself, and the notification for when the panel was closed. */
  protected abstract failure(e: unknown, raw: Raw): { result: Result; closedText: string };
  /** Name verdicts shared by leaving the name box, the review and the submit; dropped before every write. */
  protected abstract readonly nameChecks: Pick<RecentChecks<unknown>, 'clear'>;

  protected service(): Promise<DataWorksService> {
    return this.ctx.getService(this.region);
  }

  protected post(msg: CommonToWebview<Result, Lookup>): void {
    this.panel.post(this.widen(msg));
  }

  /** The check the webview asked for as the user typed. */
  protected validateNow(raw: Raw): void {
    const checked = this.check(raw);
    this.post({ type: 'fieldErrors', errors: checked.ok ? [] : checked.errors });
  }

  protected async copyCli(): Promise<void> {
    if (this.lastCli) await vscode.env.clipboard.writeText(this.lastCli);
  }

  /** "Start over" after a result (ignored while a write is in flight). */
  protected reset(): void {
    if (this.phase === 'submitting') return;
    this.phase = 'edit';
    this.result = undefined;
  }

  protected lookupFailed(seq: number, lookup: Lookup | 'nameCheck', e: unknown): void {
    if (isCancelled(e)) return;
    const dw = asDataWorksError(e);
    this.ctx.log.warn(`[forms] ${this.panel.form}: loading ${lookup} failed: ${dw ? `${dw.code} ${dw.userMessage('en')}` : String(e)}`);
    // A status line under the list: one line of text, with what DataWorks said and the request ID in it.
    const message = errorLine(e, this.locale, this.ctx.redact);
    this.post({ type: 'lookupFailed', seq, lookup, message, ...(dw?.code ? { code: dw.code.slice(0, 200) } : {}), forbidden: isForbidden(e) });
  }

  /** The rules again, then the server's name check; field errors go to the form. */
  private async validate(raw: Raw): Promise<Value | undefined> {
    const checked = this.check(raw);
    if (!checked.ok) {
      this.post({ type: 'fieldErrors', errors: checked.errors });
      return undefined;
    }
    try {
      const errors = await this.nameConflicts(checked.value);
      if (errors.length) {
        this.post({ type: 'fieldErrors', errors });
        return undefined;
      }
    } catch (e) {
      // The check is a courtesy; if it cannot run, the server has the last word.
      if (isCancelled(e)) return undefined;
      this.ctx.log.warn(`[forms] ${this.panel.form}: name check failed: ${asDataWorksError(e)?.code ?? String(e)}`);
    }
    return checked.value;
  }

  protected async review(raw: Raw): Promise<void> {
    if (this.phase === 'submitting') return;
    const value = await this.validate(raw);
    if (!value) return;
    const request = this.request(value);
    this.lastCli = aliyunCliCommand(request);
    this.panel.post(this.reviewMessage(value, request, this.lastCli));
  }

  protected async submit(raw: Raw): Promise<void> {
    // One submission at a time, and none after a success until the user starts over.
    if (this.phase !== 'edit') return;
    this.phase = 'submitting';
    this.post({ type: 'submitting' });
    try {
      const value = await this.validate(raw);
      if (!value) {
        this.phase = 'edit';
        return;
      }
      const service = await this.service();
      // Whatever the write does, the name verdicts from before it no longer hold.
      this.nameChecks.clear();
      const { result, closedText } = await this.write(service, value);
      this.show(result);
      this.panel.clearDraft();
      if (this.panel.isDisposed) void vscode.window.showInformationMessage(this.notice(closedText));
    } catch (e) {
      if (isCancelled(e) && !this.panel.isDisposed) return;
      const { result, closedText } = this.failure(e, raw);
      this.show(result);
      // The panel is gone; the draft in workspaceState still holds every value for the next opening.
      if (this.panel.isDisposed) void vscode.window.showWarningMessage(this.notice(closedText));
    }
  }

  /** A notification after the panel closed: it carries names and the server's message, outside text both. */
  private notice(text: string): string {
    return inertText(this.ctx.redact(text));
  }

  /** An error puts the form back in edit with the error on it; any other outcome stays until the user starts over. */
  private show(shown: Result): void {
    const result = redactResult(shown, this.ctx.redact);
    const error = result.outcome === 'error';
    this.phase = error ? 'edit' : 'result';
    this.result = error ? undefined : result;
    this.post({ type: 'result', result });
  }
}

// What both forms' controllers share: the phases (edit → submitting → result), answering the page's lookups by
// their sequence number, and the review → submit flow (host-side checks, one write at a time, the outcome shown on
// the form or, once the panel is closed, in a notification). Each form adds its lookups, rules, request and result.
// No `vscode` here: the controller reaches the panel, clipboard, notifications and services through its FormEnv.
import type { DataWorksService } from '../api';
import type { CommonToHost, CommonToWebview, WireFieldError } from '../shared/protocol';
import { aliyunCliCommand, type WireRequest } from '../shared/requests';
import type { Checked } from '../shared/schemas';
import type { StringKey } from '../shared/strings';
import type { Locale } from '../base/errors';
import type { FormEnv } from './port';
import type { RecentChecks } from './recentChecks';

export type Phase = 'edit' | 'submitting' | 'result';
export type FormName = 'businessProcess' | 'userGroup';

export abstract class FormController<
  ToHost extends { type: string },
  ToWebview extends { type: string },
  Raw,
  Init,
  Value,
  Result extends { outcome: string },
  Lookup extends string,
  Texts,
> {
  protected phase: Phase = 'edit';
  protected result: Result | undefined;
  private lastCli: string | undefined;

  protected constructor(
    readonly form: FormName,
    protected readonly env: FormEnv<ToWebview, Raw, Texts>,
    /**
     * Pass `(m) => m`: it compiles only when the form's own union holds every common message, which is what lets
     * this class post them without a cast (the panel also checks every message against the schema at run time).
     */
    private readonly widen: (msg: CommonToWebview<Result, Lookup>) => ToWebview,
  ) {}

  protected get region(): string {
    return this.env.region;
  }

  /** Called once the page is set; a form may start loading what it needs. */
  start(): void {}

  /** What a new page of this form starts from. */
  abstract init(): Init;

  /** The part of a page's init data every form has: its texts, the draft, and the phase and result of this moment. */
  protected initCommon(): { strings: Partial<Record<StringKey, string>>; locale: Locale; region: string; draft?: Raw; phase: Phase; result?: Result } {
    const draft = this.env.port.draft;
    return {
      strings: this.env.pageStrings(),
      locale: this.env.locale,
      region: this.region,
      ...(draft ? { draft } : {}),
      phase: this.phase,
      ...(this.result ? { result: this.result } : {}),
    };
  }
  /** A message from the page, parsed against the form's schema (the panel keeps `ready` and `draft` for itself). */
  abstract handle(msg: ToHost): Promise<void> | void;
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

  /** The messages every form has; each form's `handle` passes them here. */
  protected handleCommon(msg: CommonToHost<Raw>): Promise<void> | void {
    switch (msg.type) {
      case 'validate':
        return this.validateNow(msg.values);
      case 'review':
        return this.review(msg.values);
      case 'submit':
        return this.submit(msg.values);
      case 'copyCli':
        return this.lastCli === undefined ? undefined : this.env.port.copy(this.lastCli, false);
      case 'reset':
        return this.reset();
      case 'ready':
      case 'draft':
        return;
    }
  }

  protected service(): Promise<DataWorksService> {
    return this.env.services.getService(this.region);
  }

  protected post(msg: CommonToWebview<Result, Lookup>): void {
    this.env.port.post(this.widen(msg));
  }

  /**
   * Answers the lookup the page asked for under `seq`: with `reply` of what `load` gives, or with a lookupFailed of
   * the same `seq`. The page matches answers by `seq`, so they may arrive in any order.
   */
  protected async answer<T>(seq: number, lookup: Lookup | 'nameCheck', load: () => Promise<T>, reply: (value: T) => ToWebview): Promise<void> {
    try {
      this.env.port.post(reply(await load()));
    } catch (e) {
      this.lookupFailed(seq, lookup, e);
    }
  }

  private lookupFailed(seq: number, lookup: Lookup | 'nameCheck', e: unknown): void {
    const failed = this.env.services.reportError(e, `[forms] ${this.form}: loading ${lookup}`);
    if (failed.kind === 'cancelled') return;
    // A status line under the list: one line of text, with what DataWorks said and the request ID in it.
    const message = this.env.errors.errorLine(e);
    this.post({ type: 'lookupFailed', seq, lookup, message, ...(failed.code ? { code: failed.code.slice(0, 200) } : {}), forbidden: failed.kind === 'forbidden' });
  }

  /** The check the webview asked for as the user typed. */
  private validateNow(raw: Raw): void {
    const checked = this.check(raw);
    this.post({ type: 'fieldErrors', errors: checked.ok ? [] : checked.errors });
  }

  /** "Start over" after a result (ignored while a write is in flight). */
  private reset(): void {
    if (this.phase === 'submitting') return;
    this.phase = 'edit';
    this.result = undefined;
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
      if (this.env.errors.isCancelled(e)) return undefined;
      this.env.log.warn(`[forms] ${this.form}: name check failed: ${this.env.errors.asDataWorksError(e)?.code ?? String(e)}`);
    }
    return checked.value;
  }

  private async review(raw: Raw): Promise<void> {
    if (this.phase === 'submitting') return;
    const value = await this.validate(raw);
    if (!value) return;
    const request = this.request(value);
    this.lastCli = aliyunCliCommand(request);
    this.env.port.post(this.reviewMessage(value, request, this.lastCli));
  }

  private async submit(raw: Raw): Promise<void> {
    const port = this.env.port;
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
      port.clearDraft();
      if (port.closed) port.notify('info', closedText);
    } catch (e) {
      if (this.env.errors.isCancelled(e) && !port.closed) return;
      const { result, closedText } = this.failure(e, raw);
      this.show(result);
      // The panel is gone; the stored draft still holds every value for the next opening.
      if (port.closed) port.notify('warning', closedText);
    }
  }

  /** An error puts the form back in edit with the error on it; any other outcome stays until the user starts over. */
  private show(shown: Result): void {
    const result = this.env.errors.redactResult(shown);
    const error = result.outcome === 'error';
    this.phase = error ? 'edit' : 'result';
    this.result = error ? undefined : result;
    this.post({ type: 'result', result });
  }
}

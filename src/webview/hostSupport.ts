// Host-side helpers shared by both forms: the UI locale, turning failures into what the form shows, and paging.
import * as vscode from 'vscode';
import type { Banner } from '../shared/protocol';
import { apiErrorBanner } from '../shared/serverErrors';
import type { Page } from '../api';

export type Locale = 'en' | 'zh-cn';

export function uiLocale(): Locale {
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/**
 * What the forms need of the API layer's DataWorksError. Recognised by shape rather than `instanceof`, so the forms
 * neither depend on where the class is exported from nor break when it comes from another bundle.
 */
export interface DataWorksErrorLike {
  readonly name: 'DataWorksError';
  readonly action: string;
  readonly code: string;
  readonly message: string;
  readonly kind: string;
  readonly httpStatus?: number;
  readonly requestId?: string;
  readonly retryable: boolean;
  readonly createVerdict?: 'created' | 'not-created' | 'unknown';
  readonly field?: string;
  /** Everything on one line: ours, what DataWorks said, the request ID. */
  userMessage(locale: Locale): string;
  /** Our explanation and, apart, the server's own words when they add to it. */
  userMessageParts(locale: Locale): { readonly message: string; readonly serverMessage?: string };
}

export function asDataWorksError(e: unknown): DataWorksErrorLike | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const c = e as Partial<Record<keyof DataWorksErrorLike, unknown>>;
  return c.name === 'DataWorksError' && typeof c.code === 'string' && typeof c.kind === 'string' && typeof c.userMessage === 'function'
    && typeof c.userMessageParts === 'function'
    ? (e as DataWorksErrorLike)
    : undefined;
}

export function isCancelled(e: unknown): boolean {
  return asDataWorksError(e)?.kind === 'cancelled' || (e instanceof Error && e.name === 'AbortError');
}

/**
 * The message at the top of a form for a failure, with the code and request ID to quote to support; for an API error,
 * what DataWorks said comes apart, for a line of its own (see apiErrorBanner). Every text passes `redact`.
 */
export function errorBanner(e: unknown, locale: Locale, redact: (text: string) => string): Banner {
  const dw = asDataWorksError(e);
  if (dw) return apiErrorBanner(dw, locale, redact);
  const detail = e instanceof Error ? e.message : String(e);
  return { severity: 'error', message: redact(vscode.l10n.t('Something went wrong: {0}', detail)).slice(0, 4000) };
}

/** A failure on one line of text (a status line, a notification): ours, what DataWorks said, the request ID. */
export function errorLine(e: unknown, locale: Locale, redact: (text: string) => string): string {
  const dw = asDataWorksError(e);
  return dw ? redact(dw.userMessage(locale)).slice(0, 4000) : errorBanner(e, locale, redact).message;
}

/** A result's banner and field error texts through the redactor: the host's last step before a result reaches the page. */
export function redactResult<R extends { outcome: string }>(result: R, redact: (text: string) => string): R {
  const fields: { outcome: string; banner?: unknown; errors?: unknown } = result;
  const banner = isBannerLike(fields.banner)
    ? { banner: { ...fields.banner, message: redact(fields.banner.message), ...serverMessage(fields.banner, redact) } }
    : {};
  const errors = Array.isArray(fields.errors)
    ? { errors: fields.errors.map((e: unknown) => (isTextLike(e) ? { ...e, text: redact(e.text), ...serverMessage(e, redact) } : e)) }
    : {};
  return { ...result, ...banner, ...errors };
}

function isBannerLike(v: unknown): v is { message: string } {
  return typeof v === 'object' && v !== null && typeof (v as { message?: unknown }).message === 'string';
}

function isTextLike(v: unknown): v is { text: string } {
  return typeof v === 'object' && v !== null && typeof (v as { text?: unknown }).text === 'string';
}

/** What DataWorks said, where a banner or field error carries it, through the redactor too. */
function serverMessage(v: object, redact: (text: string) => string): { serverMessage?: string } {
  const said = (v as { serverMessage?: unknown }).serverMessage;
  return typeof said === 'string' ? { serverMessage: redact(said) } : {};
}

/** Whether a failed lookup is a permission problem, after which typing the value is the way on. */
export function isForbidden(e: unknown): boolean {
  const dw = asDataWorksError(e);
  return dw !== undefined && (dw.httpStatus === 403 || /^forbidden|permission|nopermission/i.test(dw.code));
}

/** Reads pages until the list is complete or `maxItems` is reached. */
export async function collectPages<T>(
  load: (pageNumber: number, pageSize: number) => Promise<Page<T>>,
  pageSize: number,
  maxItems: number,
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await load(pageNumber, pageSize);
    items.push(...page.items);
    if (items.length >= maxItems) return { items: items.slice(0, maxItems), truncated: page.totalCount > maxItems || items.length > maxItems };
    if (page.items.length === 0 || items.length >= page.totalCount || page.items.length < pageSize) return { items, truncated: false };
  }
}

/** Keys of drafts and panels: one per form, profile, region and target. */
export { formKey } from '../util/formKeys';

// Host-side helpers shared by both forms: the UI locale, turning failures into what the form shows, and paging.
import * as vscode from 'vscode';
import type { Banner } from '../shared/protocol';
import { classify, type Locale } from '../base/errors';
import { apiErrorBanner } from '../shared/serverErrors';

export function uiLocale(): Locale {
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/**
 * The message at the top of a form for a failure, with the code and request ID to quote to support; for an API error,
 * what DataWorks said comes apart, for a line of its own (see apiErrorBanner). Every text passes `redact`.
 */
export function errorBanner(e: unknown, locale: Locale, redact: (text: string) => string): Banner {
  const failed = classify(e, locale);
  if (failed.parts) return apiErrorBanner(failed, redact);
  return { severity: 'error', message: redact(vscode.l10n.t('Something went wrong: {0}', failed.message)).slice(0, 4000) };
}

/** A failure on one line of text (a status line, a notification): ours, what DataWorks said, the request ID. */
export function errorLine(e: unknown, locale: Locale, redact: (text: string) => string): string {
  const failed = classify(e, locale);
  return failed.parts ? redact(failed.message).slice(0, 4000) : errorBanner(e, locale, redact).message;
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

/** Keys of drafts and panels: one per form, profile, region and target. */
export { formKey } from '../util/formKeys';

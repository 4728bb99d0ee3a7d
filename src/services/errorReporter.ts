import { classify, type ClassifiedError, type Locale } from '../base/errors';
import type { Logger } from '../util/log';
import type { Redactor } from '../util/redact';
import type { AuthState } from './authState';

export interface ErrorReporterDeps {
  readonly log: Logger;
  readonly redactor: Redactor;
  readonly auth: Pick<AuthState, 'markRejected'>;
  readonly locale: () => Locale;
  /** The active profile's name, the one a failure is charged to unless the caller names another. */
  readonly activeProfile: () => string | undefined;
}

/** A classified failure whose texts have been through the redactor, ready to show (outside text still: see inertText). */
export type ReportedError = ClassifiedError;

/**
 * Reports a failure once: a cancel is silent; anything else is logged (redacted, with code and request ID) as
 * "`where` failed", and a rejected key turns the status bar red for `profile` (the profile whose keys were used; the
 * active one by default). Returns what to tell the user; where and how to show it is the caller's.
 */
export type ReportError = (error: unknown, where: string, profile?: string) => ReportedError;

/** The one error reporter of the commands, the tree and the forms. */
export function createErrorReporter(d: ErrorReporterDeps): ReportError {
  const redact = (text: string): string => d.redactor.redact(text);
  return (e, where, profile) => {
    const c = classify(e, d.locale());
    if (c.kind === 'cancelled') return c;
    d.log.failure(`${where} failed:`, e);
    if (c.kind === 'credentials-rejected') {
      const rejected = profile ?? d.activeProfile();
      if (rejected !== undefined) d.auth.markRejected(rejected);
    }
    const parts = c.parts && { message: redact(c.parts.message), ...(c.parts.serverMessage === undefined ? {} : { serverMessage: redact(c.parts.serverMessage) }) };
    return { ...c, message: redact(c.message), ...(parts ? { parts } : {}) };
  };
}

import type { Translate } from '../util/translate';
import type { Redactor } from '../util/redact';
import type { ReportError } from './errorReporter';

export interface LoadErrorDeps {
  readonly t: Translate;
  readonly report: ReportError;
  readonly redactor: Redactor;
}

/**
 * What a failed tree load does: reported once (one log line with code and request ID, the status bar turned red
 * when the server rejected the key), and the (redacted, localised) text of the error node. No notification: the tree
 * shows the failure where it happened.
 */
export function createLoadErrorReporter(d: LoadErrorDeps): (error: unknown, what: string) => string {
  return (e, what) => {
    const failed = d.report(e, `Loading ${what}`);
    if (failed.kind === 'cancelled') return d.t('Loading {0} was cancelled', what);
    if (failed.profileName !== undefined) return d.t('The credentials of profile {0} are missing', failed.profileName);
    // The message already holds what DataWorks said and the request ID.
    return d.redactor.redact(d.t('Could not load {0}: {1}', what, failed.message));
  };
}

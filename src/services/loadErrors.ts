import type { ProfileStore } from '../auth/profileStore';
import type { Translate } from '../util/translate';
import type { Locale } from '../util/errors';
import { CredentialsUnavailableError, describeError, isCancellation, isCredentialRejection } from '../util/errors';
import type { Logger } from '../util/log';
import type { Redactor } from '../util/redact';
import type { AuthState } from './authState';

export interface LoadErrorDeps {
  readonly t: Translate;
  readonly log: Logger;
  readonly profiles: ProfileStore;
  readonly auth: AuthState;
  readonly redactor: Redactor;
  readonly locale: () => Locale;
}

/**
 * What a failed tree load does: one log line with code and request ID, the status bar turned red when the
 * server rejected the key, and the (redacted, localised) text of the error node. No notification: the tree
 * shows the failure where it happened.
 */
export function createLoadErrorReporter(d: LoadErrorDeps): (error: unknown, what: string) => string {
  return (e, what) => {
    if (isCancellation(e)) return d.t('Loading {0} was cancelled', what);
    d.log.failure(`Loading ${what} failed:`, e);
    if (e instanceof CredentialsUnavailableError) return d.t('The credentials of profile {0} are missing', e.profileName);
    const profile = d.profiles.active();
    if (profile && isCredentialRejection(e)) d.auth.markRejected(profile.name);
    // describeError's text already holds what DataWorks said and the request ID.
    return d.redactor.redact(d.t('Could not load {0}: {1}', what, describeError(e, d.locale()).message));
  };
}

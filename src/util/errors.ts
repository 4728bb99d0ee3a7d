// The errors the extension raises itself. classify() (src/shared/errors.ts) recognises them by name, as it does the API
// layer's DataWorksError by shape: a class carried by two bundles is two classes, and instanceof would miss one.

/** The user dismissed a prompt or cancelled a progress notification: never reported. */
export class UserCancelledError extends Error {
  override readonly name = 'UserCancelledError';
  constructor() {
    super('Cancelled by the user.');
  }
}

/** The profile's secret is missing or unreadable: the user has to enter it again. */
export class CredentialsUnavailableError extends Error {
  override readonly name = 'CredentialsUnavailableError';
  constructor(readonly profileName: string, readonly reason: 'missing' | 'unreadable') {
    super(`The credentials of profile "${profileName}" are ${reason}.`);
  }
}

/** A problem with what the user typed or chose, shown as is (already localised). */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

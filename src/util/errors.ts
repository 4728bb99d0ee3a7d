// Error shapes the command boundary and the tree understand. The API layer's DataWorksError is matched
// structurally so that this module (and its tests) do not depend on the API layer being loaded.

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

export type Locale = 'en' | 'zh-cn';

/** What the extension reads from the API layer's DataWorksError. */
export interface ApiErrorLike {
  readonly code: string;
  readonly kind: string;
  readonly message: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  readonly field?: string;
  userMessage(locale: Locale): string;
}

export function asApiError(e: unknown): ApiErrorLike | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const o = e as Partial<Record<keyof ApiErrorLike, unknown>>;
  if (typeof o.code === 'string' && typeof o.kind === 'string' && typeof o.userMessage === 'function') {
    return e as ApiErrorLike;
  }
  return undefined;
}

export function isCancellation(e: unknown): boolean {
  if (e instanceof UserCancelledError) return true;
  if (e instanceof Error && e.name === 'AbortError') return true;
  return asApiError(e)?.kind === 'cancelled';
}

/** Server codes meaning "these credentials are not accepted" (as opposed to "not allowed to do this"). */
const REJECTED_CODES = new Set([
  'invalidaccesskeyid.notfound',
  'invalidaccesskeyid',
  'invalidaccesskeyid.inactive',
  'signaturedoesnotmatch',
  'incompletesignature',
  'invalidsecuritytoken.expired',
  'invalidsecuritytoken.malformed',
  'invalidsecuritytoken.mismatchwithaccesskey',
]);

export function isCredentialRejection(e: unknown): boolean {
  const api = asApiError(e);
  return api !== undefined && REJECTED_CODES.has(api.code.toLowerCase());
}

export interface DescribedError {
  /**
   * Localised where the source provides it. For an API error, one line with everything to show: our explanation,
   * what DataWorks said when that adds to it, and the request ID (so callers do not append it again).
   */
  readonly message: string;
  readonly requestId?: string;
  readonly code?: string;
}

export function describeError(e: unknown, locale: Locale): DescribedError {
  const api = asApiError(e);
  if (api) return { message: api.userMessage(locale), requestId: api.requestId, code: api.code };
  if (e instanceof Error) return { message: e.message };
  return { message: String(e) };
}

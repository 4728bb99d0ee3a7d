// The extension's one error vocabulary: how its own errors (src/util/errors.ts) and the API layer's DataWorksError are
// recognised, and `classify`, which says what any thrown value means. Pure and stateless (no vscode, no src/api, no
// classes), so that the API layer, the command and tree boundaries, the form hosts and plain-Node tests share it, and
// both dist/core.js and dist/deferred.js may carry a copy (esbuild.js). Errors are recognised by name and shape, never
// by instanceof: a class carried by two bundles is two classes. Reporting (log, redaction, the red status bar) is
// src/services/errorReporter.ts.

export type Locale = 'en' | 'zh-cn';

/** Our explanation and, apart, the server's own words when they add to it. */
export interface ExplainedParts {
  readonly message: string;
  readonly serverMessage?: string;
}

/**
 * What the extension reads of the API layer's DataWorksError. Recognised by shape rather than `instanceof`: the API
 * layer is another bundle (dist/deferred.js), and code outside it must not load it to look at an error.
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
  userMessageParts(locale: Locale): ExplainedParts;
}

export function asDataWorksError(e: unknown): DataWorksErrorLike | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const c = e as Partial<Record<keyof DataWorksErrorLike, unknown>>;
  return c.name === 'DataWorksError' && typeof c.code === 'string' && typeof c.kind === 'string' && typeof c.userMessage === 'function'
    && typeof c.userMessageParts === 'function'
    ? (e as DataWorksErrorLike)
    : undefined;
}

/** The credential a rejection concerns, as the input names of the Add Profile flow. */
export type CredentialField = 'accessKeyId' | 'accessKeySecret' | 'securityToken';

/**
 * Server codes meaning "these credentials are not accepted" (as opposed to "not allowed to do this"), each with the
 * credential it concerns. A family ("InvalidSecurityToken") covers its sub-codes ("InvalidSecurityToken.Expired").
 */
const REJECTED_CREDENTIALS: readonly (readonly [string, CredentialField])[] = [
  ['invalidaccesskeyid', 'accessKeyId'],
  ['signaturedoesnotmatch', 'accessKeySecret'],
  ['incompletesignature', 'accessKeySecret'],
  ['invalidsecuritytoken', 'securityToken'],
];

/** The credential a server code rejects; undefined when the code is not a credential rejection. */
export function rejectedCredential(code: string): CredentialField | undefined {
  const c = code.toLowerCase();
  return REJECTED_CREDENTIALS.find(([family]) => c === family || c.startsWith(`${family}.`))?.[1];
}

/** An Error of ours by its name (see src/util/errors.ts). */
function named(e: unknown, name: 'UserCancelledError' | 'CredentialsUnavailableError' | 'UserFacingError'): e is Error {
  return e instanceof Error && e.name === name;
}

/** The profile of a CredentialsUnavailableError. */
function unavailableProfile(e: unknown): string | undefined {
  if (!named(e, 'CredentialsUnavailableError')) return undefined;
  const profileName = (e as { profileName?: unknown }).profileName;
  return typeof profileName === 'string' ? profileName : undefined;
}

export function isCancellation(e: unknown): boolean {
  if (named(e, 'UserCancelledError') || (e instanceof Error && e.name === 'AbortError')) return true;
  return asDataWorksError(e)?.kind === 'cancelled';
}

export type ErrorKind =
  | 'cancelled'
  | 'credentials-missing'
  | 'credentials-rejected'
  | 'forbidden'
  | 'throttled'
  /** Any other failure of a call: an error code, the network, a timeout, an answer we do not understand. */
  | 'api'
  /** A UserFacingError: what the user typed or chose does not work; its message is the whole story. */
  | 'input'
  /** Anything else thrown: a defect of ours. */
  | 'bug';

export interface ClassifiedError {
  readonly kind: ErrorKind;
  /**
   * One line in the user's language: for an API error our explanation, what DataWorks said when it adds to that, and
   * the request ID (so callers do not append it again); otherwise the error's own message. Not yet redacted.
   */
  readonly message: string;
  /** An API error's explanation and the server's words apart, for a form that shows them on lines of their own. */
  readonly parts?: ExplainedParts;
  readonly code?: string;
  readonly requestId?: string;
  /** The profile whose credentials are missing (credentials-missing only). */
  readonly profileName?: string;
}

/**
 * The one forbidden test: the key was accepted but may not do this (a RAM user without the policy, an edition without
 * the API, Data Security Guard's PERMISSION.DENIED.ERROR). Credential rejections are decided before this.
 */
function isForbidden(dw: DataWorksErrorLike): boolean {
  return dw.kind === 'api' && (dw.httpStatus === 403 || /^forbidden/i.test(dw.code) || /permission/i.test(dw.code));
}

function apiKind(dw: DataWorksErrorLike): ErrorKind {
  if (dw.kind === 'cancelled') return 'cancelled';
  if (dw.kind === 'throttled') return 'throttled';
  if (rejectedCredential(dw.code)) return 'credentials-rejected';
  return isForbidden(dw) ? 'forbidden' : 'api';
}

/** What a thrown value means, without the text (see classify). */
export function errorKind(e: unknown): ErrorKind {
  const dw = asDataWorksError(e);
  if (dw) return apiKind(dw);
  if (isCancellation(e)) return 'cancelled';
  if (unavailableProfile(e) !== undefined) return 'credentials-missing';
  return named(e, 'UserFacingError') ? 'input' : 'bug';
}

/** A thrown value that is not an Error, as text (String() itself throws for an object without a prototype). */
function textOf(e: unknown): string {
  try {
    return String(e);
  } catch {
    return Object.prototype.toString.call(e);
  }
}

/** What a thrown value means, and what to tell the user about it. */
export function classify(e: unknown, locale: Locale): ClassifiedError {
  const kind = errorKind(e);
  const dw = asDataWorksError(e);
  if (dw) {
    const { code, requestId } = dw;
    return { kind, message: dw.userMessage(locale), parts: dw.userMessageParts(locale), code, ...(requestId ? { requestId } : {}) };
  }
  const message = e instanceof Error ? e.message : textOf(e);
  const profileName = unavailableProfile(e);
  return profileName === undefined ? { kind, message } : { kind, message, profileName };
}

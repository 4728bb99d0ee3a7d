// Errors the emulator answers with. Codes, statuses and messages follow the reference notes (§2.1, §2.2, §2.11);
// where the reference marks a code UNCONFIRMED, the choice is listed in README.md.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * A Data Security Guard business failure. DSG actions carry `Success/ErrorCode/HttpStatusCode` in their body model,
 * so depending on `dsgErrorStyle` these go out as HTTP 200 + `Success:false` or as a real 4xx/5xx.
 */
export class DsgError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DsgError';
  }
}

export const missingParameter = (name: string): ApiError =>
  new ApiError(400, 'MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);

export const invalidParameter = (name: string, why?: string): ApiError =>
  new ApiError(400, 'InvalidParameter', `The specified parameter "${name}" is not valid.${why ? ` ${why}` : ''}`);

export const DSG = {
  accountListSize: () => new DsgError(400, 'USERGROUP.ACCOUNTLISTSIZE.ERROR', 'The number of account exceeds the limit.'),
  id: () => new DsgError(400, 'USERGROUP.ID.ERROR', 'The user group ID does not match the tenant or does not exist.'),
  listSize: () => new DsgError(400, 'USERGROUP.LISTSIZE.ERROR', 'The number of user groups exceeds the limit.'),
  pageSize: () => new DsgError(400, 'USERGROUP.PAGESIZE.ERROR', 'Page size is too large, maximum of 100.'),
  owner: () => new DsgError(400, 'USERACCOUNT.OWNER.ERROR', 'User list or owner user does not exist.'),
  params: () => new DsgError(400, 'PARAMS.ERROR', 'param error.'),
  denied: () => new DsgError(403, 'PERMISSION.DENIED.ERROR', 'Permission denied'),
  unknown: () => new DsgError(500, 'UNKNOWN.ERROR', 'unknown error.'),
} as const;

/**
 * OUR ASSUMPTION (option `dsgErrorCodes: 'numeric'`): the DSG API pages list symbolic codes, their examples and the
 * SDK's `@example` show numeric ones ("1029030003" with "param error"). Only that one pair is seen in a source; every
 * other number here is invented, so the API layer must never depend on these values.
 */
export const DSG_NUMERIC: Readonly<Record<string, { readonly code: string; readonly message: string }>> = {
  'UNKNOWN.ERROR': { code: '1029030000', message: 'unknown error' },
  'PERMISSION.DENIED.ERROR': { code: '1029030001', message: 'Permission denied' },
  'PARAMS.ERROR': { code: '1029030003', message: 'param error' },
  'USERGROUP.ID.ERROR': { code: '1029030004', message: 'The user group ID does not match the tenant or does not exist.' },
  'USERGROUP.LISTSIZE.ERROR': { code: '1029030005', message: 'The number of user groups exceeds the limit.' },
  'USERGROUP.ACCOUNTLISTSIZE.ERROR': { code: '1029030006', message: 'The number of account exceeds the limit.' },
  'USERGROUP.PAGESIZE.ERROR': { code: '1029030007', message: 'Page size is too large, maximum of 100.' },
  'USERACCOUNT.OWNER.ERROR': { code: '1029030008', message: 'User list or owner user does not exist.' },
};

/** Code and message of a DSG failure as the configured code style sends them. */
export function dsgWireError(e: DsgError, codes: 'symbolic' | 'numeric'): { code: string; message: string } {
  if (codes === 'symbolic') return { code: e.code, message: e.message };
  return DSG_NUMERIC[e.code] ?? { code: e.code, message: e.message };
}

/** Lower-camel keys at every level (`PageData` → `pageData`, `Id` → `id`); values are left alone. */
export function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k.charAt(0).toLowerCase() + k.slice(1)] = camelKeys(v);
  return out;
}

export const THROTTLE_MESSAGES = {
  'Throttling.Api': 'The request for this resource has exceeded your available limit.',
  'Throttling.User': 'Your request is too frequent. Try again later.',
  'Throttling.System': 'The DataWorks system is busy. Try again later.',
} as const;
export type ThrottleCode = keyof typeof THROTTLE_MESSAGES;

export const internalError = (): ApiError =>
  new ApiError(500, 'InternalError.System', 'An internal system error occurred. Try again later.');

export interface ErrorBody {
  RequestId: string;
  HostId: string;
  Code: string;
  Message: string;
  Recommend: string;
}

export function errorBody(requestId: string, hostId: string, product: string, code: string, message: string): ErrorBody {
  const q = new URLSearchParams({ q: code, product, requestId });
  return { RequestId: requestId, HostId: hostId, Code: code, Message: message, Recommend: `https://api.aliyun.com/troubleshoot?${q.toString()}` };
}

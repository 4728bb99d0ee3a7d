// Request signing as Alibaba Cloud gateways check it: ACS3-HMAC-SHA256 (reference §4.4) and the legacy RPC
// HMAC-SHA1 (§4.5). Pure functions: the server passes in the clock, the key lookup and the nonce memory, so the
// same code is exercised by the unit vectors and by the live server.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { ApiError, missingParameter } from './errors';

export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** RFC 3986 encoding: encodeURIComponent leaves !'()* alone, the signers do not. */
export function acsEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Form/query decoding. A malformed escape is kept verbatim so the request fails on the signature, not here. */
export function formDecode(s: string): string {
  const spaced = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

export function parseRawQuery(raw: string): [string, string][] {
  const out: [string, string][] = [];
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    out.push(eq < 0 ? [formDecode(part), ''] : [formDecode(part.slice(0, eq)), formDecode(part.slice(eq + 1))]);
  }
  return out;
}

export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

const byKeyThenValue = (a: [string, string], b: [string, string]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;

export function canonicalQueryString(pairs: readonly [string, string][]): string {
  return [...pairs].sort(byKeyThenValue).map(([k, v]) => `${acsEncode(k)}=${acsEncode(v)}`).join('&');
}

export type HeaderMap = Readonly<Record<string, readonly string[] | undefined>>;

export function canonicalHeaders(headers: HeaderMap, signedHeaders: readonly string[]): string {
  return signedHeaders
    .map((name) => `${name}:${[...(headers[name] ?? [])].map((v) => v.trim()).sort().join(',')}\n`)
    .join('');
}

export interface CanonicalInput {
  readonly method: string;
  readonly path: string;
  readonly query: readonly [string, string][];
  readonly headers: HeaderMap;
  /** Lower-case, sorted. */
  readonly signedHeaders: readonly string[];
  readonly payloadHash: string;
}

export function canonicalRequest(c: CanonicalInput): string {
  return [
    c.method.toUpperCase(),
    c.path,
    canonicalQueryString(c.query),
    canonicalHeaders(c.headers, c.signedHeaders),
    c.signedHeaders.join(';'),
    c.payloadHash,
  ].join('\n');
}

export const acs3StringToSign = (canonical: string): string => `${ACS3_ALGORITHM}\n${sha256Hex(canonical)}`;

export const acs3Signature = (secret: string, stringToSign: string): string =>
  createHmac('sha256', secret).update(stringToSign, 'utf8').digest('hex');

export interface ParsedAuthorization {
  readonly algorithm: string;
  readonly accessKeyId: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

export function parseAuthorization(value: string): ParsedAuthorization | undefined {
  const m = /^(\S+)\s+(.*)$/.exec(value.trim());
  if (!m?.[1] || m[2] === undefined) return undefined;
  const fields = new Map<string, string>();
  for (const part of m[2].split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signed = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signed || !signature) return undefined;
  return {
    algorithm: m[1],
    accessKeyId: credential,
    signedHeaders: signed.split(';').map((h) => h.trim().toLowerCase()).filter((h) => h !== '').sort(),
    signature,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Client side (tests, and anyone who wants to hand-craft a request against the emulator).

export interface Acs3SignInput {
  readonly method: string;
  readonly path?: string;
  /** Decoded values. */
  readonly query?: Readonly<Record<string, string>>;
  /** Must include host, x-acs-action, x-acs-version, x-acs-date, x-acs-signature-nonce; content-type if a body. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer | string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

export interface Acs3Signed {
  /** The input headers plus x-acs-content-sha256 and authorization. */
  readonly headers: Record<string, string>;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
}

/** Signs like openapi-client 0.4.15: every host, content-type and x-acs-* header is signed. */
export function signAcs3(input: Acs3SignInput): Acs3Signed {
  const body = input.body ?? '';
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.headers)) headers[k.toLowerCase()] = v;
  const payloadHash = sha256Hex(body);
  headers['x-acs-content-sha256'] = payloadHash;
  const signedHeaders = Object.keys(headers)
    .filter((h) => h === 'host' || h === 'content-type' || h.startsWith('x-acs-'))
    .sort();
  const multi: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers)) multi[k] = [v];
  const canonical = canonicalRequest({
    method: input.method,
    path: input.path ?? '/',
    query: Object.entries(input.query ?? {}),
    headers: multi,
    signedHeaders,
    payloadHash,
  });
  const stringToSign = acs3StringToSign(canonical);
  const signature = acs3Signature(input.accessKeySecret, stringToSign);
  headers.authorization = `${ACS3_ALGORITHM} Credential=${input.accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${signature}`;
  return { headers, canonicalRequest: canonical, stringToSign, signature };
}

/** Legacy RPC: every parameter except Signature, sorted and strictly encoded. */
export function v2StringToSign(method: string, params: readonly [string, string][]): string {
  const canonical = canonicalQueryString(params.filter(([k]) => k !== 'Signature'));
  return `${method.toUpperCase()}&${acsEncode('/')}&${acsEncode(canonical)}`;
}

export const v2Signature = (secret: string, stringToSign: string): string =>
  createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64');

// ---------------------------------------------------------------------------------------------------------------
// Server side.

export interface KeyRecord {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** Set for STS pairs: every request must carry (and sign) exactly this token. */
  readonly securityToken?: string;
  /** An STS pair whose token has run out: always rejected with InvalidSecurityToken.Expired. */
  readonly tokenExpired?: boolean;
}

export interface VerifyEnv {
  findKey(accessKeyId: string): KeyRecord | undefined;
  readonly nowMs: number;
  readonly maxSkewSeconds: number;
  /** Records the nonce; false if it was seen within the skew window. */
  claimNonce(accessKeyId: string, nonce: string): boolean;
}

export interface SignedRequest {
  readonly method: string;
  readonly path: string;
  readonly rawQuery: string;
  /** Lower-case names; repeated headers as separate values. */
  readonly headers: HeaderMap;
  readonly body: Buffer;
}

export interface Verified {
  readonly key: KeyRecord;
  readonly style: 'ACS3' | 'V2';
}

const incomplete = (why: string): ApiError =>
  new ApiError(400, 'IncompleteSignature', `The request signature does not conform to Aliyun standards. ${why}`);
const keyNotFound = (): ApiError => new ApiError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
const mismatch = (stringToSign: string): ApiError =>
  new ApiError(400, 'SignatureDoesNotMatch', `Specified signature does not match our calculation. server string to sign is:${stringToSign}`);

const REQUIRED_SIGNED = ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'];

function checkTimestamp(value: string, env: VerifyEnv): void {
  // Both signers emit whole seconds; milliseconds are tolerated because hand-written clients add them.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new ApiError(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.');
  }
  if (Math.abs(env.nowMs - Date.parse(value)) > env.maxSkewSeconds * 1000) {
    throw new ApiError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
  }
}

function checkToken(key: KeyRecord, token: string | undefined): void {
  if (key.securityToken === undefined) {
    if (token !== undefined) throw new ApiError(400, 'InvalidSecurityToken.Mismatch', 'Specified SecurityToken mismatch with the AccessKey.');
    return;
  }
  if (token === undefined || token !== key.securityToken) {
    throw new ApiError(400, 'InvalidSecurityToken.Mismatch', 'Specified SecurityToken mismatch with the AccessKey.');
  }
  if (key.tokenExpired) throw new ApiError(400, 'InvalidSecurityToken.Expired', 'Specified SecurityToken is expired.');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const first = (headers: HeaderMap, name: string): string | undefined => headers[name]?.[0];

export function verifyAcs3(req: SignedRequest, env: VerifyEnv): Verified {
  const auth = first(req.headers, 'authorization');
  if (auth === undefined) throw incomplete('The Authorization header is missing.');
  const parsed = parseAuthorization(auth);
  if (!parsed) throw incomplete('The Authorization header is malformed.');
  if (parsed.algorithm !== ACS3_ALGORITHM) throw incomplete(`Unsupported signature algorithm "${parsed.algorithm}".`);

  const mustSign = [...REQUIRED_SIGNED];
  if (req.body.length > 0) mustSign.push('content-type');
  if (req.headers['x-acs-security-token'] !== undefined) mustSign.push('x-acs-security-token');
  for (const h of mustSign) {
    if (!parsed.signedHeaders.includes(h)) throw incomplete(`Header "${h}" must be signed.`);
  }
  for (const h of parsed.signedHeaders) {
    if (req.headers[h] === undefined) throw incomplete(`Signed header "${h}" is not present in the request.`);
  }

  const key = env.findKey(parsed.accessKeyId);
  if (!key) throw keyNotFound();

  const bodyHash = sha256Hex(req.body);
  if ((first(req.headers, 'x-acs-content-sha256') ?? '').toLowerCase() !== bodyHash) {
    throw new ApiError(400, 'SignatureDoesNotMatch', 'The x-acs-content-sha256 header does not match the SHA-256 of the request body.');
  }
  checkTimestamp(first(req.headers, 'x-acs-date') ?? '', env);

  const canonical = canonicalRequest({
    method: req.method,
    path: req.path,
    query: parseRawQuery(req.rawQuery),
    headers: req.headers,
    signedHeaders: parsed.signedHeaders,
    payloadHash: bodyHash,
  });
  const stringToSign = acs3StringToSign(canonical);
  if (!sameText(acs3Signature(key.accessKeySecret, stringToSign), parsed.signature.toLowerCase())) throw mismatch(stringToSign);

  checkToken(key, first(req.headers, 'x-acs-security-token'));
  if (!env.claimNonce(key.accessKeyId, first(req.headers, 'x-acs-signature-nonce') ?? '')) {
    throw new ApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
  }
  return { key, style: 'ACS3' };
}

/** `params` = every query parameter plus every form-body parameter, decoded. */
export function verifyV2(method: string, params: readonly [string, string][], env: VerifyEnv): Verified {
  const get = (name: string): string | undefined => params.find(([k]) => k === name)?.[1];
  const need = (name: string): string => {
    const v = get(name);
    if (v === undefined || v === '') throw missingParameter(name);
    return v;
  };
  const signature = need('Signature');
  const signatureMethod = need('SignatureMethod');
  if (signatureMethod !== 'HMAC-SHA1') {
    throw new ApiError(400, 'InvalidSignatureMethod', `Specified signature method "${signatureMethod}" is not supported.`);
  }
  const accessKeyId = need('AccessKeyId');
  const timestamp = need('Timestamp');
  const nonce = need('SignatureNonce');

  const key = env.findKey(accessKeyId);
  if (!key) throw keyNotFound();
  checkTimestamp(timestamp, env);
  const stringToSign = v2StringToSign(method, params);
  if (!sameText(v2Signature(key.accessKeySecret, stringToSign), signature)) throw mismatch(stringToSign);
  checkToken(key, get('SecurityToken'));
  if (!env.claimNonce(key.accessKeyId, nonce)) {
    throw new ApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
  }
  return { key, style: 'V2' };
}

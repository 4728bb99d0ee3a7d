// Test helpers: the real Alibaba Cloud client pointed at the emulator, and a raw node:http sender for requests the
// client would never produce (replays, tampering, stale dates).
import OpenApi, * as $OpenApi from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { DEMO_CREDENTIALS } from './credentials';
import type { RunningEmulator } from './server';
import { acsEncode, canonicalQueryString, signAcs3, v2Signature, v2StringToSign } from './signature';

export interface Creds {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
}

export function makeClient(emu: RunningEmulator, creds: Creds = DEMO_CREDENTIALS, extra: ClientExtras = {}): OpenApi {
  return clientAt(emu.endpoint, creds, extra);
}

export interface ClientExtras {
  readonly signatureAlgorithm?: string;
  readonly readTimeout?: number;
}

/** The real client for an emulator known only by its endpoint (one started in another process). */
export function clientAt(endpoint: string, creds: Creds = DEMO_CREDENTIALS, extra: ClientExtras = {}): OpenApi {
  return new OpenApi(new $OpenApi.Config({
    accessKeyId: creds.accessKeyId,
    accessKeySecret: creds.accessKeySecret,
    ...(creds.securityToken ? { securityToken: creds.securityToken } : {}),
    endpoint,
    protocol: 'HTTP',
    readTimeout: extra.readTimeout ?? 5000,
    connectTimeout: 2000,
    ...(extra.signatureAlgorithm ? { signatureAlgorithm: extra.signatureAlgorithm } : {}),
  }));
}

export interface CallInput {
  readonly method?: 'GET' | 'POST';
  readonly version?: string;
  readonly query?: Record<string, string>;
  readonly body?: Record<string, string | number>;
  readonly headers?: Record<string, string>;
}

/** The parsed JSON body of a successful (2xx) call; the client throws on anything else. */
export async function call(client: OpenApi, action: string, input: CallInput = {}): Promise<Record<string, unknown>> {
  const params = new $OpenApi.Params({
    action, version: input.version ?? '2020-05-18', protocol: 'HTTP', pathname: '/', method: input.method ?? 'POST',
    authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
  });
  const req = new $OpenApi.OpenApiRequest({
    ...(input.query ? { query: input.query } : {}),
    ...(input.body ? { body: input.body } : {}),
    ...(input.headers ? { headers: input.headers } : {}),
  });
  const r = (await client.callApi(params, req, new RuntimeOptions({}))) as { body: Record<string, unknown> };
  return r.body;
}

/** What the client throws for a non-2xx answer (reference §4.6). */
export interface ClientError {
  code: string;
  statusCode: number;
  message: string;
  data: Record<string, unknown>;
}

export async function callError(client: OpenApi, action: string, input: CallInput = {}): Promise<ClientError> {
  try {
    await call(client, action, input);
  } catch (e) {
    return e as ClientError;
  }
  throw new Error(`${action} unexpectedly succeeded`);
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly json: Record<string, unknown>;
}

export interface RawRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export function send(emu: RunningEmulator, r: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: emu.port, method: r.method, path: r.path, headers: r.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(text) as Record<string, unknown> });
        } catch {
          reject(new Error(`not JSON (${res.statusCode ?? 0}): ${text}`));
        }
      });
    });
    req.on('error', reject);
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}

export const acsDate = (ms = Date.now()): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface SignInput {
  readonly action: string;
  readonly version?: string;
  readonly method?: string;
  readonly query?: Record<string, string>;
  /** A form body, already encoded. */
  readonly body?: string;
  readonly creds?: Creds;
  readonly date?: string;
  readonly nonce?: string;
  readonly host?: string;
  readonly extraHeaders?: Record<string, string>;
}

/** A request signed exactly like openapi-client does it, ready for `send` (or for tampering first). */
export function signedRequest(emu: RunningEmulator, s: SignInput): RawRequest {
  const creds: Creds = s.creds ?? DEMO_CREDENTIALS;
  const headers: Record<string, string> = {
    host: s.host ?? emu.endpoint,
    'x-acs-action': s.action,
    'x-acs-version': s.version ?? '2020-05-18',
    'x-acs-date': s.date ?? acsDate(),
    'x-acs-signature-nonce': s.nonce ?? randomBytes(16).toString('hex'),
    ...(s.body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    ...(creds.securityToken ? { 'x-acs-security-token': creds.securityToken } : {}),
    ...s.extraHeaders,
  };
  const signed = signAcs3({ method: s.method ?? 'POST', query: s.query ?? {}, headers, ...(s.body !== undefined ? { body: s.body } : {}), accessKeyId: creds.accessKeyId, accessKeySecret: creds.accessKeySecret });
  const qs = new URLSearchParams(s.query ?? {}).toString().replace(/\+/g, '%20');
  return { method: s.method ?? 'POST', path: qs ? `/?${qs}` : '/', headers: signed.headers, ...(s.body !== undefined ? { body: s.body } : {}) };
}

/**
 * A legacy RPC request the way @alicloud/pop-core sends a POST: the common parameters, the business parameters and
 * the HMAC-SHA1 `Signature` all in an application/x-www-form-urlencoded body, the query empty.
 */
export function popCoreRequest(emu: RunningEmulator, action: string, params: Record<string, string>, over: { creds?: Creds; version?: string; nonce?: string } = {}): RawRequest {
  const creds: Creds = over.creds ?? DEMO_CREDENTIALS;
  const all: [string, string][] = Object.entries({
    Format: 'JSON',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: over.nonce ?? randomBytes(16).toString('hex'),
    SignatureVersion: '1.0',
    Timestamp: acsDate(),
    AccessKeyId: creds.accessKeyId,
    ...(creds.securityToken ? { SecurityToken: creds.securityToken } : {}),
    Version: over.version ?? '2020-05-18',
    Action: action,
    ...params,
  });
  const signature = v2Signature(creds.accessKeySecret, v2StringToSign('POST', all));
  const body = `${canonicalQueryString(all)}&Signature=${acsEncode(signature)}`;
  return { method: 'POST', path: '/', headers: { host: emu.endpoint, 'content-type': 'application/x-www-form-urlencoded' }, body };
}

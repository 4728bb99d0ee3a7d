// The seam between the service and the HTTP client. The service never sees @alicloud/*: the real
// implementation lives in openApiTransport.ts, which is bundled on its own (dist/api.js) and loaded on first use.

import type { Credentials, EndpointOverride } from './config';

export type Product = 'dataworks' | 'cloudapi';

export interface TransportRequest {
  readonly product: Product;
  readonly action: string;
  readonly version: string;
  readonly method: 'GET' | 'POST';
  /** Every value already encoded as the wire string. */
  readonly query: Readonly<Record<string, string>>;
  /** Form body (application/x-www-form-urlencoded); absent for query-only actions. */
  readonly body?: Readonly<Record<string, string>>;
  readonly region: string;
}

export interface TransportResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export interface SendOptions {
  /** Informational: the service races every call against it, a transport may also stop early. */
  readonly signal?: AbortSignal;
  /** Upper bound for this one attempt (connect + read), already cut to the caller's remaining deadline. */
  readonly timeoutMs: number;
}

export interface Transport {
  send(request: TransportRequest, options: SendOptions): Promise<TransportResponse>;
}

export interface TransportOptions {
  readonly credentials: Credentials;
  readonly endpoint?: EndpointOverride;
  readonly vpc?: boolean;
  readonly userAgent?: string;
  /** See ServiceConfig.proxy, noProxy and proxyStrictSSL. */
  readonly proxy?: string;
  readonly noProxy?: readonly string[];
  readonly proxyStrictSSL?: boolean;
}

/** What dist/api.js (or openApiTransport.ts under tsx) exports. */
export interface TransportModule {
  createTransport(options: TransportOptions): Transport;
}

/**
 * - `http`: the server answered with a non-2xx status.
 * - `network`: no usable answer (reset, refused, DNS).
 * - `timeout`: the per-attempt connect or read timeout fired.
 */
export type TransportErrorKind = 'http' | 'network' | 'timeout';

/**
 * Whether the request may have reached the server. `not-sent` is only claimed when the failure happened before
 * any byte left (connection refused, DNS, connect timeout), so a create may be resent safely.
 */
export type SendState = 'not-sent' | 'maybe-sent';

export interface TransportErrorInit {
  readonly kind: TransportErrorKind;
  readonly message: string;
  readonly sendState: SendState;
  readonly statusCode?: number;
  readonly code?: string;
  readonly requestId?: string;
  /** The parsed error body, when there was one. */
  readonly body?: unknown;
  readonly retryAfterMs?: number;
}

const TRANSPORT_ERROR = 'DataWorksTransportError';

/**
 * The one error a Transport raises. Recognised by `isTransportError`, not `instanceof`: dist/api.js carries its
 * own copy of this class, so the class object differs from the one in dist/extension.js.
 */
export class TransportError extends Error {
  override readonly name = TRANSPORT_ERROR;
  readonly kind: TransportErrorKind;
  readonly sendState: SendState;
  readonly statusCode?: number;
  readonly code?: string;
  readonly requestId?: string;
  readonly body?: unknown;
  readonly retryAfterMs?: number;

  constructor(init: TransportErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.sendState = init.sendState;
    this.statusCode = init.statusCode;
    this.code = init.code;
    this.requestId = init.requestId;
    this.body = init.body;
    this.retryAfterMs = init.retryAfterMs;
  }
}

export function isTransportError(e: unknown): e is TransportError {
  if (typeof e !== 'object' || e === null) return false;
  const r = e as Record<string, unknown>;
  return r['name'] === TRANSPORT_ERROR && typeof r['kind'] === 'string' && typeof r['message'] === 'string';
}

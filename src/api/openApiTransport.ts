// The only file that touches the Alibaba Cloud SDK. Bundled alone as dist/api.js and loaded on the first call,
// so activation never pays for @alicloud/*. Signing is the client's own ACS3-HMAC-SHA256.

import OpenApi, * as $OpenApi from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import { resolveEndpoint, type ResolvedEndpoint } from './endpoints';
import { redact } from './redact';
import {
  type SendOptions, type SendState, type Transport, TransportError, type TransportOptions, type TransportRequest,
  type TransportResponse,
} from './transport';

/** Connecting should never take long; the rest of the attempt's budget is for the answer. */
const CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_USER_AGENT = 'dataworks-vscode';

/** Failures that happen before any byte of the request could reach the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

export function createTransport(options: TransportOptions): Transport {
  const { credentials } = options;
  if (!credentials.accessKeyId || !credentials.accessKeySecret) {
    // openapi-client would otherwise fall back to @alicloud/credentials' default chain (env, files, IMDS).
    throw new Error('createTransport needs an explicit AccessKey ID and secret');
  }
  const secrets = [credentials.accessKeySecret, credentials.securityToken];
  const clients = new Map<string, OpenApi>();

  const clientFor = (ep: ResolvedEndpoint): OpenApi => {
    const key = `${ep.protocol}://${ep.host}`;
    let client = clients.get(key);
    if (!client) {
      client = new OpenApi(new $OpenApi.Config({
        accessKeyId: credentials.accessKeyId,
        accessKeySecret: credentials.accessKeySecret,
        ...(credentials.securityToken ? { securityToken: credentials.securityToken } : {}),
        endpoint: ep.host,
        protocol: ep.protocol.toUpperCase(),
        userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
      }));
      clients.set(key, client);
    }
    return client;
  };

  return {
    async send(req: TransportRequest, opts: SendOptions): Promise<TransportResponse> {
      const ep = resolveEndpoint(req.product, req.region, options);
      const client = clientFor(ep);
      const params = new $OpenApi.Params({
        action: req.action,
        version: req.version,
        protocol: ep.protocol.toUpperCase(),
        pathname: '/',
        method: req.method,
        authType: 'AK',
        style: 'RPC',
        reqBodyType: 'formData',
        bodyType: 'json',
      });
      const request = new $OpenApi.OpenApiRequest({
        headers: { ...ep.headers },
        query: { ...req.query },
        ...(req.body ? { body: { ...req.body } } : {}),
      });
      const timeoutMs = Math.max(1, Math.floor(opts.timeoutMs));
      // keepAlive stays unset: setting it makes tea create its own Agent, which bypasses VS Code's proxy patching.
      const runtime = new RuntimeOptions({ readTimeout: timeoutMs, connectTimeout: Math.min(timeoutMs, CONNECT_TIMEOUT_MS) });
      try {
        const r = await client.callApi(params, request, runtime);
        return { statusCode: Number(r['statusCode'] ?? 200), headers: headersOf(r['headers']), body: r['body'] };
      } catch (e) {
        throw toTransportError(e, secrets);
      }
    },
  };
}

function headersOf(h: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof h !== 'object' || h === null) return out;
  for (const [k, v] of Object.entries(h as Record<string, unknown>)) {
    if (typeof v === 'string') out[k.toLowerCase()] = v;
    else if (Array.isArray(v)) out[k.toLowerCase()] = v.join(', ');
  }
  return out;
}

function toTransportError(e: unknown, secrets: readonly (string | undefined)[]): unknown {
  if (!(e instanceof Error)) {
    return new TransportError({ kind: 'network', sendState: 'maybe-sent', message: redact(String(e), secrets) });
  }
  // A 2xx body that is not JSON: let the service report it as an unexpected response.
  if (e.name === 'SyntaxError') return new SyntaxError(redact(e.message, secrets));
  const err = e as Error & { code?: unknown; statusCode?: unknown; data?: unknown };
  const message = redact(err.message, secrets);
  if (typeof err.statusCode === 'number') {
    const data = typeof err.data === 'object' && err.data !== null ? (err.data as Record<string, unknown>) : {};
    const requestId = typeof data['RequestId'] === 'string' ? data['RequestId'] : undefined;
    return new TransportError({
      kind: 'http',
      sendState: 'maybe-sent',
      message,
      statusCode: err.statusCode,
      ...(typeof err.code === 'string' && err.code !== 'undefined' ? { code: err.code } : {}),
      ...(requestId ? { requestId } : {}),
      body: data,
    });
  }
  if (err.name === 'RequestTimeoutError') {
    // Never "not-sent": httpx's ConnectTimeout is the socket's idle timeout, and it also fires after the request
    // went out while the answer is awaited (on a reused keep-alive socket the read timer does not fire at all, so
    // a hung answer is always reported as ConnectTimeout). Taking it for "never sent" resent creates; the fault
    // suite (test/reliability) saw the duplicate user group.
    const connect = /^ConnectTimeout/i.test(err.message);
    return new TransportError({ kind: 'timeout', sendState: 'maybe-sent', code: connect ? 'ConnectTimeout' : 'ReadTimeout', message });
  }
  const code = typeof err.code === 'string' ? err.code : undefined;
  const sendState: SendState = code !== undefined && NOT_SENT_CODES.has(code) ? 'not-sent' : 'maybe-sent';
  return new TransportError({ kind: 'network', sendState, message, ...(code ? { code } : {}) });
}

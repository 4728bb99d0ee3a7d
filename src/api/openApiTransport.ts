// The only file that touches the Alibaba Cloud SDK. Bundled alone as dist/api.js and loaded on the first call,
// so activation never pays for @alicloud/*. Signing is the client's own ACS3-HMAC-SHA256.

import OpenApi, * as $OpenApi from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import { HttpProxyAgent } from 'http-proxy-agent';
import * as httpxNamespace from 'httpx';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Agent } from 'node:http';
import { resolveEndpoint, type ResolvedEndpoint } from './endpoints';
import { proxyFor, proxySecretsOf } from './proxy';
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

// ---- proxy routing and status capture ----
// openapi-client 0.4.15 copies httpProxy/httpsProxy into its runtime options and then ignores them, and
// tea-typescript builds httpx's options itself with no way to pass an agent. What tea does reach is httpx's
// `request` through a live binding to httpx's exports object, so the transport wraps that one function. For the
// call being sent right now (known through AsyncLocalStorage, set around our own callApi only) it adds the proxy
// agent when the call goes through a proxy, and notes the HTTP status: openapi-client parses an error body as JSON
// before it reports the status, so a proxy's or load balancer's HTML page (407, 502, 503) would otherwise surface
// as a bare SyntaxError with the status lost. Every other caller passes through untouched, and so does every call
// without a proxy: VS Code's own patching of Node's http stack keeps working when no proxy is configured here.

type HttpxRequest = typeof httpxNamespace.request;
interface HttpxExports { request: HttpxRequest }

interface CallRouting {
  readonly agent: Agent | undefined;
  status?: number;
}

const currentCall = new AsyncLocalStorage<CallRouting>();
let httpxHooked = false;

function hookHttpx(): void {
  if (httpxHooked) return;
  httpxHooked = true;
  // A CommonJS module imported as a namespace is a copy; its `default` is the module's real exports object (esbuild
  // and tsx both interoperate that way), which is the object tea reads `request` from.
  const ns = httpxNamespace as unknown as HttpxExports & { readonly default?: HttpxExports };
  const live = ns.default ?? ns;
  const original = live.request;
  live.request = async (url, opts) => {
    const call = currentCall.getStore();
    if (!call) return original(url, opts);
    const res = await original(url, call.agent ? { ...opts, agent: call.agent } : opts);
    call.status = res.statusCode;
    return res;
  };
}

export function createTransport(options: TransportOptions): Transport {
  const { credentials } = options;
  if (!credentials.accessKeyId || !credentials.accessKeySecret) {
    // openapi-client would otherwise fall back to @alicloud/credentials' default chain (env, files, IMDS).
    throw new Error('createTransport needs an explicit AccessKey ID and secret');
  }
  hookHttpx();
  const clients = new Map<string, OpenApi>();
  const agents = new Map<string, Agent>();
  const strictSSL = options.proxyStrictSSL !== false;
  // A proxy's password is a secret too; environment proxies are read per call (tests change them).
  const secretsNow = (): (string | undefined)[] => [
    credentials.accessKeySecret, credentials.securityToken,
    ...proxySecretsOf(options.proxy), ...proxySecretsOf(process.env['HTTPS_PROXY'] ?? process.env['https_proxy']),
    ...proxySecretsOf(process.env['HTTP_PROXY'] ?? process.env['http_proxy']),
  ];

  const agentFor = (ep: ResolvedEndpoint): Agent | undefined => {
    const proxy = proxyFor({ protocol: ep.protocol, host: ep.host }, options, process.env);
    if (!proxy) return undefined;
    const key = `${ep.protocol} ${proxy.href}`;
    let agent = agents.get(key);
    if (!agent) {
      // rejectUnauthorized here governs the TLS connection to an https:// proxy itself.
      const agentOptions = { keepAlive: true, rejectUnauthorized: strictSSL };
      agent = ep.protocol === 'https' ? new HttpsProxyAgent(proxy, agentOptions) : new HttpProxyAgent(proxy, agentOptions);
      agents.set(key, agent);
    }
    return agent;
  };

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
      const secrets = secretsNow();
      let agent: Agent | undefined;
      try {
        agent = agentFor(ep);
      } catch (e) {
        // An unusable proxy setting: fail the call rather than go around the proxy.
        throw new TransportError({ kind: 'network', sendState: 'not-sent', code: 'InvalidProxy', message: redact(e instanceof Error ? e.message : String(e), secrets) });
      }
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
      const runtime = new RuntimeOptions({
        readTimeout: timeoutMs,
        connectTimeout: Math.min(timeoutMs, CONNECT_TIMEOUT_MS),
        // The target's certificate, seen through the tunnel: only relaxed when the user turned proxyStrictSSL off.
        ...(agent && !strictSSL ? { ignoreSSL: true } : {}),
      });
      const call: CallRouting = { agent };
      try {
        const r = await currentCall.run(call, () => client.callApi(params, request, runtime));
        return { statusCode: Number(r['statusCode'] ?? 200), headers: headersOf(r['headers']), body: r['body'] };
      } catch (e) {
        throw toTransportError(e, secrets, call.status);
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

function toTransportError(e: unknown, secrets: readonly (string | undefined)[], status: number | undefined): unknown {
  if (!(e instanceof Error)) {
    return new TransportError({ kind: 'network', sendState: 'maybe-sent', message: redact(String(e), secrets) });
  }
  if (e.name === 'SyntaxError' && status !== undefined && status >= 400) {
    // An error status with a body that is not JSON: a proxy, gateway or load balancer answered, not DataWorks.
    const proxyAuth = status === 407;
    return new TransportError({
      kind: 'http',
      sendState: 'maybe-sent',
      statusCode: status,
      code: proxyAuth ? 'ProxyAuthenticationRequired' : `HTTP${status}`,
      message: proxyAuth
        ? 'The proxy refused the request: it needs valid credentials (HTTP 407)'
        : `HTTP ${status} with a body that is not a DataWorks answer (a proxy or gateway in between?)`,
    });
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

// The HTTP side: one loopback server that answers RPC calls at `/` (signed, like the real gateway) and an unsigned
// admin API under `/__admin/`. Order of checks per call: count → latency → action lookup → signature → faults →
// edition/permission gates → execute → (maybe hold) → answer.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ActionSpec } from './actions/common';
import { Params, nowIso } from './actions/common';
import { ACTIONS, CLOUDAPI_VERSION } from './actions/index';
import type { KnownKey } from './credentials';
import { DEMO_CREDENTIALS, DEMO_STS_CREDENTIALS, EXPIRED_STS_CREDENTIALS, RESTRICTED_CREDENTIALS } from './credentials';
import { ApiError, DSG, DsgError, THROTTLE_MESSAGES, camelKeys, dsgWireError, errorBody, internalError } from './errors';
import type { FaultConfig } from './faults';
import { FaultState } from './faults';
import type { Edition, EmulatorData, SeedName } from './model';
import { EDITIONS, editionRank } from './model';
import type { HeaderMap, Verified } from './signature';
import { parseRawQuery, verifyAcs3, verifyV2 } from './signature';
import { Store } from './store';
import type { DsgCase, DsgErrorCodes, DsgErrorStyle, DsgKindFilters, DsgListShape, DsgWire } from './wire';
import { DEFAULT_DSG_WIRE, applyDsgSettings, dsgSettingsOf } from './wire';

export type { DsgCase, DsgErrorCodes, DsgErrorStyle, DsgListShape } from './wire';

export interface EmulatorOptions {
  /** 0 or undefined = random free port. */
  port?: number;
  /** Default 'demo'. Ignored when `statePath` exists. */
  seed?: SeedName;
  /** Default DEMO_CREDENTIALS. */
  accessKeyId?: string;
  accessKeySecret?: string;
  /** Persist data as JSON; load it if it exists; atomic writes. */
  statePath?: string;
  faults?: FaultConfig;
  /** Default 900. */
  maxSkewSeconds?: number;
  /** How DSG business errors are answered: 'body' (default) = HTTP 200 + Success:false, 'http' = real 4xx/5xx. */
  dsgErrorStyle?: DsgErrorStyle;
  /** DSG error codes: 'symbolic' (default, USERGROUP.ID.ERROR) or 'numeric' ("1029030003", our own mapping). */
  dsgErrorCodes?: DsgErrorCodes;
  /** Keys of DSG bodies: 'pascal' (default, the SDK models) or 'camel' at every level (the SDK's own example). */
  dsgCase?: DsgCase;
  /** DsgUserGroupQueryList items: 'sdk' (default, exactly the SDK model) or 'rich' (+ UserGroupType, ProjectName). */
  dsgListShape?: DsgListShape;
  /** Whether DsgUserGroupQueryList applies its userGroupType and ProjectName filters: 'applied' (default) or 'ignored'. */
  dsgKindFilters?: DsgKindFilters;
  /** Overrides the seed's (or state file's) edition. */
  edition?: Edition;
}

export interface RunningEmulator {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** 127.0.0.1:<port> — what the client uses as endpoint (no scheme). */
  readonly endpoint: string;
  readonly port: number;
  setFaults(f: FaultConfig): void;
  clearFaults(): void;
  /** Requests received per action (including rejected/faulted ones), plus '__total'. */
  counts(): Record<string, number>;
  resetCounts(): void;
  /** Deep copy of the data, for assertions. */
  snapshot(): EmulatorData;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const HOLD_MS = 120_000;
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const FORBIDDEN_ENTERPRISE = 'Access is forbidden. Please first activate DataWorks Enterprise Edition or Flagship Edition.';
const FORBIDDEN_PROFESSIONAL = 'Access is forbidden. Please first activate DataWorks Professional Edition or higher.';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Region: signed header, else the endpoint host name, else the default region. */
export function regionOf(headers: HeaderMap, fallback = 'cn-shanghai'): string {
  const explicit = headers['x-acs-region-id']?.[0]?.trim();
  if (explicit) return explicit;
  const host = (headers.host?.[0] ?? '').toLowerCase().replace(/:\d+$/, '');
  const m = /^(?:dataworks|dataworks-vpc|apigateway)\.([a-z0-9-]+)\.aliyuncs\.com$/.exec(host);
  return m?.[1] ?? fallback;
}

/** Resolves undefined for an oversized body; the rest is drained so that the 413 still reaches the client. */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

interface Held {
  readonly res: ServerResponse;
  readonly timer: NodeJS.Timeout;
}

class Emulator {
  readonly faults: FaultState;
  private readonly keys = new Map<string, KnownKey>();
  private readonly nonces = new Map<string, number>();
  private countMap = new Map<string, number>();
  private readonly held = new Set<Held>();
  private readonly maxSkewSeconds: number;
  readonly dsgWire: DsgWire;

  constructor(
    readonly store: Store,
    opts: EmulatorOptions,
  ) {
    this.faults = new FaultState(opts.faults);
    this.maxSkewSeconds = opts.maxSkewSeconds ?? 900;
    this.dsgWire = { ...DEFAULT_DSG_WIRE };
    applyDsgSettings(this.dsgWire, { ...opts });
    const d = store.current;
    const uidOf = (name: string): string => d.tenantUsers.find((u) => u.accountName === name)?.baseId ?? d.ownerUid;
    const add = (k: KnownKey): void => void this.keys.set(k.accessKeyId, k);
    add({ ...DEMO_STS_CREDENTIALS, uid: uidOf('dataworks_etl_role') });
    add({ ...EXPIRED_STS_CREDENTIALS, tokenExpired: true, uid: uidOf('dataworks_etl_role') });
    add({ ...RESTRICTED_CREDENTIALS, restricted: true, uid: uidOf('grace') });
    add({
      accessKeyId: opts.accessKeyId ?? DEMO_CREDENTIALS.accessKeyId,
      accessKeySecret: opts.accessKeySecret ?? DEMO_CREDENTIALS.accessKeySecret,
      uid: d.ownerUid,
    });
  }

  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    let total = 0;
    for (const [k, v] of this.countMap) {
      out[k] = v;
      total += v;
    }
    out.__total = total;
    return out;
  }

  resetCounts(): void {
    this.countMap = new Map();
  }

  private claimNonce(accessKeyId: string, nonce: string, nowMs: number): boolean {
    const key = `${accessKeyId}\n${nonce}`;
    const until = this.nonces.get(key);
    if (until !== undefined && until > nowMs) return false;
    // A request is valid for ±skew around its timestamp, so a nonce must be remembered for twice that long.
    this.nonces.set(key, nowMs + 2 * this.maxSkewSeconds * 1000);
    if (this.nonces.size % 1024 === 0) {
      for (const [k, t] of this.nonces) if (t <= nowMs) this.nonces.delete(k);
    }
    return true;
  }

  settings(): Record<string, string> {
    return { edition: this.store.current.edition, ...dsgSettingsOf(this.dsgWire) };
  }

  releaseHeld(): void {
    for (const h of this.held) {
      clearTimeout(h.timer);
      h.res.destroy();
    }
    this.held.clear();
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const rawQuery = q < 0 ? '' : url.slice(q + 1);
    if (path.startsWith('/__admin/')) {
      this.admin(req, res, path, body ?? Buffer.alloc(0));
      return;
    }

    const requestId = randomUUID().toUpperCase();
    const headers: HeaderMap = req.headersDistinct;
    const queryPairs = parseRawQuery(rawQuery);
    const query = new Map(queryPairs);
    const contentType = headers['content-type']?.[0] ?? '';
    const bodyPairs = body && body.length > 0 && contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')
      ? parseRawQuery(body.toString('utf8'))
      : [];
    // Legacy RPC (HMAC-SHA1) clients put the common parameters and Signature in the query (openapi-client v2) or,
    // like @alicloud/pop-core, everything in a POST form body with an empty query; the gateway reads both as one set.
    const rpcPairs = [...queryPairs, ...bodyPairs];
    const rpc = new Map([...bodyPairs, ...queryPairs]);
    const style: 'ACS3' | 'V2' | 'none' = headers.authorization ? 'ACS3' : rpc.has('Signature') ? 'V2' : 'none';
    const action = (style === 'V2' ? rpc.get('Action') : headers['x-acs-action']?.[0] ?? query.get('Action')) ?? '';
    const version = (style === 'V2' ? rpc.get('Version') : headers['x-acs-version']?.[0] ?? query.get('Version')) ?? '';
    this.countMap.set(action || '(none)', (this.countMap.get(action || '(none)') ?? 0) + 1);
    const region = (style === 'V2' ? rpc.get('RegionId') : undefined) ?? regionOf(headers);
    const spec: ActionSpec | undefined = ACTIONS[version]?.[action];
    const product = spec?.product ?? (version === CLOUDAPI_VERSION ? 'cloudapi' : 'dataworks');
    const hostId = `${product === 'cloudapi' ? 'apigateway' : 'dataworks'}.${region}.aliyuncs.com`;

    const wire = this.dsgWire;
    // Only what the DSG service itself answers changes case; gateway errors (signature, throttling) stay PascalCase.
    const dsgCased = (body: Record<string, unknown>): unknown => (wire.keyCase === 'camel' ? camelKeys(body) : body);
    const fail = (e: ApiError | DsgError): void => {
      if (e instanceof DsgError) {
        const { code, message } = dsgWireError(e, wire.errorCodes);
        if (wire.errorStyle === 'body') {
          send(res, 200, dsgCased({ RequestId: requestId, Success: false, ErrorCode: code, ErrorMessage: message, HttpStatusCode: e.status }), requestId);
        } else {
          send(res, e.status, dsgCased({ ...errorBody(requestId, hostId, 'dataworks-public', code, message) }), requestId);
        }
        return;
      }
      send(res, e.status, errorBody(requestId, hostId, product === 'cloudapi' ? 'CloudAPI' : 'dataworks-public', e.code, e.message), requestId);
    };

    const latency = this.faults.latencyFor(action);
    if (latency > 0) await sleep(latency);

    try {
      if (body === undefined) throw new ApiError(413, 'RequestEntityTooLarge', 'The request body is too large.');
      if (path !== '/' || (req.method !== 'GET' && req.method !== 'POST')) {
        throw new ApiError(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.');
      }
      if (!action) throw new ApiError(400, 'MissingParameter', 'The input parameter "Action" that is mandatory for processing this request is not supplied.');
      if (!version) throw new ApiError(400, 'MissingParameter', 'The input parameter "Version" that is mandatory for processing this request is not supplied.');
      if (!ACTIONS[version]) throw new ApiError(400, 'InvalidVersion', 'Specified parameter Version is not valid.');
      if (!spec) throw new ApiError(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.');

      const nowMs = Date.now();
      const env = {
        findKey: (id: string) => this.keys.get(id),
        nowMs,
        maxSkewSeconds: this.maxSkewSeconds,
        claimNonce: (id: string, nonce: string) => this.claimNonce(id, nonce, nowMs),
      };
      let verified: Verified;
      if (style === 'ACS3') verified = verifyAcs3({ method: req.method, path, rawQuery, headers, body }, env);
      else if (style === 'V2') verified = verifyV2(req.method, rpcPairs, env);
      else throw new ApiError(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards. The request is not signed.');
      const caller = this.keys.get(verified.key.accessKeyId) ?? { ...verified.key, uid: this.store.current.ownerUid };

      const fault = this.faults.beforeExecute(action, spec.dsg === true);
      if (fault?.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'throttle') throw new ApiError(429, fault.code, THROTTLE_MESSAGES[fault.code]);
      if (fault?.kind === 'serverError') throw internalError();
      if (fault?.kind === 'dsgUnknown') throw DSG.unknown();

      const edition = this.store.current.edition;
      if (spec.minEdition && editionRank(edition) < editionRank(spec.minEdition)) {
        throw new ApiError(403, 'Forbidden.Access', spec.minEdition === 'Enterprise' ? FORBIDDEN_ENTERPRISE : FORBIDDEN_PROFESSIONAL);
      }
      if (caller.restricted && spec.restricted === 'ram') {
        throw new ApiError(403, 'Forbidden.RAM', 'User not authorized to operate on the specified resource, or this API doesn\'t support RAM.');
      }
      if (caller.restricted && spec.restricted === 'dsg') throw new DsgError(403, 'PERMISSION.DENIED.ERROR', 'Permission denied');

      // A legacy RPC request is one parameter set wherever it travelled; ACS3 requests are held to the SDK's places.
      const params = style === 'V2' ? new Params(rpc, rpc, spec.placement) : new Params(query, new Map(bodyPairs), spec.placement);
      const result = spec.handler({ store: this.store, region, params, caller, nowIso: nowIso(nowMs), listShape: wire.listShape, kindFilters: wire.kindFilters });

      if (fault?.kind !== 'pass' && this.faults.holdAfterExecute(action)) {
        const held: Held = {
          res,
          timer: setTimeout(() => {
            this.held.delete(held);
            res.destroy();
          }, HOLD_MS).unref(),
        };
        this.held.add(held);
        return;
      }
      const answer = { RequestId: requestId, ...result };
      send(res, 200, spec.dsg === true ? dsgCased(answer) : answer, requestId);
    } catch (e) {
      if (e instanceof ApiError || e instanceof DsgError) {
        fail(e);
        return;
      }
      console.error('[emulator] unexpected error', e);
      fail(internalError());
    }
  }

  private admin(req: IncomingMessage, res: ServerResponse, path: string, body: Buffer): void {
    const reply = (status: number, value: unknown): void => sendJson(res, status, value);
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
      reply(403, { error: 'the admin API only answers loopback clients' });
      return;
    }
    // DNS rebinding: a web page whose host name resolves to 127.0.0.1 reaches us from a loopback address too, but
    // its browser sends that host name. Only the loopback names of this very port are ours.
    if (!adminHostAllowed(req.headers.host, req.socket.localPort)) {
      reply(403, { error: 'the admin API only answers requests for 127.0.0.1, localhost or [::1] on its own port' });
      return;
    }
    const route = `${req.method ?? ''} ${path}`;
    const json = (): unknown => (body.length === 0 ? {} : JSON.parse(body.toString('utf8')));
    try {
      switch (route) {
        case 'GET /__admin/counts': return reply(200, this.counts());
        case 'POST /__admin/reset-counts': this.resetCounts(); return reply(200, { ok: true });
        case 'GET /__admin/faults': return reply(200, this.faults.current);
        case 'POST /__admin/faults': this.faults.set(json() as FaultConfig); return reply(200, this.faults.current);
        case 'DELETE /__admin/faults': this.faults.clear(); return reply(200, { ok: true });
        case 'GET /__admin/state': return reply(200, this.store.current);
        case 'POST /__admin/state': this.store.replace(json()); return reply(200, { ok: true });
        case 'GET /__admin/settings': return reply(200, this.settings());
        case 'POST /__admin/settings': {
          const parsed = json();
          const s = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
          if (s.edition !== undefined && !(EDITIONS as readonly unknown[]).includes(s.edition)) throw new Error(`edition must be one of ${EDITIONS.join(', ')}`);
          // Checks every DSG setting before changing any, so a bad request changes nothing.
          const next = { ...this.dsgWire };
          applyDsgSettings(next, s);
          if (s.edition !== undefined) {
            const edition = s.edition as Edition;
            this.store.mutate((d) => void (d.edition = edition));
          }
          Object.assign(this.dsgWire, next);
          return reply(200, this.settings());
        }
        default: return reply(404, { error: `no admin route ${route}` });
      }
    } catch (e) {
      reply(400, { error: e instanceof Error ? e.message : String(e) });
    }
  }
}

const ADMIN_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

export function adminHostAllowed(host: string | undefined, port: number | undefined): boolean {
  if (host === undefined || port === undefined) return false;
  return ADMIN_HOSTS.some((h) => host.toLowerCase() === `${h}:${port}`);
}

function sendJson(res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text), ...extra });
  res.end(text);
}

function send(res: ServerResponse, status: number, value: unknown, requestId: string): void {
  sendJson(res, status, value, { 'x-acs-request-id': requestId });
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const store = Store.open(opts.seed ?? 'demo', opts.statePath);
  if (opts.edition && store.current.edition !== opts.edition) {
    const edition = opts.edition;
    store.mutate((d) => void (d.edition = edition));
  }
  const emu = new Emulator(store, opts);
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    emu.handle(req, res).catch((e: unknown) => {
      console.error('[emulator] request failed', e);
      const requestId = randomUUID().toUpperCase();
      if (!res.headersSent) send(res, 500, errorBody(requestId, '127.0.0.1', 'dataworks-public', 'InternalError', String(e)), requestId);
      else res.destroy();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    endpoint: `127.0.0.1:${port}`,
    port,
    setFaults: (f) => emu.faults.set(f),
    clearFaults: () => emu.faults.clear(),
    counts: () => emu.counts(),
    resetCounts: () => emu.resetCounts(),
    snapshot: () => store.snapshot(),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        emu.releaseHeld();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      return closing;
    },
  };
}

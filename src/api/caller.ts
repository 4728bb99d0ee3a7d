// How one call goes out: rate limit, attempts, retries, deadline and cancellation, and turning whatever comes
// back into a value or a DataWorksError. service.ts says what each action sends; this file says how.

import { type Clock, raceAbort, realClock, sleepUnlessAborted } from './clock';
import type { ApiLogger, ServiceConfig } from './config';
import type { CallOptions } from './dataWorksService';
import { DataWorksError } from './errors';
import { resolveEndpoint } from './endpoints';
import { defaultLoadTransport } from './loader';
import { parseProxyUrl, proxySecretsOf } from './proxy';
import { type RateLimiter, sharedRateLimiter } from './rateLimiter';
import { redact } from './redact';
import { type BackoffOptions, backoffDelay, decide, DEFAULT_BACKOFF, type Safety } from './retry';
import { pascalizeKeys, type Schema } from './schemas';
import {
  isTransportError, type Product, type SendState, type Transport, type TransportModule, type TransportRequest,
  type TransportResponse,
} from './transport';

export interface ServiceDeps {
  /** How to get the transport module; default: dist/api.js next to the bundle, else openApiTransport.ts. */
  readonly loadTransport?: () => Promise<TransportModule>;
  /** Backoff and rate-limit waits. Cancellation is handled around it, a fake may simply resolve. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** In [0, 1): the jitter source. */
  readonly random?: () => number;
  readonly now?: () => number;
  readonly backoff?: Partial<BackoffOptions>;
  /** Replaces the process-wide per region and account limiter (tests). */
  readonly rateLimiter?: RateLimiter;
}

const DATAWORKS_VERSION = '2020-05-18';
const CLOUDAPI_VERSION = '2016-07-14';
const DEFAULT_DEADLINE_MS = 30_000;
/** One attempt's wait for an answer; the rest of the deadline is left for retries (reads, updates, deletes). */
const DEFAULT_ATTEMPT_TIMEOUT_MS = 10_000;
/** After an ambiguous create the lookup gets at least this long, even if the caller's deadline is used up. */
const LOOKUP_BUDGET_MS = 10_000;

/** Regions outside the SDK's endpoint map already noted in the log, so each is noted once per session. */
const notedUnmappedRegions = new Set<string>();

export interface CallSpec<T> {
  readonly product: Product;
  readonly action: string;
  readonly method: 'GET' | 'POST';
  readonly query?: Record<string, string>;
  readonly body?: Record<string, string>;
  readonly safety: Safety;
  /** Validates and maps the body; throws DataWorksError 'unexpected-response'. */
  readonly parse: (body: unknown, requestId: string) => T;
  /** DSG writes report the outcome in `Data`; `false` is a failure even with HTTP 200. */
  readonly dataFalseIsFailure?: boolean;
  /** After a resend of a request that may have been applied, this error means the first send succeeded. */
  readonly appliedOnResend?: (e: DataWorksError) => boolean;
  readonly appliedValue?: T;
}

export interface CallResult<T> {
  readonly value: T;
  readonly requestId: string;
}

/** Internal: a create failed in a way that may or may not have created it. */
export class AmbiguousCreate extends Error {
  constructor(readonly error: DataWorksError) {
    super(error.message);
  }
}

export interface CallContext {
  readonly signal: AbortSignal;
  readonly deadlineAt: number;
  dispose(): void;
}

interface Failure {
  readonly error: DataWorksError;
  readonly sendState: SendState;
}

export class Caller {
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly backoff: BackoffOptions;
  private readonly limiter: RateLimiter;
  private readonly loadTransport: () => Promise<TransportModule>;
  private transportPromise: Promise<Transport> | undefined;
  private readonly log: ApiLogger | undefined;
  private readonly secrets: readonly (string | undefined)[];
  private readonly region: string;

  constructor(private readonly config: ServiceConfig, deps: ServiceDeps = {}) {
    this.region = config.region;
    this.clock = { now: deps.now ?? realClock.now, sleep: deps.sleep ?? realClock.sleep };
    this.random = deps.random ?? Math.random;
    this.backoff = { ...DEFAULT_BACKOFF, ...deps.backoff };
    this.limiter = deps.rateLimiter
      ?? sharedRateLimiter(config.region, config.credentials.accessKeyId, config.requestsPerSecond);
    this.loadTransport = deps.loadTransport ?? defaultLoadTransport;
    this.log = config.logger;
    this.secrets = [config.credentials.accessKeySecret, config.credentials.securityToken, ...proxySecretsOf(config.proxy)];
  }

  /** One public call: its cancellation and overall deadline wrap every attempt, backoff and lookup inside. */
  async run<T>(opts: CallOptions | undefined, action: string, fn: (ctx: CallContext) => Promise<T>): Promise<T> {
    const ctx = this.begin(action, opts);
    try {
      return await fn(ctx);
    } finally {
      ctx.dispose();
    }
  }

  private begin(action: string, opts: CallOptions | undefined): CallContext {
    const deadlineMs = opts?.deadlineMs ?? this.config.timeoutMs ?? DEFAULT_DEADLINE_MS;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DataWorksError({
      action, kind: 'timeout', code: 'DeadlineExceeded', retryable: true,
      message: `${action} did not complete within ${deadlineMs} ms`,
    })), deadlineMs);
    const onAbort = (): void => controller.abort(new DataWorksError({
      action, kind: 'cancelled', code: 'Cancelled', message: `${action} was cancelled`,
    }));
    const user = opts?.signal;
    if (user?.aborted) onAbort();
    else user?.addEventListener('abort', onAbort, { once: true });
    return {
      signal: controller.signal,
      deadlineAt: this.clock.now() + deadlineMs,
      dispose: () => {
        clearTimeout(timer);
        user?.removeEventListener('abort', onAbort);
      },
    };
  }

  private proxyProblem(): string | undefined {
    const proxy = this.config.proxy?.trim();
    if (!proxy) return undefined;
    try {
      parseProxyUrl(proxy);
      return undefined;
    } catch (e) {
      return this.redact(e instanceof Error ? e.message : String(e));
    }
  }

  lookupBudget(opts: CallOptions | undefined): number {
    return Math.max(LOOKUP_BUDGET_MS, opts?.deadlineMs ?? this.config.timeoutMs ?? DEFAULT_DEADLINE_MS);
  }

  private transport(action: string): Promise<Transport> {
    this.transportPromise ??= this.loadTransport().then((m) => m.createTransport({
      credentials: this.config.credentials,
      ...(this.config.endpoint ? { endpoint: this.config.endpoint } : {}),
      ...(this.config.vpc ? { vpc: true } : {}),
      ...(this.config.userAgent ? { userAgent: this.config.userAgent } : {}),
      ...(this.config.proxy ? { proxy: this.config.proxy } : {}),
      ...(this.config.noProxy ? { noProxy: this.config.noProxy } : {}),
      ...(this.config.proxyStrictSSL !== undefined ? { proxyStrictSSL: this.config.proxyStrictSSL } : {}),
    }));
    // A failed load (e.g. a missing dist/api.js) should not poison every later call.
    this.transportPromise.catch(() => { this.transportPromise = undefined; });
    return this.transportPromise.catch((e: unknown) => {
      throw new DataWorksError({
        action, kind: 'unexpected-response', code: 'TransportUnavailable',
        message: this.redact(`The API client could not be loaded: ${describe(e)}`),
      });
    });
  }

  async call<T>(ctx: CallContext, spec: CallSpec<T>): Promise<CallResult<T>> {
    const { credentials } = this.config;
    if (!credentials.accessKeyId || !credentials.accessKeySecret) {
      // Empty keys would make openapi-client fall back to @alicloud/credentials' default chain (env, files, IMDS).
      throw new DataWorksError({
        action: spec.action, kind: 'api', code: 'InvalidCredentials', message: 'No AccessKey ID or secret configured',
      });
    }
    // The transport resolves the endpoint again when it sends; this earlier check makes a refused region or endpoint
    // a DataWorksError before anything (limiter, transport load) happens, and has the logger the transport lacks.
    resolveEndpoint(spec.product, this.region, {
      ...(this.config.vpc ? { vpc: true } : {}),
      ...(this.config.endpoint ? { endpoint: this.config.endpoint } : {}),
      action: spec.action,
      onUnmappedRegion: (region) => {
        if (notedUnmappedRegions.has(region)) return;
        notedUnmappedRegions.add(region);
        this.log?.info(`Region ${region} is not in the DataWorks SDK's endpoint map; using dataworks.${region}.aliyuncs.com`);
      },
    });
    const proxyProblem = this.proxyProblem();
    if (proxyProblem) {
      // A setting problem, not a network one: retrying cannot help, and going around the proxy is not an option.
      throw new DataWorksError({ action: spec.action, kind: 'api', code: 'InvalidProxy', message: proxyProblem });
    }
    const request: TransportRequest = {
      product: spec.product,
      action: spec.action,
      version: spec.product === 'cloudapi' ? CLOUDAPI_VERSION : DATAWORKS_VERSION,
      method: spec.method,
      query: spec.query ?? {},
      ...(spec.body ? { body: spec.body } : {}),
      region: this.region,
    };
    let mayHaveApplied = false;
    for (let attempt = 1; ; attempt++) {
      let inFlight = false;
      const started = this.clock.now();
      try {
        await this.limiter.acquire(ctx.signal);
        const transport = await raceAbort(this.transport(spec.action), ctx.signal);
        const attemptCap = this.config.attemptTimeoutMs !== undefined && this.config.attemptTimeoutMs > 0
          ? this.config.attemptTimeoutMs : DEFAULT_ATTEMPT_TIMEOUT_MS;
        const timeoutMs = Math.max(1, Math.min(attemptCap, ctx.deadlineAt - this.clock.now()));
        inFlight = true;
        const res = await raceAbort(transport.send(request, { signal: ctx.signal, timeoutMs }), ctx.signal);
        inFlight = false;
        const result = this.interpret(spec, res);
        this.log?.debug(`${spec.action} attempt ${attempt}: HTTP ${res.statusCode}, request ID ${result.requestId}, ${this.clock.now() - started} ms`);
        return result;
      } catch (e) {
        if (e instanceof AmbiguousCreate) throw e;
        const failure = this.toFailure(spec.action, e, inFlight);
        const { error } = failure;
        this.log?.warn(`${spec.action} attempt ${attempt}: ${error.kind} ${error.code}${error.httpStatus ? ` HTTP ${error.httpStatus}` : ''}, request ID ${error.requestId ?? '-'}, ${this.clock.now() - started} ms`);
        if (mayHaveApplied && spec.appliedOnResend?.(error)) {
          this.log?.info(`${spec.action}: the earlier attempt had been applied`);
          return { value: spec.appliedValue as T, requestId: error.requestId ?? '' };
        }
        if (error.kind === 'cancelled' || error.code === 'DeadlineExceeded') {
          if (spec.safety === 'create' && failure.sendState === 'maybe-sent') {
            if (error.kind === 'cancelled') throw error.withVerdict('unknown');
            throw new AmbiguousCreate(error);
          }
          throw spec.safety === 'create' ? error.withVerdict('not-created') : error;
        }
        const decision = decide(error, spec.safety, failure.sendState);
        if (decision === 'ambiguous') throw new AmbiguousCreate(error);
        if (decision === 'fail' || attempt > this.backoff.maxRetries) throw error;
        const delay = backoffDelay(attempt - 1, error.kind === 'throttled', this.backoff, this.random, retryAfterOf(e));
        if (this.clock.now() + delay >= ctx.deadlineAt) throw error;
        if (failure.sendState === 'maybe-sent' && error.kind !== 'throttled') mayHaveApplied = true;
        this.log?.debug(`${spec.action}: retrying in ${delay} ms`);
        try {
          await sleepUnlessAborted(this.clock, delay, ctx.signal);
        } catch (abortReason) {
          const aborted = this.toFailure(spec.action, abortReason, false).error;
          // Every attempt so far was refused or never sent, so nothing was created.
          throw spec.safety === 'create' ? aborted.withVerdict('not-created') : aborted;
        }
      }
    }
  }

  /** A 2xx answer: DSG-style `Success:false` and `Data:false` are failures too; everything else is parsed. */
  private interpret<T>(spec: CallSpec<T>, res: TransportResponse): CallResult<T> {
    const body = res.body;
    // Only the envelope is needed here; the items are normalised by the DSG parsers that need it.
    const rec = typeof body === 'object' && body !== null ? (pascalizeKeys(body, false) as Record<string, unknown>) : {};
    const requestId = stringOf(rec['RequestId']) ?? res.headers['x-acs-request-id'] ?? '';
    if (rec['Success'] === false || (spec.dataFalseIsFailure && rec['Data'] === false)) {
      const code = stringOf(rec['ErrorCode']) ?? stringOf(rec['Code']) ?? 'OperationFailed';
      const status = typeof rec['HttpStatusCode'] === 'number' ? rec['HttpStatusCode'] : undefined;
      const said = stringOf(rec['ErrorMessage']) ?? stringOf(rec['Message']);
      const message = said ?? 'DataWorks reported that the operation did not succeed';
      throw this.apiError(spec.action, code, message, status ?? (rec['Success'] === false ? undefined : res.statusCode), requestId, said);
    }
    return { value: spec.parse(body, requestId), requestId };
  }

  /** `said` is the message of the server's answer, when it had one; `message` falls back to ours. */
  private apiError(
    action: string, code: string, message: string, httpStatus: number | undefined, requestId: string | undefined, said: string | undefined,
  ): DataWorksError {
    const throttled = code.startsWith('Throttling') || httpStatus === 429;
    const serverSide = httpStatus !== undefined && httpStatus >= 500;
    return new DataWorksError({
      action,
      kind: throttled ? 'throttled' : 'api',
      code,
      message: this.redact(message),
      ...(said !== undefined ? { serverMessage: this.redact(said) } : {}),
      ...(httpStatus !== undefined ? { httpStatus } : {}),
      ...(requestId ? { requestId } : {}),
      retryable: throttled || serverSide,
    });
  }

  private toFailure(action: string, e: unknown, inFlight: boolean): Failure {
    if (e instanceof DataWorksError) {
      // Our own abort reasons: whether anything left depends on where we were. Any other DataWorksError here
      // came from an answer, so the server saw the request.
      const aborted = e.kind === 'cancelled' || e.code === 'DeadlineExceeded';
      return { error: e, sendState: !aborted || inFlight ? 'maybe-sent' : 'not-sent' };
    }
    if (isTransportError(e)) {
      const sendState = e.sendState;
      if (e.kind === 'http') {
        const body = (typeof e.body === 'object' && e.body !== null ? pascalizeKeys(e.body, false) : {}) as Record<string, unknown>;
        const code = nonEmpty(e.code) ?? stringOf(body['Code']) ?? stringOf(body['ErrorCode']) ?? `HTTP${e.statusCode ?? ''}`;
        const said = stringOf(body['Message']) ?? stringOf(body['ErrorMessage']);
        const requestId = e.requestId ?? stringOf(body['RequestId']);
        return { error: this.apiError(action, code, said ?? e.message, e.statusCode, requestId, said), sendState };
      }
      return {
        error: new DataWorksError({
          action,
          kind: e.kind,
          code: nonEmpty(e.code) ?? (e.kind === 'timeout' ? 'Timeout' : 'NetworkError'),
          message: this.redact(e.message),
          retryable: true,
        }),
        sendState,
      };
    }
    // Anything else is a bug or a malformed 2xx body (openapi-client throws SyntaxError on non-JSON).
    return {
      error: new DataWorksError({
        action, kind: 'unexpected-response', code: 'UnexpectedResponse', message: this.redact(`Unexpected response from DataWorks: ${describe(e)}`),
      }),
      sendState: 'maybe-sent',
    };
  }

  parse<T>(action: string, schema: Schema<T>, body: unknown, requestId: string): T {
    const r = schema.safeParse(body);
    if (r.success) return r.data;
    const where = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    this.log?.warn(`${action}: response did not match the expected shape (${where})`);
    throw new DataWorksError({
      action, kind: 'unexpected-response', code: 'UnexpectedResponse', requestId,
      message: `Unexpected response from DataWorks (request ID ${requestId || 'unknown'})`,
    });
  }

  private redact(text: string): string {
    return redact(text, this.secrets);
  }
}

function stringOf(v: unknown): string | undefined {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

function nonEmpty(v: string | undefined): string | undefined {
  return v && v !== 'undefined' ? v : undefined;
}

function retryAfterOf(e: unknown): number | undefined {
  return isTransportError(e) ? e.retryAfterMs : undefined;
}

export function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

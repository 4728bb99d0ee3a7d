import { type Clock, raceAbort, realClock, sleepUnlessAborted } from './clock';
import type { ApiLogger, ServiceConfig } from './config';
import type {
  CallOptions, CreateBusinessProcessInput, CreateBusinessProcessResult, DataWorksService, ListApiGatewayGroupsRequest,
  ListBusinessProcessesRequest, ListUserGroupsRequest, PageRequest, UserGroupInput, WriteResult,
} from './dataWorksService';
import { DataWorksError, type CreateVerdict } from './errors';
import { defaultLoadTransport } from './loader';
import {
  toApiGatewayGroup, toBusinessProcess, toTenantUser, toUserGroup, toWorkspace, toWorkspaceDetails,
} from './mappers';
import { type RateLimiter, sharedRateLimiter } from './rateLimiter';
import { redact } from './redact';
import { type BackoffOptions, backoffDelay, decide, DEFAULT_BACKOFF, type Safety } from './retry';
import * as s from './schemas';
import {
  isTransportError, type Product, type SendState, type Transport, type TransportModule, type TransportRequest,
  type TransportResponse,
} from './transport';
import type { ApiGatewayGroup, BusinessProcess, Page, TenantUser, UserGroup, Workspace, WorkspaceDetails } from './types';

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
/** After an ambiguous create the lookup gets at least this long, even if the caller's deadline is used up. */
const LOOKUP_BUDGET_MS = 10_000;
const LOOKUP_PAGES = 5;

interface CallSpec<T> {
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

interface CallResult<T> {
  readonly value: T;
  readonly requestId: string;
}

/** Internal: a create failed in a way that may or may not have created it. */
class AmbiguousCreate extends Error {
  constructor(readonly error: DataWorksError) {
    super(error.message);
  }
}

interface CallContext {
  readonly signal: AbortSignal;
  readonly deadlineAt: number;
  dispose(): void;
}

interface Failure {
  readonly error: DataWorksError;
  readonly sendState: SendState;
}

export class DataWorksServiceImpl implements DataWorksService {
  readonly region: string;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly backoff: BackoffOptions;
  private readonly limiter: RateLimiter;
  private readonly loadTransport: () => Promise<TransportModule>;
  private transportPromise: Promise<Transport> | undefined;
  private readonly log: ApiLogger | undefined;
  private readonly secrets: readonly (string | undefined)[];

  constructor(private readonly config: ServiceConfig, deps: ServiceDeps = {}) {
    this.region = config.region;
    this.clock = { now: deps.now ?? realClock.now, sleep: deps.sleep ?? realClock.sleep };
    this.random = deps.random ?? Math.random;
    this.backoff = { ...DEFAULT_BACKOFF, ...deps.backoff };
    this.limiter = deps.rateLimiter
      ?? sharedRateLimiter(config.region, config.credentials.accessKeyId, config.requestsPerSecond);
    this.loadTransport = deps.loadTransport ?? defaultLoadTransport;
    this.log = config.logger;
    this.secrets = [config.credentials.accessKeySecret, config.credentials.securityToken];
  }

  // ---- workspaces ----

  async listWorkspaces(req: PageRequest, opts?: CallOptions): Promise<Page<Workspace>> {
    const action = 'ListProjects';
    const p = this.paging(action, req, 100);
    const r = await this.run(opts, action, (ctx) => this.call(ctx, {
      product: 'dataworks', action, method: 'POST', safety: 'read',
      query: { PageNumber: String(p.pageNumber), PageSize: String(p.pageSize) },
      parse: (body, id) => {
        const b = this.parse(action, s.listProjectsBody, body, id).PageResult;
        return page(b, (b.ProjectList ?? []).map(toWorkspace));
      },
    }));
    return r.value;
  }

  async getWorkspace(projectId: number, opts?: CallOptions): Promise<WorkspaceDetails> {
    const action = 'GetProject';
    this.requireId(action, projectId, 'projectId');
    const r = await this.run(opts, action, (ctx) => this.call(ctx, {
      product: 'dataworks', action, method: 'POST', safety: 'read',
      query: { ProjectId: String(projectId) },
      parse: (body, id) => toWorkspaceDetails(this.parse(action, s.getProjectBody, body, id).Data),
    }));
    return r.value;
  }

  // ---- business processes (DataService Studio groups) ----

  async listBusinessProcesses(req: ListBusinessProcessesRequest, opts?: CallOptions): Promise<Page<BusinessProcess>> {
    return this.run(opts, 'ListDataServiceGroups', (ctx) => this.listDataServiceGroups(ctx, req));
  }

  private async listDataServiceGroups(ctx: CallContext, req: ListBusinessProcessesRequest): Promise<Page<BusinessProcess>> {
    const action = 'ListDataServiceGroups';
    this.requireId(action, req.projectId, 'projectId');
    const p = this.paging(action, req, 100);
    const body: Record<string, string> = {};
    if (req.nameKeyword) body['GroupNameKeyword'] = req.nameKeyword;
    body['PageNumber'] = String(p.pageNumber);
    body['PageSize'] = String(p.pageSize);
    body['ProjectId'] = String(req.projectId);
    const r = await this.call(ctx, {
      product: 'dataworks', action, method: 'POST', safety: 'read', body,
      parse: (raw, id) => {
        const b = this.parse(action, s.listDataServiceGroupsBody, raw, id).GroupPagingResult;
        return page(b, (b.Groups ?? []).map((g) => toBusinessProcess(g, req.projectId)));
      },
    });
    return r.value;
  }

  async getBusinessProcess(projectId: number, groupId: string, opts?: CallOptions): Promise<BusinessProcess> {
    const action = 'GetDataServiceGroup';
    this.requireId(action, projectId, 'projectId');
    this.requireText(action, groupId, 'groupId');
    const r = await this.run(opts, action, (ctx) => this.call(ctx, {
      product: 'dataworks', action, method: 'POST', safety: 'read',
      body: { GroupId: groupId, ProjectId: String(projectId) },
      parse: (body, id) => toBusinessProcess(this.parse(action, s.getDataServiceGroupBody, body, id).Group, projectId),
    }));
    return r.value;
  }

  async createBusinessProcess(input: CreateBusinessProcessInput, opts?: CallOptions): Promise<CreateBusinessProcessResult> {
    const action = 'CreateDataServiceGroup';
    this.requireId(action, input.projectId, 'projectId');
    this.requireText(action, input.apiGatewayGroupId, 'apiGatewayGroupId');
    this.requireText(action, input.name, 'name');
    try {
      const r = await this.run(opts, action, (ctx) => this.call(ctx, {
        product: 'dataworks', action, method: 'POST', safety: 'create',
        // The documented order; TenantId is deprecated and never sent.
        body: {
          ApiGatewayGroupId: input.apiGatewayGroupId,
          Description: input.description,
          GroupName: input.name,
          ProjectId: String(input.projectId),
        },
        parse: (body, id) => this.parse(action, s.createDataServiceGroupBody, body, id).GroupId,
      }));
      return { groupId: r.value, requestId: r.requestId, recovered: false };
    } catch (e) {
      if (!(e instanceof AmbiguousCreate)) throw e;
      return this.recoverBusinessProcess(input, e.error, opts);
    }
  }

  private async recoverBusinessProcess(
    input: CreateBusinessProcessInput, error: DataWorksError, opts: CallOptions | undefined,
  ): Promise<CreateBusinessProcessResult> {
    if (opts?.signal?.aborted) throw error.withVerdict('unknown');
    this.log?.warn(`CreateDataServiceGroup failed ambiguously (${error.code}); looking the name up instead of resending`);
    let found: BusinessProcess | undefined;
    try {
      found = await this.run({ ...opts, deadlineMs: this.lookupBudget(opts) }, 'ListDataServiceGroups', async (ctx) => {
        for (let pageNumber = 1; pageNumber <= LOOKUP_PAGES; pageNumber++) {
          const res = await this.listDataServiceGroups(ctx, {
            projectId: input.projectId, nameKeyword: input.name, pageNumber, pageSize: 100,
          });
          // Only an exact match bound to the same API group counts: the keyword search is a substring match.
          const hit = res.items.find((g) => g.name === input.name && g.apiGatewayGroupId === input.apiGatewayGroupId);
          if (hit) return hit;
          if (pageNumber * res.pageSize >= res.totalCount || res.items.length === 0) return undefined;
        }
        return undefined;
      });
    } catch (lookupError) {
      this.log?.warn(`Lookup after ambiguous CreateDataServiceGroup failed: ${describe(lookupError)}`);
      throw error.withVerdict('unknown');
    }
    if (!found) throw error.withVerdict('not-created');
    this.log?.info(`CreateDataServiceGroup had succeeded after all: ${found.id}`);
    return { groupId: found.id, requestId: error.requestId ?? '', recovered: true };
  }

  // ---- Data Security Guard user groups ----

  async listUserGroups(req: ListUserGroupsRequest, opts?: CallOptions): Promise<Page<UserGroup>> {
    return this.run(opts, 'DsgUserGroupQueryList', (ctx) => this.queryUserGroups(ctx, req));
  }

  private async queryUserGroups(ctx: CallContext, req: ListUserGroupsRequest): Promise<Page<UserGroup>> {
    const action = 'DsgUserGroupQueryList';
    const p = this.paging(action, req, 100);
    const query: Record<string, string> = {};
    if (req.name) query['Name'] = req.name;
    if (req.owner) query['Owner'] = req.owner;
    query['PageNumber'] = String(p.pageNumber);
    query['PageSize'] = String(p.pageSize);
    if (req.projectName) query['ProjectName'] = req.projectName;
    const r = await this.call(ctx, {
      product: 'dataworks', action, method: 'GET', safety: 'read', query,
      parse: (body, id) => {
        const b = this.parse(action, s.dsgUserGroupQueryListBody, s.pascalizeKeys(body), id).PageData;
        return page(b, (b.Data ?? []).map(toUserGroup));
      },
    });
    return r.value;
  }

  async listTenantUsers(opts?: CallOptions): Promise<readonly TenantUser[]> {
    const action = 'DsgUserGroupQueryUserList';
    const r = await this.run(opts, action, (ctx) => this.call(ctx, {
      product: 'dataworks', action, method: 'GET', safety: 'read',
      parse: (body, id) => this.parse(action, s.dsgUserGroupQueryUserListBody, s.pascalizeKeys(body), id).Data.map(toTenantUser),
    }));
    return r.value;
  }

  async listMaxComputeRoles(projectName: string, opts?: CallOptions): Promise<readonly string[]> {
    const action = 'DsgUserGroupGetOdpsRoleGroups';
    this.requireText(action, projectName, 'projectName');
    const r = await this.run(opts, action, (ctx) => this.call(ctx, {
      product: 'dataworks', action, method: 'GET', safety: 'read',
      query: { ProjectName: projectName },
      parse: (body, id) => this.parse(action, s.dsgOdpsRoleGroupsBody, s.pascalizeKeys(body), id).Data ?? [],
    }));
    return r.value;
  }

  async saveUserGroups(groups: readonly UserGroupInput[], opts?: CallOptions): Promise<WriteResult> {
    const action = 'DsgUserGroupAddOrUpdate';
    this.validateUserGroups(action, groups);
    const creates = groups.filter((g) => g.id === undefined);
    try {
      const r = await this.run(opts, action, (ctx) => this.call(ctx, {
        product: 'dataworks', action, method: 'POST',
        safety: creates.length > 0 ? 'create' : 'idempotent-write',
        query: { UserGroups: encodeUserGroups(groups) },
        dataFalseIsFailure: true,
        parse: (body, id) => {
          this.parse(action, s.dsgWriteBody, body, id);
          return undefined;
        },
      }));
      return { requestId: r.requestId };
    } catch (e) {
      if (!(e instanceof AmbiguousCreate)) throw e;
      return this.recoverUserGroups(creates, e.error, opts);
    }
  }

  private async recoverUserGroups(
    creates: readonly UserGroupInput[], error: DataWorksError, opts: CallOptions | undefined,
  ): Promise<WriteResult> {
    if (opts?.signal?.aborted) throw error.withVerdict('unknown');
    this.log?.warn(`DsgUserGroupAddOrUpdate failed ambiguously (${error.code}); looking the new groups up instead of resending`);
    let foundCount = 0;
    try {
      foundCount = await this.run({ ...opts, deadlineMs: this.lookupBudget(opts) }, 'DsgUserGroupQueryList', async (ctx) => {
        let n = 0;
        for (const g of creates) {
          const res = await this.queryUserGroups(ctx, { name: g.name, pageNumber: 1, pageSize: 100 });
          if (res.items.some((u) => u.name === g.name && u.owner === g.owner)) n++;
        }
        return n;
      });
    } catch (lookupError) {
      this.log?.warn(`Lookup after ambiguous DsgUserGroupAddOrUpdate failed: ${describe(lookupError)}`);
      throw error.withVerdict('unknown');
    }
    if (foundCount === creates.length) return { requestId: error.requestId ?? '', recovered: true };
    const verdict: CreateVerdict = foundCount === 0 ? 'not-created' : 'unknown';
    throw error.withVerdict(verdict);
  }

  async deleteUserGroups(ids: readonly number[], opts?: CallOptions): Promise<WriteResult> {
    const action = 'DsgUserGroupDelete';
    if (ids.length === 0) throw invalid(action, 'ids', 'No user group IDs given');
    for (const id of ids) this.requireId(action, id, 'ids');
    const r = await this.run(opts, action, (ctx) => this.call(ctx, {
      product: 'dataworks', action, method: 'POST', safety: 'idempotent-write',
      query: { Ids: JSON.stringify(ids) },
      dataFalseIsFailure: true,
      parse: (body, id) => {
        this.parse(action, s.dsgWriteBody, body, id);
        return undefined;
      },
      // A resend after a lost answer finds the groups gone: that is the outcome asked for.
      appliedOnResend: (e) => e.code.toUpperCase() === 'USERGROUP.ID.ERROR',
      appliedValue: undefined,
    }));
    return { requestId: r.requestId };
  }

  // ---- API Gateway ----

  async listApiGatewayGroups(req: ListApiGatewayGroupsRequest, opts?: CallOptions): Promise<Page<ApiGatewayGroup>> {
    const action = 'DescribeApiGroups';
    const p = this.paging(action, req, 50);
    const query: Record<string, string> = {};
    if (req.nameKeyword) query['GroupName'] = req.nameKeyword;
    query['PageNumber'] = String(p.pageNumber);
    query['PageSize'] = String(p.pageSize);
    const r = await this.run(opts, action, (ctx) => this.call(ctx, {
      product: 'cloudapi', action, method: 'POST', safety: 'read', query,
      parse: (body, id) => {
        const b = this.parse(action, s.describeApiGroupsBody, body, id);
        return page(b, (b.ApiGroupAttributes?.ApiGroupAttribute ?? []).map(toApiGatewayGroup));
      },
    }));
    return r.value;
  }

  // ---- machinery ----

  /** One public call: its cancellation and overall deadline wrap every attempt, backoff and lookup inside. */
  private async run<T>(opts: CallOptions | undefined, action: string, fn: (ctx: CallContext) => Promise<T>): Promise<T> {
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

  private lookupBudget(opts: CallOptions | undefined): number {
    return Math.max(LOOKUP_BUDGET_MS, opts?.deadlineMs ?? this.config.timeoutMs ?? DEFAULT_DEADLINE_MS);
  }

  private transport(): Promise<Transport> {
    this.transportPromise ??= this.loadTransport().then((m) => m.createTransport({
      credentials: this.config.credentials,
      ...(this.config.endpoint ? { endpoint: this.config.endpoint } : {}),
      ...(this.config.vpc ? { vpc: true } : {}),
      ...(this.config.userAgent ? { userAgent: this.config.userAgent } : {}),
    }));
    // A failed load (e.g. a missing dist/api.js) should not poison every later call.
    this.transportPromise.catch(() => { this.transportPromise = undefined; });
    return this.transportPromise;
  }

  private async call<T>(ctx: CallContext, spec: CallSpec<T>): Promise<CallResult<T>> {
    const { credentials } = this.config;
    if (!credentials.accessKeyId || !credentials.accessKeySecret) {
      // Empty keys would make openapi-client fall back to @alicloud/credentials' default chain (env, files, IMDS).
      throw new DataWorksError({
        action: spec.action, kind: 'api', code: 'InvalidCredentials', message: 'No AccessKey ID or secret configured',
      });
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
        const transport = await raceAbort(this.transport(), ctx.signal);
        const timeoutMs = Math.max(1, ctx.deadlineAt - this.clock.now());
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
    const rec = typeof body === 'object' && body !== null ? (s.pascalizeKeys(body, false) as Record<string, unknown>) : {};
    const requestId = stringOf(rec['RequestId']) ?? res.headers['x-acs-request-id'] ?? '';
    if (rec['Success'] === false || (spec.dataFalseIsFailure && rec['Data'] === false)) {
      const code = stringOf(rec['ErrorCode']) ?? stringOf(rec['Code']) ?? 'OperationFailed';
      const status = typeof rec['HttpStatusCode'] === 'number' ? rec['HttpStatusCode'] : undefined;
      const message = stringOf(rec['ErrorMessage']) ?? stringOf(rec['Message']) ?? 'DataWorks reported that the operation did not succeed';
      throw this.apiError(spec.action, code, message, status ?? (rec['Success'] === false ? undefined : res.statusCode), requestId);
    }
    return { value: spec.parse(body, requestId), requestId };
  }

  private apiError(action: string, code: string, message: string, httpStatus: number | undefined, requestId: string | undefined): DataWorksError {
    const throttled = code.startsWith('Throttling') || httpStatus === 429;
    const serverSide = httpStatus !== undefined && httpStatus >= 500;
    return new DataWorksError({
      action,
      kind: throttled ? 'throttled' : 'api',
      code,
      message: this.redact(message),
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
        const body = (typeof e.body === 'object' && e.body !== null ? s.pascalizeKeys(e.body, false) : {}) as Record<string, unknown>;
        const code = nonEmpty(e.code) ?? stringOf(body['Code']) ?? stringOf(body['ErrorCode']) ?? `HTTP${e.statusCode ?? ''}`;
        const message = stringOf(body['Message']) ?? stringOf(body['ErrorMessage']) ?? e.message;
        const requestId = e.requestId ?? stringOf(body['RequestId']);
        return { error: this.apiError(action, code, message, e.statusCode, requestId), sendState };
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

  private parse<T>(action: string, schema: s.Schema<T>, body: unknown, requestId: string): T {
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

  private paging(action: string, req: PageRequest, max: number): { pageNumber: number; pageSize: number } {
    if (!Number.isInteger(req.pageNumber) || req.pageNumber < 1) {
      throw invalid(action, 'pageNumber', 'pageNumber must be an integer of at least 1');
    }
    if (!Number.isFinite(req.pageSize)) throw invalid(action, 'pageSize', 'pageSize must be a number');
    // Clamped rather than refused: a caller asking for "a lot" gets the most the API allows.
    return { pageNumber: req.pageNumber, pageSize: Math.min(max, Math.max(1, Math.floor(req.pageSize))) };
  }

  private requireId(action: string, value: number, field: string): void {
    if (!Number.isSafeInteger(value) || value <= 0) throw invalid(action, field, `${field} must be a positive integer`);
  }

  private requireText(action: string, value: string, field: string): void {
    if (typeof value !== 'string' || value.trim() === '') throw invalid(action, field, `${field} must not be empty`);
  }

  private validateUserGroups(action: string, groups: readonly UserGroupInput[]): void {
    if (groups.length === 0) throw invalid(action, 'userGroups', 'No user groups given');
    for (const g of groups) {
      if (g.id !== undefined) this.requireId(action, g.id, 'id');
      this.requireText(action, g.name, 'name');
      this.requireText(action, g.owner, 'owner');
      if (g.type !== 1 && g.type !== 2 && g.type !== 3) throw invalid(action, 'type', 'type must be 1, 2 or 3');
      if (g.type === 3) this.requireText(action, g.projectName ?? '', 'projectName');
    }
  }
}

/** The SDK's key order: Id, Name, Owner, Accounts, ProjectName, UserGroupType; absent optionals left out. */
export function encodeUserGroups(groups: readonly UserGroupInput[]): string {
  return JSON.stringify(groups.map((g) => ({
    ...(g.id !== undefined ? { Id: g.id } : {}),
    Name: g.name,
    Owner: g.owner,
    Accounts: [...g.accounts],
    ...(g.projectName ? { ProjectName: g.projectName } : {}),
    UserGroupType: g.type,
  })));
}

function page<T>(b: { PageNumber: number; PageSize: number; TotalCount: number }, items: readonly T[]): Page<T> {
  return { items, pageNumber: b.PageNumber, pageSize: b.PageSize, totalCount: b.TotalCount };
}

function invalid(action: string, field: string, message: string): DataWorksError {
  return new DataWorksError({ action, kind: 'api', code: 'InvalidParameter', message, field });
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

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

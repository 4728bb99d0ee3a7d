// The one place every write passes: a DataWorksService whose three write methods record themselves in Recent
// Operations (begun before the request is sent, finished with its outcome) and otherwise behave exactly like the
// service they wrap. Applied where services are built (ServiceProvider), so forms, commands and whatever comes later
// are all covered. In dist/deferred.js, with the API layer it wraps. No vscode.
import type { CallOptions, CreateBusinessProcessInput, DataWorksService, UserGroupInput } from './dataWorksService';
import type { OperationEntry, OperationInput } from '../shared/operationTypes';
import { parseOperationEntry } from '../shared/operationCodec';
import { createDataServiceGroupRequest, dsgUserGroupAddOrUpdateRequest, dsgUserGroupDeleteRequest, type WriteRequest } from '../shared/requests';

export interface RecorderOptions {
  readonly store: { upsert(...entries: OperationEntry[]): Promise<void> };
  readonly session: string;
  /** The extension's redactor: an error message may quote what the server echoed. */
  readonly redact: (text: string) => string;
  readonly log: (message: string) => void;
  readonly now?: () => number;
  /** A random entry ID (crypto.randomUUID where the host has it; this module is also checked for the webview). */
  readonly newId: () => string;
}

/** What the recorder reads of a failure (the API layer's DataWorksError, read by shape: it lives in another chunk). */
interface FailureLike {
  readonly kind?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly serverMessage?: unknown;
  readonly requestId?: unknown;
  readonly httpStatus?: unknown;
  readonly createVerdict?: unknown;
}

const MAX_MESSAGE = 1000;

/**
 * How a failed write ended, as far as can be known. Only an answer from the server that says "not done" is a
 * failure; anything that may have happened after the request left (a timeout, a dropped connection, a 5xx, a cancel
 * in flight, an error we do not know) is an unknown outcome, to be verified, never resent blindly.
 */
export function failureOutcome(e: unknown, redact: (text: string) => string): Pick<OperationEntry, 'status' | 'error' | 'requestId'> {
  const f: FailureLike = typeof e === 'object' && e !== null ? e : {};
  const code = typeof f.code === 'string' ? f.code : e instanceof Error ? e.name : 'Error';
  const text = typeof f.serverMessage === 'string' && f.serverMessage ? f.serverMessage
    : typeof f.message === 'string' ? f.message : String(e);
  const requestId = typeof f.requestId === 'string' && f.requestId ? { requestId: f.requestId.slice(0, 256) } : {};
  const error = { code: redact(code).slice(0, 256), message: redact(text).slice(0, MAX_MESSAGE) };
  let status: OperationEntry['status'];
  if (f.createVerdict === 'unknown') status = 'unknown';
  else if (f.createVerdict === 'not-created') status = 'failed';
  else if (typeof f.kind !== 'string') status = 'unknown';
  else if (f.kind === 'api') status = typeof f.httpStatus === 'number' && f.httpStatus >= 500 ? 'unknown' : 'failed';
  else if (f.kind === 'throttled') status = 'failed';
  else status = 'unknown'; // network, timeout, unexpected-response, cancelled
  return { status, error, ...requestId };
}

/** `inner` with its writes recorded for `profile`. Reads pass straight through. */
export function recordWrites(inner: DataWorksService, profile: string, o: RecorderOptions): DataWorksService {
  const now = (): number => o.now?.() ?? Date.now();

  async function recorded<R extends { requestId: string }>(
    input: OperationInput, request: WriteRequest, send: () => Promise<R>, success: (r: R) => Partial<OperationEntry>,
  ): Promise<R> {
    const started = now();
    const candidate: OperationEntry = {
      id: o.newId(), session: o.session, startedAt: started, updatedAt: started,
      profile, region: inner.region, input, request: { ...request, query: [...request.query], body: [...request.body] }, status: 'running',
    };
    const entry = parseOperationEntry(candidate);
    if (!entry) {
      o.log(`Recent operations: ${request.action} is not recorded (its input does not fit the record)`);
      return send();
    }
    // Saved before the request leaves: a reload or crash mid-request then shows an unknown outcome, not nothing.
    const save = (e: OperationEntry): Promise<void> =>
      o.store.upsert(e).catch((err: unknown) => o.log(`Recent operations: ${request.action} could not be saved (${err instanceof Error ? err.message : String(err)})`));
    await save(entry);
    let result: R;
    try {
      result = await send();
    } catch (e) {
      await save({ ...entry, ...failureOutcome(e, o.redact), updatedAt: Math.max(now(), started) });
      throw e;
    }
    await save({
      ...entry, status: 'succeeded', updatedAt: Math.max(now(), started),
      ...(result.requestId ? { requestId: result.requestId.slice(0, 256) } : {}),
      ...success(result),
    });
    return result;
  }

  const writes: Pick<DataWorksService, 'createBusinessProcess' | 'saveUserGroups' | 'deleteUserGroups'> = {
    createBusinessProcess: (input: CreateBusinessProcessInput, opts?: CallOptions) => recorded(
      { action: 'createBusinessProcess', projectId: input.projectId, apiGatewayGroupId: input.apiGatewayGroupId, name: input.name, description: input.description },
      createDataServiceGroupRequest(input, inner.region),
      () => inner.createBusinessProcess(input, opts),
      (r) => ({ createdId: r.groupId.slice(0, 256), ...(r.recovered ? { recovered: true } : {}) }),
    ),
    saveUserGroups: (groups: readonly UserGroupInput[], opts?: CallOptions) => recorded(
      {
        action: 'saveUserGroups',
        groups: groups.map((g) => ({
          ...(g.id === undefined ? {} : { id: g.id }),
          name: g.name, owner: g.owner, type: g.type, accounts: [...g.accounts],
          ...(g.projectName ? { projectName: g.projectName } : {}),
        })),
      },
      dsgUserGroupAddOrUpdateRequest(groups, inner.region),
      () => inner.saveUserGroups(groups, opts),
      (r) => (r.recovered ? { recovered: true } : {}),
    ),
    deleteUserGroups: (ids: readonly number[], opts?: CallOptions) => recorded(
      { action: 'deleteUserGroups', ids: [...ids] },
      dsgUserGroupDeleteRequest(ids, inner.region),
      () => inner.deleteUserGroups(ids, opts),
      (r) => (r.recovered ? { recovered: true } : {}),
    ),
  };

  // A Proxy rather than a hand-written delegate: a read method added to the service later passes through untouched.
  return new Proxy(inner, {
    get(target, prop) {
      if (prop === 'createBusinessProcess' || prop === 'saveUserGroups' || prop === 'deleteUserGroups') return writes[prop];
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

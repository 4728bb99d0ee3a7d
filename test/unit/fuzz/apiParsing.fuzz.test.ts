// Property: whatever DataWorks (or something pretending to be it) answers, every service method either returns a
// well-formed value or throws a DataWorksError; never a TypeError, never a hang. The answers are documented
// bodies with random mutations (subtrees replaced, removed, retyped), plain random JSON, and random transport
// errors, fed through a fake Transport that implements the real interface.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  createDataWorksService, DataWorksError, type DataWorksService, type Transport, type TransportRequest, type TransportResponse,
} from '../../../src/api';
import type { RateLimiter } from '../../../src/api/rateLimiter';
import { TransportError } from '../../../src/api/transport';
import * as bodies from '../api/bodies';
import { hostileString, HOSTILE_KEYS, runCountedAsync } from './fuzzKit';

const SECRET = 'fuzz-secret-value-7d1e0c';

type Answer = { readonly kind: 'body'; readonly body: unknown } | { readonly kind: 'error'; readonly error: TransportError };

/** Answers queued per call; the last one repeats (retries and create lookups ask again). */
class ScriptedTransport implements Transport {
  sent = 0;
  constructor(private readonly answers: readonly Answer[]) {}

  send(_req: TransportRequest): Promise<TransportResponse> {
    const a = this.answers[Math.min(this.sent, this.answers.length - 1)];
    this.sent++;
    if (!a) return Promise.reject(new Error('no answer scripted'));
    if (a.kind === 'error') return Promise.reject(a.error);
    return Promise.resolve({ statusCode: 200, headers: { 'x-acs-request-id': 'REQ-FUZZ' }, body: a.body });
  }
}

const noLimit: RateLimiter = { acquire: () => Promise.resolve() };

function serviceWith(t: ScriptedTransport): DataWorksService {
  return createDataWorksService(
    { region: 'cn-shanghai', credentials: { accessKeyId: 'LTAIFUZZ', accessKeySecret: SECRET } },
    { loadTransport: () => Promise.resolve({ createTransport: () => t }), sleep: () => Promise.resolve(), rateLimiter: noLimit, random: () => 0 },
  );
}

interface Method {
  readonly name: string;
  readonly template: unknown;
  call(s: DataWorksService): Promise<unknown>;
  /** Shape of a successful value. */
  check(v: unknown): void;
}

const isPage = (v: unknown): void => {
  assert.ok(typeof v === 'object' && v !== null && 'items' in v && Array.isArray(v.items), 'a page with items');
  const p = v as unknown as { pageNumber: unknown; pageSize: unknown; totalCount: unknown };
  for (const n of [p.pageNumber, p.pageSize, p.totalCount]) assert.equal(typeof n, 'number');
};
const isArray = (v: unknown): void => assert.ok(Array.isArray(v));
const isObject = (v: unknown): void => assert.ok(typeof v === 'object' && v !== null);

const METHODS: readonly Method[] = [
  { name: 'listWorkspaces', template: bodies.listProjects, call: (s) => s.listWorkspaces({ pageNumber: 1, pageSize: 100 }), check: isPage },
  { name: 'getWorkspace', template: bodies.getProject, call: (s) => s.getWorkspace(10001), check: isObject },
  { name: 'listBusinessProcesses', template: bodies.listDsGroups(), call: (s) => s.listBusinessProcesses({ projectId: 10001, pageNumber: 1, pageSize: 100 }), check: isPage },
  { name: 'getBusinessProcess', template: bodies.getDsGroup, call: (s) => s.getBusinessProcess(10001, 'ds_1'), check: isObject },
  { name: 'createBusinessProcess', template: bodies.createDsGroup, call: (s) => s.createBusinessProcess({ projectId: 10001, apiGatewayGroupId: 'gw1', name: 'Orders', description: '' }), check: isObject },
  { name: 'listUserGroups', template: bodies.queryList(), call: (s) => s.listUserGroups({ pageNumber: 1, pageSize: 100 }), check: isPage },
  { name: 'listTenantUsers', template: bodies.userList, call: (s) => s.listTenantUsers(), check: isArray },
  { name: 'listMaxComputeRoles', template: bodies.roles, call: (s) => s.listMaxComputeRoles('sales_dw'), check: isArray },
  { name: 'saveUserGroups (create)', template: bodies.dsgWriteOk, call: (s) => s.saveUserGroups([{ name: 'g', owner: 'o', type: 1, accounts: [] }]), check: isObject },
  { name: 'saveUserGroups (update)', template: bodies.dsgWriteOk, call: (s) => s.saveUserGroups([{ id: 1, name: 'g', owner: 'o', type: 1, accounts: [] }]), check: isObject },
  { name: 'deleteUserGroups', template: bodies.dsgWriteOk, call: (s) => s.deleteUserGroups([1]), check: isObject },
  { name: 'listApiGatewayGroups', template: bodies.apiGroups, call: (s) => s.listApiGatewayGroups({ pageNumber: 1, pageSize: 50 }), check: isPage },
];

// ---- mutations of a documented body ----

type Edit =
  | { readonly op: 'replace'; readonly path: readonly number[]; readonly value: unknown }
  | { readonly op: 'delete'; readonly path: readonly number[] }
  | { readonly op: 'addKey'; readonly path: readonly number[]; readonly key: string; readonly value: unknown };

const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, '', [], {}),
);
const path = fc.array(fc.nat(), { minLength: 1, maxLength: 5 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('replace' as const), path, value: anyJson }),
  fc.record({ op: fc.constant('delete' as const), path }),
  fc.record({ op: fc.constant('addKey' as const), path, key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 12 })), value: anyJson }),
);

/** Applies the edits to a deep copy; a path step picks a child by index modulo the number of children. */
function mutate(template: unknown, edits: readonly Edit[]): unknown {
  let root = structuredClone(template);
  for (const e of edits) {
    let parent: unknown = undefined;
    let key: string | number | undefined;
    let node: unknown = root;
    for (const step of e.path) {
      if (typeof node !== 'object' || node === null) break;
      const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
      if (keys.length === 0) break;
      const k = keys[step % keys.length];
      if (k === undefined) break;
      parent = node;
      key = k;
      node = (node as Record<string | number, unknown>)[k];
    }
    if (e.op === 'addKey') {
      if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
        // defineProperty, so that a "__proto__" key becomes an own key as JSON.parse would make it.
        Object.defineProperty(node, e.key, { value: e.value, enumerable: true, configurable: true, writable: true });
      }
      continue;
    }
    if (parent === undefined || key === undefined) {
      if (e.op === 'replace') root = e.value;
      continue;
    }
    const p = parent as Record<string | number, unknown>;
    if (e.op === 'replace') p[key] = e.value;
    else if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete p[key];
  }
  return root;
}

const transportError: fc.Arbitrary<TransportError> = fc.record({
  kind: fc.constantFrom('http' as const, 'network' as const, 'timeout' as const),
  sendState: fc.constantFrom('not-sent' as const, 'maybe-sent' as const),
  statusCode: fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }),
  code: fc.option(fc.oneof(hostileString, fc.constantFrom('Throttling.User', 'InternalError.System', 'SignatureDoesNotMatch')), { nil: undefined }),
  body: fc.option(anyJson, { nil: undefined }),
  message: fc.oneof(hostileString, fc.constant(`connect ECONNREFUSED http://h/?AccessKeyId=x&Signature=y ${SECRET}`)),
}).map((init) => new TransportError(init));

const answer: fc.Arbitrary<Answer> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null).map(() => ({ kind: 'body' as const, body: undefined })) },
  { weight: 1, arbitrary: transportError.map((error) => ({ kind: 'error' as const, error })) },
);

const ALLOWED_KINDS = new Set(['unexpected-response', 'api', 'throttled']);
const RUNS_PER_METHOD = 400;

async function expectResultOrDataWorksError(m: Method, t: ScriptedTransport, onlyBodies: boolean): Promise<void> {
  const svc = serviceWith(t);
  let value: unknown;
  try {
    value = await m.call(svc);
  } catch (e) {
    assert.ok(e instanceof DataWorksError, `${m.name} threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    if (onlyBodies) assert.ok(ALLOWED_KINDS.has(e.kind), `${m.name}: kind ${e.kind} for a 200 answer`);
    const en: unknown = e.userMessage('en');
    const zh: unknown = e.userMessage('zh-cn');
    assert.ok(typeof en === 'string' && en.length > 0 && typeof zh === 'string' && zh.length > 0, `${m.name}: a user message for code ${JSON.stringify(e.code)}`);
    assert.ok(e.field === undefined || typeof e.field === 'string', `field is a string (${typeof e.field})`);
    assert.ok(!e.message.includes(SECRET) && !en.includes(SECRET), 'no secret in the error');
    return;
  }
  m.check(value);
  assert.ok(!JSON.stringify(value)?.includes(SECRET));
}

describe('fuzz: API response parsing never crashes', function () {
  this.timeout(120_000);

  for (const m of METHODS) {
    it(`${m.name}: mutated documented bodies → a value or a DataWorksError (${RUNS_PER_METHOD} cases)`, async () => {
      const arb = fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 });
      await runCountedAsync(`${m.name} mutated bodies`, arb, async (editsPerAnswer) => {
        const t = new ScriptedTransport(editsPerAnswer.map((edits) => ({ kind: 'body', body: mutate(m.template, edits) })));
        await expectResultOrDataWorksError(m, t, true);
      }, RUNS_PER_METHOD);
    });
  }

  it(`every method: random JSON answers and random transport errors (${METHODS.length} × 150 cases)`, async () => {
    for (const m of METHODS) {
      const arb = fc.array(fc.tuple(answer, anyJson), { minLength: 1, maxLength: 4 });
      await runCountedAsync(`${m.name} random answers`, arb, async (script) => {
        const answers = script.map(([a, json]): Answer => (a.kind === 'body' ? { kind: 'body', body: json } : a));
        await expectResultOrDataWorksError(m, new ScriptedTransport(answers), answers.every((a) => a.kind === 'body'));
      }, 150);
    }
  });

  it('the mutation engine really changes bodies (the property is not vacuous)', () => {
    const changed = mutate(bodies.listProjects, [{ op: 'replace', path: [1, 3], value: 'x' }]);
    assert.notDeepEqual(changed, bodies.listProjects);
    const withProto = mutate({ a: {} }, [{ op: 'addKey', path: [0], key: '__proto__', value: { polluted: true } }]) as { a: object };
    assert.ok(Object.prototype.hasOwnProperty.call(withProto.a, '__proto__'));
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('regression (found by this suite): codes named like Object.prototype members', () => {
    for (const code of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'InvalidParameter.constructor', 'MissingParameter.__proto__']) {
      const e = new DataWorksError({ action: 'A', kind: 'api', code, message: 'm "constructor"' });
      assert.equal(typeof e.userMessage('en'), 'string', code);
      assert.equal(typeof e.userMessage('zh-cn'), 'string', code);
      assert.equal(e.field, undefined, code);
    }
  });

  after(() => {
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined, 'Object.prototype untouched after all cases');
  });
});

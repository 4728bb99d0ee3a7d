// ListDataServiceApis in the emulator: the shape of the Go SDK's ListDataServiceApisResponseBody, its filters, paging
// and errors. The action has no business-process filter: every item carries its GroupId.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from './index';
import type { RunningEmulator } from './index';
import { call, callError, makeClient } from './helpers';
import type OpenApi from '@alicloud/openapi-client';
import { LARGE_DATA_SERVICE_APIS } from './seeds';

type Api = Record<string, unknown> & { ApiId: number; ApiName: string; ApiPath: string; GroupId: string; Status: number; ApiMode: number };
type ApiPage = { PageNumber: number; PageSize: number; TotalCount: number; Apis: Api[] };

const list = async (c: OpenApi, body: Record<string, string | number>): Promise<ApiPage> => {
  const r = await call(c, 'ListDataServiceApis', { body });
  assert.equal(r.Success, true);
  assert.equal(r.HttpStatusCode, 200);
  return r.Data as ApiPage;
};

describe('emulator actions: ListDataServiceApis', () => {
  let emu: RunningEmulator;
  let c: OpenApi;
  before(async () => {
    emu = await startEmulator();
    c = makeClient(emu);
  });
  after(async () => {
    await emu.close();
  });

  it('lists the workspace APIs of every business process with the SDK model fields', async () => {
    const groups = (emu.snapshot().regions['cn-shanghai']?.businessProcesses ?? []).filter((g) => g.projectId === 10001);
    const page = await list(c, { ProjectId: 10001, PageNumber: 1, PageSize: 100 });
    assert.deepEqual([page.PageNumber, page.PageSize, page.TotalCount, page.Apis.length], [1, 100, 5, 5]);
    assert.deepEqual(new Set(page.Apis.map((a) => a.GroupId)), new Set(groups.map((g) => g.groupId)));
    assert.deepEqual(page.Apis.map((a) => a.Status), [1, 1, 0, 1, 0]);
    const first = page.Apis[0] as Api;
    assert.deepEqual(Object.keys(first).sort(), [
      'ApiId', 'ApiMode', 'ApiName', 'ApiPath', 'CreatedTime', 'CreatorId', 'Description', 'FolderId', 'GroupId', 'ModifiedTime',
      'OperatorId', 'ProjectId', 'Protocols', 'RequestMethod', 'ResponseContentType', 'Status', 'TenantId', 'Timeout', 'VisibleRange',
      'WizardDetails',
    ]);
    assert.equal(typeof first.ApiId, 'number');
    assert.equal(first.ApiPath, '/sales/daily/summary');
    assert.match(String(first.CreatedTime), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0800$/);
    // Only the details of the API's own mode are returned.
    const modes = page.Apis.map((a) => [a.ApiMode, 'WizardDetails' in a, 'ScriptDetails' in a, 'RegistrationDetails' in a]);
    assert.deepEqual(modes, [[0, true, false, false], [1, false, true, false], [0, true, false, false], [0, true, false, false], [2, false, false, true]]);
  });

  it('filters by name, path and creator, and lists none for a workspace without APIs', async () => {
    assert.deepEqual((await list(c, { ProjectId: 10001, ApiNameKeyword: 'ORDER' })).Apis.map((a) => a.ApiName), ['orders_last_hour', 'order_stream_probe']);
    assert.deepEqual((await list(c, { ProjectId: 10001, ApiPathKeyword: '/daily/' })).TotalCount, 3);
    assert.deepEqual((await list(c, { ProjectId: 10001, CreatorId: 'nobody' })).TotalCount, 0);
    const empty = await list(c, { ProjectId: 10004 });
    assert.deepEqual([empty.TotalCount, empty.Apis, empty.PageSize], [0, [], 10]);
  });

  it('checks its parameters and the workspace', async () => {
    assert.equal((await callError(c, 'ListDataServiceApis', {})).code, 'MissingParameter');
    assert.equal((await callError(c, 'ListDataServiceApis', { body: { ProjectId: 10001, PageSize: 101 } })).code, 'InvalidParameter');
    assert.equal((await callError(c, 'ListDataServiceApis', { body: { ProjectId: 10001, PageNumber: 0 } })).code, 'InvalidParameter');
    const missing = await callError(c, 'ListDataServiceApis', { body: { ProjectId: 99999 } });
    assert.deepEqual([missing.statusCode, missing.code], [400, 'Invalid.Tenant.ProjectNotExists']);
    // The SDK sends a form body; the same parameter in the query points at a client bug.
    const misplaced = await callError(c, 'ListDataServiceApis', { query: { ProjectId: '10001' } });
    assert.equal(misplaced.code, 'MissingParameter');
  });

  it('answers a region without data, and a state file written before APIs existed, with an empty list', async () => {
    const state = emu.snapshot();
    for (const r of Object.values(state.regions)) delete r.dataServiceApis;
    const dir = mkdtempSync(join(tmpdir(), 'dw-apis-'));
    const statePath = join(dir, 'state.json');
    writeFileSync(statePath, JSON.stringify(state));
    const old = await startEmulator({ statePath });
    try {
      const page = await list(makeClient(old), { ProjectId: 10001 });
      assert.deepEqual([page.TotalCount, page.Apis.length], [0, 0]);
      assert.equal((await list(makeClient(old), { ProjectId: 10001, PageNumber: 2 })).Apis.length, 0);
    } finally {
      await old.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('pages through the large seed without gaps or repeats', async () => {
    const big = await startEmulator({ seed: 'large' });
    try {
      const bc = makeClient(big);
      const ids = new Set<number>();
      for (let n = 1; n <= 3; n++) {
        const p = await list(bc, { ProjectId: 100001, PageNumber: n, PageSize: 100 });
        assert.equal(p.TotalCount, LARGE_DATA_SERVICE_APIS);
        for (const a of p.Apis) ids.add(a.ApiId);
      }
      assert.equal(ids.size, LARGE_DATA_SERVICE_APIS);
    } finally {
      await big.close();
    }
  });
});

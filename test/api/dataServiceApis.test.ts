// listDataServiceApis through the real transport and signing against the emulator.

import * as assert from 'node:assert/strict';
import { DataWorksError, type DataServiceApi } from '../../src/api';
import { startEmulator, type RunningEmulator } from '../emulator';
import { LARGE_DATA_SERVICE_APIS } from '../emulator/seeds';
import { serviceFor } from '../support/emulatorService';

describe('api against the emulator: Data Service APIs', function () {
  this.timeout(20_000);
  let demo: RunningEmulator;
  let large: RunningEmulator;
  before(async () => {
    [demo, large] = await Promise.all([startEmulator({ seed: 'demo' }), startEmulator({ seed: 'large' })]);
  });
  after(async () => {
    await Promise.all([demo.close(), large.close()]);
  });

  it('lists a workspace’s APIs in one call; grouped by GroupId they fall under its business processes', async () => {
    const svc = serviceFor(demo);
    const processes = await svc.listBusinessProcesses({ projectId: 10001, pageNumber: 1, pageSize: 100 });
    demo.resetCounts();
    const page = await svc.listDataServiceApis({ projectId: 10001, pageNumber: 1, pageSize: 100 });
    assert.equal(demo.counts()['ListDataServiceApis'], 1);
    assert.equal(page.totalCount, 5);
    const byGroup = new Map<string, DataServiceApi[]>();
    for (const a of page.items) byGroup.set(a.groupId, [...(byGroup.get(a.groupId) ?? []), a]);
    const named = (id: string | undefined) => (byGroup.get(id ?? '') ?? []).map((a) => `${a.name} ${a.path} ${a.published ? 'published' : 'draft'}`);
    const [realtime, reports] = [...processes.items].sort((a, b) => a.name.localeCompare(b.name));
    assert.deepEqual(named(reports?.id), [
      'daily_sales_summary /sales/daily/summary published',
      'top_products /sales/daily/top-products published',
      'store_ranking_draft /sales/daily/store-ranking draft',
    ]);
    assert.deepEqual(named(realtime?.id), ['orders_last_hour /sales/realtime/orders published', 'order_stream_probe /sales/realtime/probe draft']);
    assert.ok(page.items.every((a) => /^\d+$/.test(a.id) && a.projectId === 10001 && a.createdTime.endsWith('+0800')));
  });

  it('is per region, and a workspace without APIs is an empty page', async () => {
    const hz = await serviceFor(demo, { region: 'cn-hangzhou' }).listDataServiceApis({ projectId: 20001, pageNumber: 1, pageSize: 100 });
    assert.deepEqual(hz.items.map((a) => a.name), ['shipment_status']);
    const none = await serviceFor(demo).listDataServiceApis({ projectId: 10004, pageNumber: 1, pageSize: 100 });
    assert.deepEqual([none.totalCount, none.items.length], [0, 0]);
  });

  it('an unknown workspace is the service’s error with its request ID', async () => {
    try {
      await serviceFor(demo).listDataServiceApis({ projectId: 99_999, pageNumber: 1, pageSize: 10 });
      assert.fail('expected a failure');
    } catch (e) {
      assert.ok(e instanceof DataWorksError);
      assert.equal(e.code, 'Invalid.Tenant.ProjectNotExists');
      assert.ok(e.requestId);
    }
  });

  it('pages to the end of the large seed: 100 a page, each page one call', async () => {
    const svc = serviceFor(large);
    large.resetCounts();
    const ids = new Set<string>();
    let pageNumber = 1;
    for (;;) {
      const p = await svc.listDataServiceApis({ projectId: 100_001, pageNumber, pageSize: 1000 });
      p.items.forEach((a) => ids.add(a.id));
      assert.equal(p.pageSize, 100);
      if (ids.size >= p.totalCount || p.items.length === 0) break;
      pageNumber++;
    }
    assert.deepEqual([ids.size, pageNumber, large.counts()['ListDataServiceApis']], [LARGE_DATA_SERVICE_APIS, 3, 3]);
  });
});

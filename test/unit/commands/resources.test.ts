import * as assert from 'node:assert/strict';
import type { ResourceRef } from '../../../src/tree/node';
import { consoleHomeUrl, consoleUrl, resourceId, resourceJson, resourceName, resourcePath } from '../../../src/commands/resources';
import type { DataServiceApi } from '../../../src/api';
import { businessProcess, dataServiceApi, userGroup, workspace } from '../fakes/fakeDataWorksService';

describe('resource helpers', () => {
  const ws: ResourceRef = { kind: 'workspace', region: 'cn-shanghai', data: workspace(7, 'sales_dw') };
  const bp: ResourceRef = { kind: 'businessProcess', region: 'cn-shanghai', data: businessProcess(7, 1) };
  const ug: ResourceRef = { kind: 'userGroup', region: 'cn-beijing', data: userGroup(3, 'analysts', ['user:a']) };
  const acc: ResourceRef = { kind: 'account', region: 'cn-beijing', data: { account: 'user:a', groupId: 3 } };

  it('gives IDs and names', () => {
    assert.deepEqual([ws, bp, ug, acc].map(resourceId), ['7', 'ds_7_1', '3', 'user:a']);
    assert.deepEqual([ws, bp, ug, acc].map(resourceName), ['sales_dw', 'bp 1', 'analysts', 'user:a']);
  });

  it('copies JSON with the region', () => {
    const parsed = JSON.parse(resourceJson(ug)) as { region: string; name: string };
    assert.equal(parsed.region, 'cn-beijing');
    assert.equal(parsed.name, 'analysts');
  });

  it('builds console URLs on the DataWorks console with the region', () => {
    for (const r of [ws, bp, ug]) {
      const url = new URL(consoleUrl(r) ?? '');
      assert.equal(url.hostname, 'dataworks.console.aliyun.com');
      assert.equal(url.searchParams.get('regionId'), r.region);
    }
    assert.equal(consoleUrl(acc), undefined);
    assert.equal(consoleHomeUrl('cn-hangzhou'), 'https://dataworks.console.aliyun.com/workspace/list?regionId=cn-hangzhou');
  });
});

describe('resource helpers: Data Service APIs', () => {
  const api = (over: Partial<DataServiceApi> = {}): ResourceRef => ({
    kind: 'dataServiceApi', region: 'cn-shanghai', data: { ...dataServiceApi(businessProcess(7, 1), 3), ...over },
  });

  it('gives the ID, name and path; only an API has a path', () => {
    const r = api();
    assert.deepEqual([resourceId(r), resourceName(r), resourcePath(r)], ['7003', 'api_3', '/ds_7_1/api_3']);
    assert.equal(resourcePath(api({ path: '' })), undefined);
    assert.equal(resourcePath({ kind: 'businessProcess', region: 'cn-shanghai', data: businessProcess(7, 1) }), undefined);
  });

  it('opens the API in Data Service Studio, with every part from the server encoded', () => {
    const url = new URL(consoleUrl(api({ id: '9&x=1#frag', groupId: 'ds_1/../evil?' })) ?? '');
    assert.equal(url.origin, 'https://dataworks.console.aliyun.com');
    assert.equal(url.pathname, '/dataservice');
    assert.equal(url.hash, '');
    assert.deepEqual([...url.searchParams], [['regionId', 'cn-shanghai'], ['projectId', '7'], ['groupId', 'ds_1/../evil?'], ['apiId', '9&x=1#frag']]);
    // A project ID that cannot be trusted falls back to the region's workspace list.
    assert.equal(consoleUrl(api({ projectId: Number.NaN })), consoleHomeUrl('cn-shanghai'));
  });
});

import * as assert from 'node:assert/strict';
import type { ResourceRef } from '../../../src/tree/node';
import { consoleHomeUrl, consoleUrl, resourceId, resourceJson, resourceName } from '../../../src/commands/resources';
import { businessProcess, userGroup, workspace } from '../fakes/fakeDataWorksService';

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

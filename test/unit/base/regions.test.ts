import * as assert from 'node:assert/strict';
import { regionIds, regionName } from '../../../src/base/regions';

describe('regions', () => {
  it('lists documented regions first, Hangzhou and Shanghai leading', () => {
    const ids = regionIds();
    assert.deepEqual(ids.slice(0, 2), ['cn-hangzhou', 'cn-shanghai']);
    assert.ok(ids.indexOf('ap-southeast-1') < ids.indexOf('me-east-1'));
    assert.equal(new Set(ids).size, ids.length);
  });

  it('names regions in the UI language and falls back to the ID', () => {
    assert.equal(regionName('cn-shanghai', false), 'China (Shanghai)');
    assert.equal(regionName('cn-shanghai', true), '华东2（上海）');
    assert.equal(regionName('xx-nowhere-1', true), 'xx-nowhere-1');
  });
});

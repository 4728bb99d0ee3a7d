// Where a call goes: the SDK's endpoint map, the region check before any host name is built, and plain http only
// to this machine.

import * as assert from 'node:assert/strict';
import { DATAWORKS_REGIONS } from '../../../src/api';
import { CENTRAL_DATAWORKS_HOST, resolveEndpoint, sdkEndpointKind } from '../../../src/api/endpoints';
import { DataWorksError } from '../../../src/api/errors';
import { isLoopbackHost, isRegionId } from '../../../src/base/hosts';
import { harness, ok, rejection } from './fakes';
import { listProjects } from './bodies';

const REGIONAL = [
  'ap-northeast-1', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-5', 'cn-beijing',
  'cn-chengdu', 'cn-hangzhou', 'cn-hongkong', 'cn-shanghai', 'cn-shenzhen', 'eu-central-1', 'eu-west-1', 'me-east-1',
  'us-east-1', 'us-west-1',
];
const CENTRAL = [
  'cn-huhehaote', 'cn-qingdao', 'cn-zhangjiakou', 'cn-hangzhou-finance', 'cn-shenzhen-finance-1', 'cn-shanghai-finance-1',
  'cn-north-2-gov-1',
];
const UNMAPPED = ['cn-wulanchabu', 'cn-beijing-finance-1', 'ap-northeast-2', 'me-central-1'];

const HOSTILE_REGIONS = [
  'x@attacker.example:443/#', 'attacker.example/', 'cn-hangzhou.attacker.example', 'a:1', 'CN-HANGZHOU', '', ' cn-hangzhou',
  'cn-hangzhou\n', '-cn', 'cn-', 'a'.repeat(65), 'cn_hangzhou', 'cn-hangzhou#', 'cn%2fhangzhou', '..', 'cn/hangzhou',
];

describe('api: endpoints from the SDK endpoint map', () => {
  it('regional map entries use dataworks.<region>.aliyuncs.com', () => {
    for (const r of REGIONAL) {
      assert.equal(sdkEndpointKind(r), 'regional', r);
      assert.deepEqual(resolveEndpoint('dataworks', r, {}), { host: `dataworks.${r}.aliyuncs.com`, protocol: 'https', headers: {} });
    }
  });

  it('central map entries use dataworks.aliyuncs.com, like the SDK', () => {
    for (const r of CENTRAL) {
      assert.equal(sdkEndpointKind(r), 'central', r);
      assert.deepEqual(resolveEndpoint('dataworks', r, {}), { host: CENTRAL_DATAWORKS_HOST, protocol: 'https', headers: {} });
    }
  });

  it('regions in no map get the regional pattern and are reported', () => {
    for (const r of [...UNMAPPED, 'xx-future-9']) {
      const noted: string[] = [];
      assert.equal(sdkEndpointKind(r), undefined, r);
      assert.equal(resolveEndpoint('dataworks', r, { onUnmappedRegion: (x) => noted.push(x) }).host, `dataworks.${r}.aliyuncs.com`);
      assert.deepEqual(noted, [r]);
    }
    const noted: string[] = [];
    resolveEndpoint('dataworks', 'cn-hangzhou', { onUnmappedRegion: (x) => noted.push(x) });
    resolveEndpoint('dataworks', 'cn-zhangjiakou', { onUnmappedRegion: (x) => noted.push(x) });
    assert.deepEqual(noted, []);
  });

  it('map lookups are own entries only', () => {
    for (const r of ['constructor', 'tostring', 'hasownproperty']) assert.equal(sdkEndpointKind(r), undefined);
  });

  it('VPC keeps dataworks-vpc.<region> for every region; API Gateway stays regional', () => {
    for (const r of [...REGIONAL, ...CENTRAL, ...UNMAPPED]) {
      assert.equal(resolveEndpoint('dataworks', r, { vpc: true }).host, `dataworks-vpc.${r}.aliyuncs.com`);
      assert.equal(resolveEndpoint('cloudapi', r, {}).host, `apigateway.${r}.aliyuncs.com`);
    }
  });

  it('the region list: documented regions are the docs\' 17, all in the SDK map; the rest are marked undocumented', () => {
    const documented = DATAWORKS_REGIONS.filter((r) => r.documented).map((r) => r.id);
    assert.equal(documented.length, 17);
    for (const id of documented) assert.notEqual(sdkEndpointKind(id), undefined, id);
    for (const id of UNMAPPED) assert.equal(DATAWORKS_REGIONS.find((r) => r.id === id)?.documented, false, id);
    for (const r of DATAWORKS_REGIONS) assert.ok(isRegionId(r.id), r.id);
  });
});

describe('api: a region is checked before it becomes a host name', () => {
  it('isRegionId accepts real IDs only', () => {
    for (const r of [...REGIONAL, ...CENTRAL, ...UNMAPPED, 'a', 'a'.repeat(64)]) assert.ok(isRegionId(r), r);
    for (const r of HOSTILE_REGIONS) assert.equal(isRegionId(r), false, JSON.stringify(r));
    assert.equal(isRegionId(undefined), false);
    assert.equal(isRegionId(7), false);
  });

  it('resolveEndpoint refuses a hostile region for every product and option', () => {
    for (const r of HOSTILE_REGIONS) {
      for (const opts of [{}, { vpc: true }, { endpoint: { host: '127.0.0.1:1', protocol: 'http' as const } }]) {
        for (const product of ['dataworks', 'cloudapi'] as const) {
          assert.throws(() => resolveEndpoint(product, r, opts), (e: unknown) => e instanceof DataWorksError && e.code === 'InvalidRegion', JSON.stringify(r));
        }
      }
    }
  });

  it('the service refuses before anything is sent, with a localised message', async () => {
    const h = harness({ region: 'x@attacker.example:443/#' });
    const e = await rejection(h.svc.listWorkspaces({ pageNumber: 1, pageSize: 10 }));
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.code, 'InvalidRegion');
    assert.equal(h.fake.requests.length, 0);
    assert.match(e.userMessage('en'), /not valid/);
    assert.match(e.userMessage('zh-cn'), /地域 ID 无效/);
    assert.doesNotMatch(e.message, /super-secret-value|AKID-test/);
  });

  it('a region outside the map is logged once per session, not per call or per service', async () => {
    const region = 'xx-unmapped-1';
    const a = harness({ region });
    a.fake.fallback = ok(listProjects);
    await a.svc.listWorkspaces({ pageNumber: 1, pageSize: 10 });
    await a.svc.listWorkspaces({ pageNumber: 1, pageSize: 10 });
    const b = harness({ region });
    b.fake.fallback = ok(listProjects);
    await b.svc.listWorkspaces({ pageNumber: 1, pageSize: 10 });
    const lines = [...a.logs, ...b.logs].filter((l) => l.includes('not in the DataWorks SDK\'s endpoint map'));
    assert.deepEqual(lines, [`Region ${region} is not in the DataWorks SDK's endpoint map; using dataworks.${region}.aliyuncs.com`]);
    const c = harness({ region: 'cn-hangzhou' });
    c.fake.fallback = ok(listProjects);
    await c.svc.listWorkspaces({ pageNumber: 1, pageSize: 10 });
    assert.ok(!c.logs.some((l) => l.includes('endpoint map')));
  });
});

describe('api: plain http only to this machine', () => {
  it('isLoopbackHost', () => {
    for (const h of ['localhost', 'LOCALHOST:8080', '127.0.0.1', '127.0.0.1:9', '127.255.255.254:80', '[::1]', '[::1]:8080']) {
      assert.ok(isLoopbackHost(h), h);
    }
    for (const h of ['example.com', '128.0.0.1', '127.0.0.256', '127.0.0', '10.0.0.1:80', 'localhost.example.com', '127.0.0.1.nip.io',
      '[::2]', '[::1].example', 'localhost.', '0.0.0.0', '']) {
      assert.equal(isLoopbackHost(h), false, h);
    }
  });

  it('an http override to another host is refused; https anywhere and http to loopback are fine', () => {
    assert.throws(() => resolveEndpoint('dataworks', 'cn-hangzhou', { endpoint: { host: 'dataworks.example.com', protocol: 'http' } }),
      (e: unknown) => e instanceof DataWorksError && e.code === 'InsecureEndpoint');
    assert.throws(() => resolveEndpoint('cloudapi', 'cn-hangzhou', { endpoint: { host: '10.1.2.3:8080', protocol: 'http' } }),
      (e: unknown) => e instanceof DataWorksError && e.code === 'InsecureEndpoint');
    assert.equal(resolveEndpoint('dataworks', 'cn-hangzhou', { endpoint: { host: 'dataworks.example.com', protocol: 'https' } }).host, 'dataworks.example.com');
    assert.equal(resolveEndpoint('dataworks', 'cn-hangzhou', { endpoint: { host: 'localhost:8080', protocol: 'http' } }).protocol, 'http');
  });

  it('the service refuses an http override to another host before sending, and says why', async () => {
    const h = harness({ endpoint: { host: 'dataworks.example.com', protocol: 'http' } });
    const e = await rejection(h.svc.listWorkspaces({ pageNumber: 1, pageSize: 10 }));
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.code, 'InsecureEndpoint');
    assert.equal(h.fake.requests.length, 0);
    assert.match(e.userMessage('en'), /unencrypted/);
    assert.match(e.userMessage('zh-cn'), /明文 http/);
  });
});

// The real transport against a loopback server: what goes on the wire and how failures come back.

import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DATAWORKS_REGIONS } from '../../../src/api';
import { resolveEndpoint } from '../../../src/api/endpoints';
import { createTransport } from '../../../src/api/openApiTransport';
import { isTransportError, type TransportRequest } from '../../../src/api/transport';

interface Seen { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }

describe('api: openApiTransport (loopback)', function () {
  this.timeout(10_000);
  let server: http.Server;
  let host = '';
  const seen: Seen[] = [];
  let respond: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_q, res) => res.end('{}');

  before(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => { body += c.toString(); });
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        respond(req, res);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => { seen.length = 0; });

  const transport = (token?: string) => createTransport({
    credentials: { accessKeyId: 'AKID', accessKeySecret: 'secret-123456', ...(token ? { securityToken: token } : {}) },
    endpoint: { host, protocol: 'http' },
    userAgent: 'vscode-dataworks/9.9.9',
  });
  const req = (over: Partial<TransportRequest>): TransportRequest => ({
    product: 'dataworks', action: 'ListProjects', version: '2020-05-18', method: 'POST', query: {}, region: 'cn-hangzhou', ...over,
  });

  it('query call: ACS3 signature header, action/version headers, region header, user agent, JSON query value', async () => {
    respond = (_q, res) => { res.setHeader('content-type', 'application/json'); res.end('{"RequestId":"R1","Data":true}'); };
    const userGroups = JSON.stringify([{ Name: 'g', Owner: 'u', Accounts: ['user:u 1'], UserGroupType: 1 }]);
    const r = await transport().send(req({ action: 'DsgUserGroupAddOrUpdate', query: { UserGroups: userGroups } }), { timeoutMs: 5000 });
    assert.deepEqual(r.body, { RequestId: 'R1', Data: true });
    const s = seen[0];
    assert.ok(s);
    assert.equal(s.method, 'POST');
    assert.equal(new URL(s.url, 'http://x').searchParams.get('UserGroups'), userGroups);
    assert.equal(s.headers['x-acs-action'], 'DsgUserGroupAddOrUpdate');
    assert.equal(s.headers['x-acs-version'], '2020-05-18');
    assert.equal(s.headers['x-acs-region-id'], 'cn-hangzhou');
    assert.match(String(s.headers['authorization']), /^ACS3-HMAC-SHA256 Credential=AKID,SignedHeaders=.*x-acs-region-id/);
    assert.match(String(s.headers['user-agent']), /vscode-dataworks\/9\.9\.9/);
    assert.equal(s.headers['x-acs-credentials-provider'], 'static_ak');
  });

  it('form body call, GET call, STS token headers, CloudAPI version', async () => {
    respond = (_q, res) => res.end('{"RequestId":"R2"}');
    const t = transport('sts-token-abcdef');
    await t.send(req({ action: 'CreateDataServiceGroup', body: { ApiGatewayGroupId: 'gw', Description: '', GroupName: 'a b', ProjectId: '1' } }), { timeoutMs: 5000 });
    await t.send(req({ action: 'DsgUserGroupQueryUserList', method: 'GET' }), { timeoutMs: 5000 });
    await t.send(req({ product: 'cloudapi', action: 'DescribeApiGroups', version: '2016-07-14', query: { PageNumber: '1' } }), { timeoutMs: 5000 });
    assert.equal(seen[0]?.body, 'ApiGatewayGroupId=gw&Description=&GroupName=a%20b&ProjectId=1');
    assert.equal(seen[0]?.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(seen[0]?.headers['x-acs-security-token'], 'sts-token-abcdef');
    assert.equal(seen[1]?.method, 'GET');
    assert.equal(seen[1]?.url, '/');
    assert.equal(seen[2]?.headers['x-acs-version'], '2016-07-14');
  });

  it('HTTP error: code, status, request ID and body', async () => {
    respond = (_q, res) => {
      res.statusCode = 429;
      res.setHeader('content-type', 'application/json');
      res.end('{"RequestId":"R429","Code":"Throttling.User","Message":"Your request is too frequent."}');
    };
    const e = await transport().send(req({}), { timeoutMs: 5000 }).then(() => undefined, (x: unknown) => x);
    assert.ok(isTransportError(e));
    assert.deepEqual([e.kind, e.statusCode, e.code, e.requestId, e.sendState], ['http', 429, 'Throttling.User', 'R429', 'maybe-sent']);
  });

  it('read timeout: kind timeout, maybe sent', async () => {
    respond = () => undefined;
    const e = await transport().send(req({ query: { Secret: 'x' } }), { timeoutMs: 200 }).then(() => undefined, (x: unknown) => x);
    assert.ok(isTransportError(e));
    assert.equal(e.kind, 'timeout');
    assert.equal(e.sendState, 'maybe-sent');
    assert.doesNotMatch(e.message, /Secret=/);
  });

  it('connection refused: network, not sent, URL query redacted', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const t = createTransport({ credentials: { accessKeyId: 'AKID', accessKeySecret: 'secret-123456' }, endpoint: { host: `127.0.0.1:${port}`, protocol: 'http' } });
    const e = await t.send(req({ query: { UserGroups: 'private-value' } }), { timeoutMs: 2000 }).then(() => undefined, (x: unknown) => x);
    assert.ok(isTransportError(e));
    assert.deepEqual([e.kind, e.code, e.sendState], ['network', 'ECONNREFUSED', 'not-sent']);
    assert.doesNotMatch(e.message, /private-value/);
  });

  it('refuses to build a client without explicit credentials', () => {
    assert.throws(() => createTransport({ credentials: { accessKeyId: '', accessKeySecret: '' } }));
  });
});

describe('api: endpoints and regions', () => {
  it('public, VPC, API Gateway, override', () => {
    assert.deepEqual(resolveEndpoint('dataworks', 'cn-shanghai', {}), { host: 'dataworks.cn-shanghai.aliyuncs.com', protocol: 'https', headers: {} });
    assert.equal(resolveEndpoint('dataworks', 'cn-zhangjiakou', { vpc: true }).host, 'dataworks-vpc.cn-zhangjiakou.aliyuncs.com');
    assert.equal(resolveEndpoint('cloudapi', 'cn-shanghai', { vpc: true }).host, 'apigateway.cn-shanghai.aliyuncs.com');
    const o = resolveEndpoint('cloudapi', 'cn-hangzhou', { endpoint: { host: '127.0.0.1:8080', protocol: 'http' } });
    assert.deepEqual(o, { host: '127.0.0.1:8080', protocol: 'http', headers: { 'x-acs-region-id': 'cn-hangzhou' } });
  });

  it('region list: documented first, unique IDs, both names', () => {
    const ids = DATAWORKS_REGIONS.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(ids[0], 'cn-hangzhou');
    const firstUndocumented = DATAWORKS_REGIONS.findIndex((r) => !r.documented);
    assert.equal(firstUndocumented, 17);
    assert.ok(DATAWORKS_REGIONS.slice(firstUndocumented).every((r) => !r.documented));
    for (const r of DATAWORKS_REGIONS) assert.ok(r.nameEn && /[\u4e00-\u9fff]/.test(r.nameZh), r.id);
  });
});

// Every call works through a proxy: the one VS Code's `http.proxy` names (ServiceConfig.proxy) and the one the
// environment names (HTTP_PROXY / HTTPS_PROXY, minus NO_PROXY). Shown against the emulator behind a loopback proxy
// that counts what it carried: plain http through absolute-URI forwarding, and the real https host names
// (dataworks.<region>.aliyuncs.com, apigateway.<region>.aliyuncs.com) through CONNECT tunnels that the proxy routes
// to a local TLS front of the emulator.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo, Socket } from 'node:net';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { createDataWorksService, DataWorksError, type ServiceConfig } from '../../src/api';
import { bypasses, proxyFor } from '../../src/api/proxy';
import { DEMO_CREDENTIALS, type RunningEmulator, startEmulator } from '../emulator';
import { startLoopbackProxy, type LoopbackProxy } from './loopbackProxy';
import {
  callEveryMethod, EVERY_METHOD_COUNT, failedCalls, FAST_DEPS, type SeedFacts, seedFacts, serviceFor, settle,
} from './support';

const PROXY_ENV = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'] as const;

/** Totals for the README. */
const tally = { calls: 0, viaProxy: 0 };

describe('reliability: proxies', function () {
  let emu: RunningEmulator;
  let facts: SeedFacts;
  let proxy: LoopbackProxy;
  let seq = 0;
  const savedEnv = new Map<string, string | undefined>();

  before(async () => {
    emu = await startEmulator({ seed: 'demo' });
    facts = seedFacts(emu);
    proxy = await startLoopbackProxy();
    for (const k of PROXY_ENV) savedEnv.set(k, process.env[k]);
  });
  after(async () => {
    console.log(`  proxy summary: ${tally.calls} calls made with a proxy configured, ${tally.viaProxy} carried by the loopback proxy`);
    await proxy?.close();
    await emu?.close();
  });
  beforeEach(() => {
    for (const k of PROXY_ENV) delete process.env[k];
    proxy.reset();
    emu.resetCounts();
  });
  afterEach(() => {
    for (const [k, v] of savedEnv) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  const tag = (): string => `p${Date.now().toString(36)}${++seq}`;

  async function everyMethodThrough(over: Partial<ServiceConfig>): Promise<void> {
    const calls = await callEveryMethod(serviceFor(emu, over), facts, tag());
    assert.equal(calls.length, EVERY_METHOD_COUNT);
    assert.deepEqual(failedCalls(calls), []);
    const total = emu.counts()['__total'] ?? 0;
    const s = proxy.stats();
    tally.calls += calls.length;
    tally.viaProxy += s.forwarded + s.tunnels;
    assert.ok(total >= EVERY_METHOD_COUNT, `the emulator saw ${total} requests`);
    // Every request the emulator saw came through the proxy, none around it.
    assert.equal(s.forwarded, total, `proxy forwarded ${s.forwarded} of ${total}`);
    assert.ok(s.targets.every((t) => t === emu.endpoint), `targets ${s.targets.join(', ')}`);
  }

  it('ServiceConfig.proxy (VS Code http.proxy): every method goes through the proxy', async () => {
    await everyMethodThrough({ proxy: proxy.url });
  });

  it('HTTP_PROXY from the environment when no proxy is configured', async () => {
    process.env['HTTP_PROXY'] = proxy.url;
    await everyMethodThrough({});
  });

  it('lower-case http_proxy, and host:port without a scheme', async () => {
    process.env['http_proxy'] = `127.0.0.1:${proxy.port}`;
    await everyMethodThrough({});
  });

  it('the configured proxy wins over the environment', async () => {
    // Nothing listens on port 9 of loopback: going through the environment's proxy would fail every call.
    process.env['HTTP_PROXY'] = 'http://127.0.0.1:9';
    await everyMethodThrough({ proxy: proxy.url });
  });

  it('NO_PROXY and ServiceConfig.noProxy send the emulator direct', async () => {
    process.env['HTTP_PROXY'] = proxy.url;
    process.env['NO_PROXY'] = 'example.com, 127.0.0.1';
    const a = await callEveryMethod(serviceFor(emu), facts, tag());
    assert.deepEqual(failedCalls(a), []);
    delete process.env['NO_PROXY'];
    const b = await callEveryMethod(serviceFor(emu, { proxy: proxy.url, noProxy: ['127.0.0.1'] }), facts, tag());
    assert.deepEqual(failedCalls(b), []);
    assert.equal(proxy.stats().connections, 0, 'the proxy was never contacted');
    assert.ok((emu.counts()['__total'] ?? 0) >= 2 * EVERY_METHOD_COUNT);
  });

  it('without any proxy setting nothing goes to the proxy (control)', async () => {
    const calls = await callEveryMethod(serviceFor(emu), facts, tag());
    assert.deepEqual(failedCalls(calls), []);
    assert.equal(proxy.stats().connections, 0);
  });

  it('an unusable proxy setting fails the call instead of going around the proxy', async () => {
    const e = (await settle(serviceFor(emu, { proxy: 'socks5://127.0.0.1:1080' }).listWorkspaces({ pageNumber: 1, pageSize: 10 })));
    assert.ok(!e.ok && e.error instanceof DataWorksError, 'fails');
    assert.equal(e.error.code, 'InvalidProxy');
    assert.equal(e.error.retryable, false, 'a setting problem is not retried');
    assert.equal(emu.counts()['__total'] ?? 0, 0, 'nothing reached the server directly');
  });

  it('a proxy that cannot reach the server (HTML 502): reads retried then a retryable error, a create never resent', async () => {
    const dead = await startLoopbackProxy({ route: () => ({ host: '127.0.0.1', port: 9 }) });
    try {
      const svc = serviceFor(emu, { proxy: dead.url });
      const r = await settle(svc.listWorkspaces({ pageNumber: 1, pageSize: 10 }));
      assert.ok(!r.ok && r.error instanceof DataWorksError);
      assert.deepEqual([r.error.kind, r.error.code, r.error.httpStatus, r.error.retryable], ['api', 'HTTP502', 502, true]);
      assert.equal(dead.stats().forwarded, 4, 'first attempt + 3 retries');
      dead.reset();
      const c = await settle(svc.createBusinessProcess({ projectId: facts.projectId, apiGatewayGroupId: facts.gatewayGroupId, name: `bp ${tag()}`, description: '' }));
      assert.ok(!c.ok && c.error instanceof DataWorksError);
      // The 502 came from the proxy, but the client cannot tell who answered: the create is not resent, and the
      // lookup (also answered 502) cannot settle it.
      assert.equal(c.error.createVerdict, 'unknown');
      const actions = dead.stats().actions;
      assert.equal(actions.filter((a) => a === 'CreateDataServiceGroup').length, 1, actions.join(', '));
      assert.ok(actions.includes('ListDataServiceGroups'), 'looked up instead');
      assert.equal(emu.counts()['__total'] ?? 0, 0);
    } finally {
      await dead.close();
    }
  });

  describe('an authenticating proxy', () => {
    const password = 'proxy-pass-Canary-7f3e9a';
    let authProxy: LoopbackProxy;
    before(async () => {
      authProxy = await startLoopbackProxy({ auth: { user: 'dwuser', password } });
    });
    after(() => authProxy.close());

    it('credentials in the proxy URL are sent; a wrong password fails without showing the password', async () => {
      const good = await callEveryMethod(serviceFor(emu, { proxy: `http://dwuser:${password}@127.0.0.1:${authProxy.port}` }), facts, tag());
      assert.deepEqual(failedCalls(good), []);
      assert.equal(authProxy.stats().refused, 0);
      assert.ok(authProxy.stats().forwarded >= EVERY_METHOD_COUNT);

      const wrong = `${password}-wrong`;
      const r = await settle(serviceFor(emu, { proxy: `http://dwuser:${wrong}@127.0.0.1:${authProxy.port}` }).listTenantUsers());
      assert.ok(!r.ok && r.error instanceof DataWorksError, 'a 407 is a failure');
      assert.equal(r.error.httpStatus, 407, `${r.error.kind} ${r.error.code}: ${r.error.message}`);
      const text = `${r.error.message} ${r.error.userMessage('en')} ${JSON.stringify(r.error)} ${String(r.error.stack)}`;
      assert.ok(!text.includes(wrong) && !text.includes(password), 'the proxy password is not in the error');
    });
  });

  describe('https to the real endpoint names, through CONNECT', () => {
    let front: tls.Server;
    let tunnelProxy: LoopbackProxy;
    let dir: string;
    const sockets = new Set<Socket>();

    before(async function () {
      dir = mkdtempSync(join(tmpdir(), 'dw-proxy-'));
      try {
        execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
          '-days', '1', '-subj', '/CN=dataworks.cn-shanghai.aliyuncs.com'], { stdio: 'ignore' });
      } catch {
        // Without openssl there is no certificate to serve; the http rows above still cover routing.
        this.skip();
      }
      // A TLS front for the emulator: what a tunnel to <product>.<region>.aliyuncs.com:443 reaches.
      front = tls.createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (s) => {
        const up = net.connect(emu.port, '127.0.0.1');
        sockets.add(s);
        sockets.add(up);
        s.pipe(up).pipe(s);
        s.on('error', () => up.destroy());
        up.on('error', () => s.destroy());
      });
      await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
      const frontPort = (front.address() as AddressInfo).port;
      tunnelProxy = await startLoopbackProxy({
        route: (host, port) => (/\.aliyuncs\.com$/.test(host) && port === 443 ? { host: '127.0.0.1', port: frontPort } : { host, port }),
      });
    });
    after(async () => {
      for (const s of sockets) s.destroy();
      await tunnelProxy?.close();
      await new Promise<void>((resolve) => (front ? front.close(() => resolve()) : resolve()));
      if (dir) rmSync(dir, { recursive: true, force: true });
    });
    beforeEach(() => tunnelProxy?.reset());

    const realEndpoints = (over: Partial<ServiceConfig>) => createDataWorksService({
      region: 'cn-shanghai', credentials: DEMO_CREDENTIALS, requestsPerSecond: 10_000, timeoutMs: 10_000, ...over,
    }, FAST_DEPS);

    it('HTTPS_PROXY: every method tunnels to dataworks/apigateway.cn-shanghai.aliyuncs.com:443', async () => {
      process.env['HTTPS_PROXY'] = tunnelProxy.url;
      // The front's certificate is self-signed; http.proxyStrictSSL=false is what lets it through.
      const calls = await callEveryMethod(realEndpoints({ proxyStrictSSL: false }), facts, tag());
      assert.deepEqual(failedCalls(calls), []);
      const s = tunnelProxy.stats();
      tally.calls += calls.length;
      tally.viaProxy += s.tunnels;
      assert.ok(s.tunnels >= 1, 'tunnels opened');
      assert.equal(s.forwarded, 0, 'https never goes as plain forwarding');
      assert.ok(s.targets.includes('dataworks.cn-shanghai.aliyuncs.com:443'), s.targets.join(', '));
      assert.ok(s.targets.includes('apigateway.cn-shanghai.aliyuncs.com:443'), s.targets.join(', '));
      assert.ok((emu.counts()['__total'] ?? 0) >= EVERY_METHOD_COUNT);
    });

    it('ServiceConfig.proxy for https, and HTTP_PROXY alone is not used for https targets', async () => {
      process.env['HTTP_PROXY'] = 'http://127.0.0.1:9';
      const calls = await callEveryMethod(realEndpoints({ proxy: tunnelProxy.url, proxyStrictSSL: false }), facts, tag());
      assert.deepEqual(failedCalls(calls), []);
      assert.ok(tunnelProxy.stats().tunnels >= 1);
    });

    it('certificates are still verified through the tunnel unless proxyStrictSSL is false', async () => {
      const r = await settle(realEndpoints({ proxy: tunnelProxy.url }).listWorkspaces({ pageNumber: 1, pageSize: 10 }, { deadlineMs: 3000 }));
      assert.ok(!r.ok && r.error instanceof DataWorksError, 'a self-signed certificate is refused');
      assert.equal(r.error.kind, 'network');
      assert.ok(tunnelProxy.stats().tunnels >= 1, 'it did go through the proxy');
      assert.equal(emu.counts()['__total'] ?? 0, 0, 'no request reached the server over the unverified connection');
    });
  });
});

describe('proxy selection (pure)', () => {
  const https = (host: string) => ({ protocol: 'https' as const, host });
  const http = (host: string) => ({ protocol: 'http' as const, host });

  it('explicit setting, then the scheme-specific environment variable', () => {
    assert.equal(proxyFor(https('dataworks.cn-shanghai.aliyuncs.com'), { proxy: 'http://p:1' }, { HTTPS_PROXY: 'http://e:2' })?.host, 'p:1');
    assert.equal(proxyFor(https('dataworks.cn-shanghai.aliyuncs.com'), {}, { HTTPS_PROXY: 'http://e:2', HTTP_PROXY: 'http://h:3' })?.host, 'e:2');
    assert.equal(proxyFor(http('127.0.0.1:8080'), {}, { HTTPS_PROXY: 'http://e:2', HTTP_PROXY: 'http://h:3' })?.host, 'h:3');
    assert.equal(proxyFor(https('dataworks.cn-shanghai.aliyuncs.com'), {}, { HTTP_PROXY: 'http://h:3' }), undefined);
    assert.equal(proxyFor(https('x.aliyuncs.com'), { proxy: '  ' }, {}), undefined);
  });

  it('NO_PROXY forms: *, suffixes, leading dot or *., ports', () => {
    assert.ok(bypasses(https('dataworks.cn-shanghai.aliyuncs.com'), ['*']));
    assert.ok(bypasses(https('dataworks.cn-shanghai.aliyuncs.com'), ['aliyuncs.com']));
    assert.ok(bypasses(https('dataworks.cn-shanghai.aliyuncs.com'), ['.aliyuncs.com']));
    assert.ok(bypasses(https('dataworks.cn-shanghai.aliyuncs.com'), ['*.aliyuncs.com']));
    assert.ok(bypasses(https('dataworks.cn-shanghai.aliyuncs.com'), ['aliyuncs.com:443']));
    assert.ok(!bypasses(https('dataworks.cn-shanghai.aliyuncs.com'), ['aliyuncs.com:80']));
    assert.ok(!bypasses(https('dataworks.cn-shanghai.aliyuncs.com'), ['yuncs.com', 'shanghai.aliyuncs']));
    assert.ok(bypasses(http('127.0.0.1:18080'), ['127.0.0.1']));
    assert.ok(!bypasses(http('127.0.0.1:18080'), ['127.0.0.1:80']));
    assert.equal(proxyFor(https('dataworks.cn-shanghai.aliyuncs.com'), { proxy: 'http://p:1' }, { no_proxy: 'foo,aliyuncs.com' }), undefined);
  });

  it('unusable proxy URLs are refused, and the refusal does not echo a password', () => {
    assert.throws(() => proxyFor(https('a.b'), { proxy: 'socks5://127.0.0.1:1080' }, {}), /not supported/);
    assert.throws(() => proxyFor(https('a.b'), { proxy: 'http://user:s3cret-pw@[bad' }, {}), (e: Error) => !e.message.includes('s3cret-pw'));
  });
});

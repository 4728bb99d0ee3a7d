import * as assert from 'node:assert/strict';
import type { ServiceConfig } from '../../../src/api/config';
import { ProfileStore } from '../../../src/auth/profileStore';
import { parseEndpointOverride, proxyPasswords, ServiceProvider } from '../../../src/services/serviceProvider';
import { Redactor } from '../../../src/util/redact';
import { CredentialsUnavailableError } from '../../../src/util/errors';
import { FakeDataWorksService } from '../fakes/fakeDataWorksService';
import { MemoryMemento, MemorySecretStorage } from '../fakes/memoryStorage';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

describe('ServiceProvider', () => {
  it('parses endpoint overrides', () => {
    assert.deepEqual(parseEndpointOverride('http://127.0.0.1:8080'), { protocol: 'http', host: '127.0.0.1:8080' });
    assert.deepEqual(parseEndpointOverride('https://dataworks.example.com/'), { protocol: 'https', host: 'dataworks.example.com' });
    assert.equal(parseEndpointOverride(''), undefined);
    assert.equal(parseEndpointOverride('127.0.0.1:8080'), undefined);
    assert.equal(parseEndpointOverride('http://host/path'), undefined);
    assert.equal(parseEndpointOverride('ftp://host'), undefined);
  });

  function setup(endpoint?: string, proxy?: string) {
    const secrets = new MemorySecretStorage();
    const profiles = new ProfileStore({ secrets, state: new MemoryMemento(), env: {} });
    const configs: ServiceConfig[] = [];
    const provider = new ServiceProvider({
      profiles,
      factory: () => Promise.resolve((c: ServiceConfig) => {
        configs.push(c);
        return new FakeDataWorksService(c.region);
      }),
      settings: {
        endpointOverride: () => endpoint, useVpcEndpoint: () => false, requestsPerSecond: () => 4,
        proxy: () => (proxy ? { proxy, noProxy: ['localhost'] } : {}),
      },
      logger: quiet,
      userAgent: 'test/1',
    });
    return { secrets, profiles, provider, configs };
  }

  it('builds one service per profile and region, with the stored credentials and the endpoint override', async () => {
    const { profiles, provider, configs } = setup('http://127.0.0.1:9999');
    await profiles.save({ name: 'p', region: 'cn-shanghai', mode: 'ak' }, { accessKeyId: 'LTAIxxxxxxxx', accessKeySecret: 'sss' });
    const a = await provider.getService('p', 'cn-shanghai');
    const b = await provider.getService('p', 'cn-shanghai');
    const c = await provider.getService('p', 'cn-beijing');
    assert.equal(a, b);
    assert.notEqual(a, c);
    assert.equal(configs.length, 2);
    assert.deepEqual(configs[0]?.endpoint, { protocol: 'http', host: '127.0.0.1:9999' });
    assert.equal(configs[0]?.credentials.accessKeySecret, 'sss');
  });

  it('passes VS Code\'s proxy settings to the service', async () => {
    const { profiles, provider, configs } = setup(undefined, 'http://proxy.example:3128');
    await profiles.save({ name: 'p', region: 'cn-shanghai', mode: 'ak' }, { accessKeyId: 'LTAIxxxxxxxx', accessKeySecret: 'sss' });
    await provider.getService('p', 'cn-shanghai');
    assert.equal(configs[0]?.proxy, 'http://proxy.example:3128');
    assert.deepEqual(configs[0]?.noProxy, ['localhost']);
  });

  it('fails with CredentialsUnavailableError when the secret is gone, and retries next time', async () => {
    const { secrets, profiles, provider } = setup();
    await profiles.save({ name: 'p', region: 'cn-shanghai', mode: 'ak' }, { accessKeyId: 'LTAIxxxxxxxx', accessKeySecret: 'sss' });
    const saved = new Map(secrets.values);
    secrets.values.clear();
    await assert.rejects(provider.getService('p', 'cn-shanghai'), CredentialsUnavailableError);
    for (const [k, v] of saved) secrets.values.set(k, v);
    assert.ok(await provider.getService('p', 'cn-shanghai'));
  });
});

describe('ServiceProvider: proxy passwords reach the extension\'s redactor', () => {
  const PASSWORD = 'pRoXy-cAnArY-p@ss-5c1d8e';
  const build = async (proxySetting: string | undefined, env: Record<string, string | undefined>) => {
    const profiles = new ProfileStore({ secrets: new MemorySecretStorage(), state: new MemoryMemento(), env: {} });
    const redactor = new Redactor();
    const provider = new ServiceProvider({
      profiles,
      factory: () => Promise.resolve((c: ServiceConfig) => new FakeDataWorksService(c.region)),
      settings: { endpointOverride: () => undefined, useVpcEndpoint: () => false, requestsPerSecond: () => 4, proxy: () => (proxySetting ? { proxy: proxySetting } : {}) },
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      userAgent: 'test/1',
      onSecrets: (values) => redactor.add(...values),
      env,
    });
    await profiles.save({ name: 'p', region: 'cn-shanghai', mode: 'ak' }, { accessKeyId: 'LTAIxxxxxxxx', accessKeySecret: 'sss' });
    await provider.getService('p', 'cn-shanghai');
    return redactor;
  };

  for (const [where, setting, env] of [
    ['http.proxy', `http://u:${encodeURIComponent(PASSWORD)}@proxy.example:3128`, {}],
    ['HTTPS_PROXY', undefined, { HTTPS_PROXY: `http://u:${encodeURIComponent(PASSWORD)}@proxy.example:3128` }],
    ['http_proxy without a scheme', undefined, { http_proxy: `u:${encodeURIComponent(PASSWORD)}@proxy.example:3128` }],
  ] as const) {
    it(`from ${where}, raw and percent-decoded`, async () => {
      const redactor = await build(setting, env);
      const line = redactor.redact(`proxy refused u:${PASSWORD} / u:${encodeURIComponent(PASSWORD)}`);
      assert.ok(!line.includes(PASSWORD) && !line.includes(encodeURIComponent(PASSWORD)), line);
    });
  }

  it('finds no password where there is none', () => {
    assert.deepEqual(proxyPasswords('http://proxy.example:3128'), []);
    assert.deepEqual(proxyPasswords('http://user@proxy.example:3128'), []);
    assert.deepEqual(proxyPasswords('::not a url'), []);
    assert.deepEqual(proxyPasswords(undefined), []);
  });
});

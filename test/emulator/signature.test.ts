// The signature code against the reference vectors (§4.4 A and B, §4.5), then the verifier's decisions as pure
// function calls with a fixed clock.
import assert from 'node:assert/strict';
import type { KeyRecord, VerifyEnv } from './signature';
import {
  EMPTY_SHA256, acsEncode, canonicalQueryString, parseAuthorization, parseRawQuery, signAcs3, v2Signature,
  v2StringToSign, verifyAcs3, verifyV2,
} from './signature';
import { ApiError } from './errors';

const KEY: KeyRecord = { accessKeyId: 'testAK', accessKeySecret: 'testSecret' };
const DATE = '2026-01-02T03:04:05Z';
const NONCE = '0123456789abcdef0123456789abcdef';
const BASE = { host: 'dataworks.cn-shanghai.aliyuncs.com', 'x-acs-version': '2020-05-18', 'x-acs-date': DATE, 'x-acs-signature-nonce': NONCE };
const BODY_A = 'ApiGatewayGroupId=abc123&Description=test&GroupName=my_group&ProjectId=10001';
const USER_GROUPS_B = '[{"Name":"yun_group","Owner":"user1","UserGroupType":1,"Accounts":["user:user1"]}]';

function env(over: Partial<VerifyEnv> = {}): VerifyEnv {
  const used = new Set<string>();
  return {
    findKey: (id) => (id === KEY.accessKeyId ? KEY : undefined),
    nowMs: Date.parse(DATE),
    maxSkewSeconds: 900,
    claimNonce: (ak, n) => (used.has(ak + n) ? false : (used.add(ak + n), true)),
    ...over,
  };
}

const vectorA = () => signAcs3({
  method: 'POST',
  headers: { ...BASE, 'x-acs-action': 'CreateDataServiceGroup', 'content-type': 'application/x-www-form-urlencoded' },
  body: BODY_A,
  accessKeyId: 'testAK',
  accessKeySecret: 'testSecret',
});

const asMulti = (h: Record<string, string>): Record<string, string[]> => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, [v]]));

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e.code;
    throw e;
  }
  return 'OK';
}

describe('emulator signature: reference vectors', () => {
  it('vector A (form body): payload hash and Authorization header', () => {
    const a = vectorA();
    assert.equal(a.headers['x-acs-content-sha256'], 'a69901a534174ea8e77a5016613e9ec4bbd745d5d2174f120ab023e3cc63e8dd');
    assert.equal(
      a.headers.authorization,
      'ACS3-HMAC-SHA256 Credential=testAK,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=4a3e86b6ef0404f17a7f1ef5e8c0248221cc523cbeda6677f5746faa3742a580',
    );
  });

  it('vector B (JSON in the query): canonical request, string to sign, signature', () => {
    const b = signAcs3({ method: 'POST', query: { UserGroups: USER_GROUPS_B }, headers: { ...BASE, 'x-acs-action': 'DsgUserGroupAddOrUpdate' }, accessKeyId: 'testAK', accessKeySecret: 'testSecret' });
    assert.equal(b.canonicalRequest, [
      'POST',
      '/',
      'UserGroups=%5B%7B%22Name%22%3A%22yun_group%22%2C%22Owner%22%3A%22user1%22%2C%22UserGroupType%22%3A1%2C%22Accounts%22%3A%5B%22user%3Auser1%22%5D%7D%5D',
      'host:dataworks.cn-shanghai.aliyuncs.com',
      'x-acs-action:DsgUserGroupAddOrUpdate',
      `x-acs-content-sha256:${EMPTY_SHA256}`,
      `x-acs-date:${DATE}`,
      `x-acs-signature-nonce:${NONCE}`,
      'x-acs-version:2020-05-18',
      '',
      'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
      EMPTY_SHA256,
    ].join('\n'));
    assert.equal(b.stringToSign, 'ACS3-HMAC-SHA256\ne3acabb2903435cba331cb5b9b132bd1d2b44c8fe3208ed2bce30adcd945fa66');
    assert.equal(b.signature, 'be787c60bf6cfac488b5432783ed3bc054c106b0d54650d367b9c37e2c846da3');
  });

  it('legacy HMAC-SHA1 vector', () => {
    const params: [string, string][] = [
      ['AccessKeyId', 'testAK'], ['Action', 'DsgUserGroupQueryList'], ['Format', 'json'], ['PageNumber', '1'],
      ['PageSize', '100'], ['SignatureMethod', 'HMAC-SHA1'], ['SignatureNonce', NONCE], ['SignatureVersion', '1.0'],
      ['Timestamp', DATE], ['Version', '2020-05-18'],
    ];
    assert.equal(v2Signature('testSecret', v2StringToSign('GET', params)), 'eeuneJdS7E8WP4pkNGQ/p8duCQ0=');
  });

  it('encodes strictly and decodes the raw query before re-encoding', () => {
    assert.equal(acsEncode("a b!'()*~"), 'a%20b%21%27%28%29%2A~');
    // Node's querystring leaves ()* literal in the URL; the canonical form must still escape them.
    assert.equal(canonicalQueryString(parseRawQuery('b=x(y)*&a=1%202')), 'a=1%202&b=x%28y%29%2A');
    assert.deepEqual(parseRawQuery('a=1+2&b&=c'), [['a', '1 2'], ['b', ''], ['', 'c']]);
  });

  it('parses the Authorization header, tolerating spaces after commas', () => {
    const p = parseAuthorization('ACS3-HMAC-SHA256 Credential=ak, SignedHeaders=x-acs-date;host, Signature=abc');
    assert.deepEqual(p, { algorithm: 'ACS3-HMAC-SHA256', accessKeyId: 'ak', signedHeaders: ['host', 'x-acs-date'], signature: 'abc' });
    assert.equal(parseAuthorization('ACS3-HMAC-SHA256 Credential=ak'), undefined);
  });
});

describe('emulator signature: verifier decisions', () => {
  const reqA = (headers: Record<string, string> = vectorA().headers, body = BODY_A) =>
    ({ method: 'POST', path: '/', rawQuery: '', headers: asMulti(headers), body: Buffer.from(body) });

  it('accepts vector A at its own time, once', () => {
    const e = env();
    assert.equal(verifyAcs3(reqA(), e).style, 'ACS3');
    assert.equal(codeOf(() => verifyAcs3(reqA(), e)), 'SignatureNonceUsed');
  });

  it('accepts vector B with the query as Node\'s querystring puts it on the wire', () => {
    const b = signAcs3({ method: 'POST', query: { UserGroups: USER_GROUPS_B }, headers: { ...BASE, 'x-acs-action': 'DsgUserGroupAddOrUpdate' }, accessKeyId: 'testAK', accessKeySecret: 'testSecret' });
    const req = { method: 'POST', path: '/', rawQuery: `UserGroups=${encodeURIComponent(USER_GROUPS_B)}`, headers: asMulti(b.headers), body: Buffer.alloc(0) };
    assert.equal(verifyAcs3(req, env()).key.accessKeyId, 'testAK');
    assert.equal(codeOf(() => verifyAcs3({ ...req, rawQuery: req.rawQuery.replace('yun_group', 'yun_grouq') }, env())), 'SignatureDoesNotMatch');
  });

  it('rejects a changed body, a wrong key, a stale date, a changed signature', () => {
    assert.equal(codeOf(() => verifyAcs3(reqA(vectorA().headers, BODY_A.replace('test', 'tost')), env())), 'SignatureDoesNotMatch');
    assert.equal(codeOf(() => verifyAcs3(reqA(), env({ findKey: () => undefined }))), 'InvalidAccessKeyId.NotFound');
    assert.equal(codeOf(() => verifyAcs3(reqA(), env({ findKey: () => ({ ...KEY, accessKeySecret: 'other' }) }))), 'SignatureDoesNotMatch');
    assert.equal(codeOf(() => verifyAcs3(reqA(), env({ nowMs: Date.parse(DATE) + 901_000 }))), 'InvalidTimeStamp.Expired');
    assert.equal(codeOf(() => verifyAcs3(reqA(), env({ nowMs: Date.parse(DATE) - 899_000 }))), 'OK');
    const h = vectorA().headers;
    h.authorization = h.authorization?.replace(/.$/, (c) => (c === '0' ? '1' : '0')) ?? '';
    assert.equal(codeOf(() => verifyAcs3(reqA(h), env())), 'SignatureDoesNotMatch');
  });

  it('says what the server signed in SignatureDoesNotMatch', () => {
    try {
      verifyAcs3(reqA(), env({ findKey: () => ({ ...KEY, accessKeySecret: 'other' }) }));
      assert.fail('accepted');
    } catch (e) {
      assert.ok(e instanceof ApiError);
      assert.match(e.message, /server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
    }
  });

  it('requires the essential headers to be signed', () => {
    for (const h of ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256', 'content-type']) {
      const headers = { ...vectorA().headers };
      headers.authorization = (headers.authorization ?? '').replace(new RegExp(`(SignedHeaders=(?:[^,]*;)?)${h};?`), '$1').replace(';,', ',');
      assert.equal(codeOf(() => verifyAcs3(reqA(headers), env())), 'IncompleteSignature', h);
    }
  });

  it('checks the STS token of an STS pair', () => {
    const sts: KeyRecord = { accessKeyId: 'STS.x', accessKeySecret: 's', securityToken: 'tok' };
    const sign = (token?: string) => signAcs3({
      method: 'POST', headers: { ...BASE, 'x-acs-action': 'ListProjects', ...(token ? { 'x-acs-security-token': token } : {}) },
      accessKeyId: 'STS.x', accessKeySecret: 's',
    });
    const run = (token: string | undefined, key = sts) =>
      codeOf(() => verifyAcs3({ method: 'POST', path: '/', rawQuery: '', headers: asMulti(sign(token).headers), body: Buffer.alloc(0) }, env({ findKey: () => key })));
    assert.equal(run('tok'), 'OK');
    assert.equal(run(undefined), 'InvalidSecurityToken.Mismatch');
    assert.equal(run('other'), 'InvalidSecurityToken.Mismatch');
    assert.equal(run('tok', { ...sts, tokenExpired: true }), 'InvalidSecurityToken.Expired');
  });

  it('verifies HMAC-SHA1 requests and rejects missing parameters', () => {
    const params: [string, string][] = [
      ['AccessKeyId', 'testAK'], ['Action', 'DsgUserGroupQueryList'], ['Format', 'json'], ['PageNumber', '1'],
      ['PageSize', '100'], ['SignatureMethod', 'HMAC-SHA1'], ['SignatureNonce', NONCE], ['SignatureVersion', '1.0'],
      ['Timestamp', DATE], ['Version', '2020-05-18'], ['Signature', 'eeuneJdS7E8WP4pkNGQ/p8duCQ0='],
    ];
    assert.equal(verifyV2('GET', params, env()).style, 'V2');
    assert.equal(codeOf(() => verifyV2('POST', params, env())), 'SignatureDoesNotMatch');
    assert.equal(codeOf(() => verifyV2('GET', params.filter(([k]) => k !== 'Timestamp'), env())), 'MissingParameter');
  });
});

import * as assert from 'node:assert/strict';
import { Logger } from '../../../src/util/log';
import { maskAccessKeyId, Redactor } from '../../../src/util/redact';
import { assertNoSecretRun } from '../../support/secretRuns';

describe('Redactor', () => {
  it('removes registered secrets wherever they appear', () => {
    const r = new Redactor();
    r.add('my-very-secret-value', undefined, 'abc');
    assert.equal(r.redact('x my-very-secret-value y'), 'x *** y');
    assert.equal(r.redact('abc stays (too short to register)'), 'abc stays (too short to register)');
  });

  it('removes credential-shaped text it was never told about', () => {
    const r = new Redactor();
    const out = r.redact([
      'GET /?AccessKeyId=LTAI5tAbCdEfGhIjKlMn&Signature=abc%2Bdef&SecurityToken=CAISxyz&Action=ListProjects',
      'x-acs-security-token: CAIS-very-long-token',
      'Authorization: ACS3-HMAC-SHA256 Credential=LTAI...,Signature=deadbeef',
      'key LTAI5tAbCdEfGhIjKlMn and STS.NUgYrLnoC37mZZCNnAbez and secret 0123456789abcdefghijABCDEFGHIJ',
      'SignatureDoesNotMatch: string to sign is: GET&%2F&AccessKeyId%3DLTAI',
      '{"access_key_secret": "plain-secret"}',
    ].join('\n'));
    for (const leak of ['LTAI5tAbCdEfGhIjKlMn', 'abc%2Bdef', 'CAISxyz', 'CAIS-very-long-token', 'deadbeef', 'NUgYrLnoC37mZZCNnAbez', '0123456789abcdefghijABCDEFGHIJ', 'GET&%2F', 'plain-secret']) {
      assert.ok(!out.includes(leak), `${leak} survived:\n${out}`);
    }
    assert.ok(out.includes('Action=ListProjects'));
  });

  it('keeps request IDs', () => {
    const id = '0A1B2C3D-4E5F-6789-ABCD-EF0123456789';
    assert.ok(new Redactor().redact(`requestId=${id}`).includes(id));
  });

  it('masks an AccessKey ID to its ends', () => {
    assert.equal(maskAccessKeyId('LTAI5tAbCdEfGhIj'), 'LTAI…GhIj');
    assert.equal(maskAccessKeyId('short'), '****');
  });

  it('is applied to every log line, including errors with a stack', () => {
    const lines: string[] = [];
    const sink = { trace: (m: string) => lines.push(m), debug: (m: string) => lines.push(m), info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    const r = new Redactor();
    r.add('canary-secret-123');
    const log = new Logger(sink, r);
    log.info('info canary-secret-123');
    log.failure('call failed:', Object.assign(new Error('bad canary-secret-123'), { code: 'X', requestId: 'R-1' }));
    assert.ok(lines.every((l) => !l.includes('canary-secret-123')));
    assert.ok(lines.some((l) => l.includes('code=X') && l.includes('requestId=R-1')));
  });
});

describe('Redactor: parts of a secret', () => {
  const SECRET = 'cAnArY7secretQ9wXz4Lm2Np8Rt6Vb3Kd1Hf5Jg0';

  it('removes every 8-character run of a registered secret: a cut message, a quoted fragment, a wrapped line', () => {
    const r = new Redactor();
    r.add(SECRET);
    const texts = [
      `message cut at its limit: …key=${SECRET.slice(0, 17)}`,
      `parser: Unexpected token 'c', ..."secret": \n${SECRET.slice(0, 10)}"... is not valid JSON`,
      `wrapped: ${SECRET.slice(0, 20)}\n${SECRET.slice(20)}`,
      `inside: x${SECRET.slice(9, 30)}y`,
    ];
    const out = texts.map((t) => r.redact(t));
    assertNoSecretRun(out, [SECRET], 'redacted text');
    assert.equal(out[3], 'inside: x***y');
  });

  it('keeps ordinary words that happen to be in a registered value', () => {
    const r = new Redactor();
    r.add('demo-secret-for-the-dataworks-emulator');
    assert.equal(r.redact('dataworks.cn-shanghai.aliyuncs.com: the emulator'), 'dataworks.cn-shanghai.aliyuncs.com: the emulator');
  });
});

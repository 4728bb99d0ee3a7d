import * as assert from 'node:assert/strict';
import { readEnvironmentProfile } from '../../../src/auth/environment';
import { stepForRejection } from '../../../src/auth/verification';
import { FakeApiError } from '../fakes/fakeDataWorksService';

describe('Environment profile', () => {
  it('needs both AccessKey variables', () => {
    assert.equal(readEnvironmentProfile({}), undefined);
    assert.equal(readEnvironmentProfile({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIx' }), undefined);
  });

  it('reads region and token, defaulting the region', () => {
    const ak = readEnvironmentProfile({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIabcdefgh1', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's' });
    assert.equal(ak?.profile.region, 'cn-hangzhou');
    assert.equal(ak?.profile.mode, 'ak');
    const sts = readEnvironmentProfile({
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'STS.abc', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's', ALIBABA_CLOUD_SECURITY_TOKEN: 't', ALIBABA_CLOUD_REGION_ID: 'cn-shanghai',
    });
    assert.equal(sts?.profile.mode, 'sts');
    assert.equal(sts?.profile.region, 'cn-shanghai');
    assert.equal(sts?.credentials.securityToken, 't');
    assert.equal(sts?.profile.name, 'Environment');
  });
});

describe('credential verification verdicts', () => {
  it('sends each rejection back to the input that is wrong', () => {
    assert.equal(stepForRejection(new FakeApiError('InvalidAccessKeyId.NotFound', 'x')), 'accessKeyId');
    assert.equal(stepForRejection(new FakeApiError('SignatureDoesNotMatch', 'x')), 'secret');
    assert.equal(stepForRejection(new FakeApiError('InvalidSecurityToken.Expired', 'x')), 'token');
    assert.equal(stepForRejection(new FakeApiError('IncompleteSignature', 'x')), 'secret');
    assert.equal(stepForRejection(new FakeApiError('Throttling.User', 'x')), undefined);
    assert.equal(stepForRejection(new Error('boom')), undefined);
  });

  it('prefers the credential field the API layer names', () => {
    const e = Object.assign(new FakeApiError('SomethingNew', 'x'), { field: 'securityToken' });
    assert.equal(stepForRejection(e), 'token');
  });
});

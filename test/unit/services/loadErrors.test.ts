import * as assert from 'node:assert/strict';
import { ProfileStore } from '../../../src/auth/profileStore';
import { DataWorksError } from '../../../src/api/errors';
import { AuthState } from '../../../src/services/authState';
import { createErrorReporter } from '../../../src/services/errorReporter';
import { createLoadErrorReporter } from '../../../src/services/loadErrors';
import { CredentialsUnavailableError, UserCancelledError } from '../../../src/util/errors';
import { Logger } from '../../../src/util/log';
import { Redactor } from '../../../src/util/redact';
import { assertNoSecretRun } from '../../support/secretRuns';
import { FakeApiError } from '../fakes/fakeDataWorksService';
import { MemoryMemento, MemorySecretStorage } from '../fakes/memoryStorage';

const t = (m: string, ...args: (string | number | boolean)[]): string => m.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

function setup() {
  const lines: string[] = [];
  const push = (m: string): void => {
    lines.push(m);
  };
  const redactor = new Redactor();
  redactor.add('canary-secret-77');
  const log = new Logger({ trace: push, debug: push, info: push, warn: push, error: push }, redactor);
  const profiles = new ProfileStore({
    secrets: new MemorySecretStorage(), state: new MemoryMemento(),
    env: { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIEnvKey000001', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'canary-secret-77' },
  });
  const auth = new AuthState();
  const reportError = createErrorReporter({ log, redactor, auth, locale: () => 'en', activeProfile: () => profiles.active()?.name });
  const report = createLoadErrorReporter({ t, report: reportError, redactor });
  return { lines, auth, report, redactor };
}

describe('load error reporter', () => {
  it('logs once with code and request ID and returns the error node text, redacted', () => {
    const { lines, report } = setup();
    const text = report(new FakeApiError('InternalError', 'failed near canary-secret-77', 'REQ-42'), 'user groups');
    assert.equal(text, 'Could not load user groups: failed near *** [InternalError] (request ID REQ-42)');
    assert.ok(lines.some((l) => l.includes('code=InternalError') && l.includes('requestId=REQ-42')));
    assert.ok(lines.every((l) => !l.includes('canary-secret-77')));
  });

  it('an API error with a known code: our text, then what DataWorks said (redacted), then the request ID once', () => {
    const { lines, report } = setup();
    const e = new DataWorksError({
      action: 'ListProjects', kind: 'api', code: 'InvalidParameter', httpStatus: 400, requestId: 'REQ-7',
      message: 'The parameter "Name" must not contain "/" (canary-secret-77).', serverMessage: 'The parameter "Name" must not contain "/" (canary-secret-77).',
    });
    const text = report(e, 'workspaces');
    assert.equal(text, 'Could not load workspaces: A parameter value is invalid. DataWorks said: The parameter "Name" must not contain "/" (***). (request ID REQ-7)');
    assert.equal(text.match(/REQ-7/g)?.length, 1, 'the request ID once');
    const logged = lines.find((l) => l.includes('code=InvalidParameter'));
    assert.ok(logged?.includes('A parameter value is invalid. DataWorks said: The parameter "Name" must not contain "/" (***).'), logged);
    assert.ok(lines.every((l) => !l.includes('canary-secret-77')));
  });

  it('leaves no 8-character run of a secret in the node text or the log when the server echoes part of it', () => {
    const { lines, report, redactor } = setup();
    const secret = 'cAnArY7secretQ9wXz4Lm2Np8Rt6Vb3Kd1Hf5Jg0';
    redactor.add(secret);
    const text = report(new FakeApiError('InvalidParameter', `bad value near ...${secret.slice(3, 21)}`, 'REQ-43'), 'user groups');
    assertNoSecretRun([text, ...lines], [secret], 'the load error');
    assert.match(text, /bad value near \.\.\.\*\*\*/);
  });

  it('turns the status bar red for a rejected key only', () => {
    const { auth, report } = setup();
    report(new FakeApiError('Forbidden.RAM', 'no'), 'workspaces');
    assert.equal(auth.isRejected('Environment'), false);
    report(new FakeApiError('InvalidAccessKeyId.NotFound', 'no'), 'workspaces');
    assert.equal(auth.isRejected('Environment'), true);
  });

  it('says so for a cancel and for missing credentials, without logging a cancel as an error', () => {
    const { lines, report } = setup();
    assert.equal(report(new UserCancelledError(), 'workspaces'), 'Loading workspaces was cancelled');
    assert.equal(lines.length, 0);
    assert.equal(report(new CredentialsUnavailableError('prod', 'missing'), 'workspaces'), 'The credentials of profile prod are missing');
  });
});

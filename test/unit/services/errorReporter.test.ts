// report(): the one place a failure is logged, redacted and a rejected key marked (commands, tree, forms).
import * as assert from 'node:assert/strict';
import { DataWorksError } from '../../../src/api/errors';
import { AuthState } from '../../../src/services/authState';
import { createErrorReporter } from '../../../src/services/errorReporter';
import type { Locale } from '../../../src/base/errors';
import { CredentialsUnavailableError, UserCancelledError } from '../../../src/util/errors';
import { Logger } from '../../../src/util/log';
import { Redactor } from '../../../src/util/redact';
import { FakeApiError } from '../fakes/fakeDataWorksService';

const SECRET = 'canary-secret-77';

/** An AuthState that also records every markRejected call, to see that a failure marks once. */
class RecordingAuthState extends AuthState {
  readonly marked: string[] = [];
  override markRejected(profileName: string): void {
    this.marked.push(profileName);
    super.markRejected(profileName);
  }
}

function setup(locale: Locale = 'en', activeProfile: () => string | undefined = () => 'prod') {
  const lines: { level: string; text: string }[] = [];
  const sink = (level: string) => (text: string): void => {
    lines.push({ level, text });
  };
  const redactor = new Redactor();
  redactor.add(SECRET);
  const log = new Logger({ trace: sink('trace'), debug: sink('debug'), info: sink('info'), warn: sink('warn'), error: sink('error') }, redactor);
  const auth = new RecordingAuthState();
  const report = createErrorReporter({ log, redactor, auth, locale: () => locale, activeProfile });
  return { lines, auth, report };
}

describe('error reporter', () => {
  it('logs one redacted error line with where, code and request ID; returns the text redacted', () => {
    const { lines, report, auth } = setup();
    const e = new DataWorksError({
      action: 'ListProjects', kind: 'api', code: 'InvalidParameter', httpStatus: 400, requestId: 'REQ-7',
      message: `bad near ${SECRET}`, serverMessage: `bad near ${SECRET}`,
    });
    const failed = report(e, 'dataworks.refresh');
    assert.equal(failed.kind, 'api');
    assert.equal(failed.message, 'A parameter value is invalid. DataWorks said: bad near *** (request ID REQ-7)');
    assert.deepEqual(failed.parts, { message: 'A parameter value is invalid.', serverMessage: 'bad near ***' });
    const errors = lines.filter((l) => l.level === 'error');
    assert.equal(errors.length, 1);
    assert.match(errors[0]?.text ?? '', /^dataworks\.refresh failed: code=InvalidParameter requestId=REQ-7 status=400 /);
    assert.ok(lines.every((l) => !l.text.includes(SECRET)), JSON.stringify(lines));
    assert.deepEqual(auth.marked, []);
  });

  it('marks the active profile rejected once per rejected-key failure, and never for a permission problem', () => {
    const { report, auth } = setup();
    assert.equal(report(new FakeApiError('Forbidden.RAM', 'no', 'R1', 'api', 403), 'load').kind, 'forbidden');
    assert.deepEqual(auth.marked, []);
    assert.equal(report(new FakeApiError('SignatureDoesNotMatch', 'no'), 'load').kind, 'credentials-rejected');
    assert.deepEqual(auth.marked, ['prod']);
    assert.equal(auth.isRejected('prod'), true);
  });

  it('marks the profile the caller names (a form\'s), not the active one', () => {
    const { report, auth } = setup('en', () => 'other');
    report(new FakeApiError('InvalidAccessKeyId.NotFound', 'no'), '[forms] CreateDataServiceGroup', 'prod');
    assert.deepEqual(auth.marked, ['prod']);
  });

  it('without an active profile marks nothing and still logs', () => {
    const { report, auth, lines } = setup('en', () => undefined);
    report(new FakeApiError('InvalidSecurityToken.Expired', 'no'), 'load');
    assert.deepEqual(auth.marked, []);
    assert.equal(lines.filter((l) => l.level === 'error').length, 1);
  });

  it('is silent for a cancel: no line, no mark', () => {
    const { report, auth, lines } = setup();
    assert.equal(report(new UserCancelledError(), 'dataworks.loadAll').kind, 'cancelled');
    assert.equal(report(new FakeApiError('Cancelled', 'cancelled', 'R', 'cancelled'), 'load').kind, 'cancelled');
    assert.deepEqual(lines, []);
    assert.deepEqual(auth.marked, []);
  });

  it('missing credentials: logged with the profile to sign in to, not marked rejected', () => {
    const { report, auth, lines } = setup();
    const failed = report(new CredentialsUnavailableError('prod', 'missing'), 'dataworks.refresh');
    assert.equal(failed.kind, 'credentials-missing');
    assert.equal(failed.profileName, 'prod');
    assert.equal(lines.filter((l) => l.level === 'error').length, 1);
    assert.deepEqual(auth.marked, []);
  });

  it('a thrown non-Error value and a bug: logged, text redacted, in Chinese too', () => {
    const { report, lines } = setup('zh-cn');
    assert.deepEqual(report(`leaked ${SECRET}`, 'x'), { kind: 'bug', message: 'leaked ***' });
    assert.ok(lines.every((l) => !l.text.includes(SECRET)));
    const api = report(new DataWorksError({ action: 'A', kind: 'api', code: 'Forbidden.RAM', httpStatus: 403, message: 'no', serverMessage: 'no' }), 'x');
    assert.equal(api.kind, 'forbidden');
    assert.match(api.message, /^当前 RAM 用户或角色没有此操作的权限。/);
  });
});

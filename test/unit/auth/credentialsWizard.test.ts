import * as assert from 'node:assert/strict';
import type { StepRequest, Verdict, WizardAnswers, WizardStep } from '../../../src/auth/credentialsWizard';
import { runCredentialsWizard } from '../../../src/auth/credentialsWizard';
import { BACK } from '../../../src/util/steps';
import { UserCancelledError } from '../../../src/util/errors';

const ALL: readonly WizardStep[] = ['name', 'region', 'accessKeyId', 'secret', 'token'];

function blank(): WizardAnswers {
  return { name: '', region: 'cn-hangzhou', accessKeyId: '', secret: '', token: '' };
}

/** A scripted user: one answer per prompt, in order; records what each prompt showed. */
const CANCEL = Symbol('cancel');

function script(answers: (string | typeof BACK | typeof CANCEL)[]) {
  const seen: StepRequest[] = [];
  const shownValues: string[] = [];
  const ask = (r: StepRequest, a: Readonly<WizardAnswers>): Promise<string | typeof BACK> => {
    seen.push(r);
    shownValues.push(a[r.step]);
    const next = answers.shift();
    if (next === undefined || next === CANCEL) return Promise.reject(new UserCancelledError());
    return Promise.resolve(next);
  };
  return { ask, seen, shownValues };
}

describe('credentials wizard', () => {
  it('asks every step in order, then verifies once', async () => {
    const a = blank();
    const s = script(['prod', 'cn-shanghai', 'LTAIabcdefgh', 'secret', '']);
    let verified = 0;
    await runCredentialsWizard(ALL, a, s.ask, () => {
      verified++;
      return Promise.resolve({ ok: true });
    });
    assert.deepEqual(s.seen.map((r) => `${r.step} ${r.index}/${r.total}`), ['name 1/5', 'region 2/5', 'accessKeyId 3/5', 'secret 4/5', 'token 5/5']);
    assert.deepEqual(a, { name: 'prod', region: 'cn-shanghai', accessKeyId: 'LTAIabcdefgh', secret: 'secret', token: '' });
    assert.equal(verified, 1);
  });

  it('goes back a step with the back button, keeping the value', async () => {
    const a = blank();
    const s = script(['prod', 'cn-shanghai', BACK, 'cn-beijing', 'LTAIabcdefgh', 'secret', '']);
    await runCredentialsWizard(ALL, a, s.ask, () => Promise.resolve({ ok: true }));
    assert.deepEqual(s.seen.map((r) => r.step), ['name', 'region', 'accessKeyId', 'region', 'accessKeyId', 'secret', 'token']);
    assert.equal(s.shownValues[3], 'cn-shanghai');
    assert.equal(a.region, 'cn-beijing');
  });

  it('puts a rejected AccessKey ID back on its step with the server message, keeping the rest', async () => {
    const a = blank();
    const s = script(['prod', 'cn-shanghai', 'LTAIwrongwrong', 'secret', '', 'LTAIrightright', 'secret', '']);
    const verdicts: Verdict[] = [{ ok: false, step: 'accessKeyId', message: 'Specified access key is not found.' }, { ok: true }];
    await runCredentialsWizard(ALL, a, s.ask, () => Promise.resolve(verdicts.shift() ?? { ok: true }));
    const again = s.seen[5];
    assert.equal(again?.step, 'accessKeyId');
    assert.equal(again?.error, 'Specified access key is not found.');
    assert.equal(s.shownValues[5], 'LTAIwrongwrong', 'what was typed is shown again');
    assert.equal(s.seen[6]?.error, undefined, 'the error is only on the step it concerns');
    assert.equal(a.accessKeyId, 'LTAIrightright');
    assert.equal(a.name, 'prod');
  });

  it('puts a signature mismatch on the secret step', async () => {
    const a = blank();
    const s = script(['prod', 'cn-shanghai', 'LTAIabcdefgh', 'wrong', '', 'right', '']);
    const verdicts: Verdict[] = [{ ok: false, step: 'secret', message: 'The signature does not match.' }, { ok: true }];
    await runCredentialsWizard(ALL, a, s.ask, () => Promise.resolve(verdicts.shift() ?? { ok: true }));
    assert.equal(s.seen[5]?.step, 'secret');
    assert.equal(s.seen[5]?.error, 'The signature does not match.');
    assert.equal(a.secret, 'right');
  });

  it('leaves the answers typed so far in place when cancelled (the caller keeps the non-secret ones)', async () => {
    const a = blank();
    const s = script(['prod', 'cn-shanghai', 'LTAIabcdefgh', CANCEL]);
    await assert.rejects(runCredentialsWizard(ALL, a, s.ask, () => Promise.resolve({ ok: true })), UserCancelledError);
    assert.deepEqual([a.name, a.region, a.accessKeyId], ['prod', 'cn-shanghai', 'LTAIabcdefgh']);
  });

  it('signs in again with the credential steps only', async () => {
    const a = { ...blank(), name: 'prod', region: 'cn-shanghai' };
    const s = script(['LTAIabcdefgh', 'secret', 'token-1']);
    await runCredentialsWizard(['accessKeyId', 'secret', 'token'], a, s.ask, () => Promise.resolve({ ok: true }));
    assert.deepEqual(s.seen.map((r) => r.index), [1, 2, 3]);
    assert.equal(a.token, 'token-1');
  });
});

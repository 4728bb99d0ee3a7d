import assert from 'node:assert/strict';
import { BusinessProcessController, type BpTexts } from '../../../src/forms/businessProcess';
import type { BpToWebview } from '../../../src/shared/protocol';
import type { RawBusinessProcess } from '../../../src/shared/schemas';
import { FakeDataWorksService, businessProcess, workspace } from '../fakes/fakeDataWorksService';
import { TestDataWorksError, deferred, fakeForm, settle } from '../fakes/fakeFormEnv';

const texts: BpTexts = {
  created: (name, id) => `created ${name} ${id}`,
  createFailed: (name, line) => `failed ${name}: ${line}`,
};
const values: RawBusinessProcess = { projectId: '1', apiGatewayGroupId: 'g1', name: 'orders', description: '' };

function setup(draft?: RawBusinessProcess) {
  const service = new FakeDataWorksService();
  service.workspaces = [workspace(1), workspace(2)];
  const form = fakeForm<BpToWebview, RawBusinessProcess, BpTexts>(service, texts, draft ? { draft } : {});
  const ctl = new BusinessProcessController(form.env, { region: service.region, projectId: 1 });
  ctl.start();
  return { service, form, ctl };
}

describe('forms: business process controller', () => {
  it('starts from the target, the stored draft and the edit phase', () => {
    const { ctl } = setup({ ...values, name: 'draft' });
    const init = ctl.init();
    assert.equal(init.prefill.projectId, '1');
    assert.equal(init.draft?.name, 'draft');
    assert.deepEqual(init.restore, { profile: 'p', region: 'cn-shanghai', projectId: 1 });
    assert.equal(init.phase, 'edit');
  });

  it('answers lookups by their seq, in whatever order they finish', async () => {
    const { service, form, ctl } = setup();
    const slow = deferred();
    service.gates.set('listWorkspaces', slow.promise);
    const first = ctl.handle({ type: 'loadWorkspaces', seq: 5, refresh: false });
    const second = ctl.handle({ type: 'loadApiGatewayGroups', seq: 6, refresh: false });
    await second;
    assert.deepEqual(form.rec.posts.map((p) => 'seq' in p && p.seq), [6]);
    slow.release();
    await first;
    assert.deepEqual(form.rec.posts.map((p) => [p.type, 'seq' in p && p.seq]), [['apiGatewayGroups', 6], ['workspaces', 5]]);
    assert.deepEqual(form.of('workspaces')[0]?.items.map((w) => w.id), [1, 2]);
  });

  it('shares a lookup until a refresh, and keeps no failed one', async () => {
    const { service, form, ctl } = setup();
    await ctl.handle({ type: 'loadWorkspaces', seq: 1, refresh: false });
    await ctl.handle({ type: 'loadWorkspaces', seq: 2, refresh: false });
    assert.equal(service.count('listWorkspaces'), 1);
    service.fail.set('listWorkspaces', new TestDataWorksError('Throttling', 'slow down'));
    await ctl.handle({ type: 'loadWorkspaces', seq: 3, refresh: true });
    service.fail.delete('listWorkspaces');
    await ctl.handle({ type: 'loadWorkspaces', seq: 4, refresh: false });
    assert.equal(service.count('listWorkspaces'), 3);
    assert.deepEqual(form.rec.posts.map((p) => [p.type, 'seq' in p && p.seq]), [['workspaces', 1], ['workspaces', 2], ['lookupFailed', 3], ['workspaces', 4]]);
  });

  it('a failed lookup tells the page which one, with the line, the code and whether it is a permission problem', async () => {
    const { service, form, ctl } = setup();
    service.fail.set('listApiGatewayGroups', new TestDataWorksError('Forbidden.RAM', 'not allowed', { httpStatus: 403 }));
    await ctl.handle({ type: 'loadApiGatewayGroups', seq: 9, refresh: false });
    assert.deepEqual(form.of('lookupFailed'), [{
      type: 'lookupFailed', seq: 9, lookup: 'apiGatewayGroups', message: 'not allowed [Forbidden.RAM] (request ID REQ-E)', code: 'Forbidden.RAM', forbidden: true,
    }]);
  });

  it('a cancelled lookup says nothing', async () => {
    const { service, form, ctl } = setup();
    service.fail.set('listApiGatewayGroups', new TestDataWorksError('Cancelled', 'cancelled', { kind: 'cancelled' }));
    await ctl.handle({ type: 'loadApiGatewayGroups', seq: 9, refresh: false });
    assert.deepEqual(form.rec.posts, []);
  });

  it('name check: the verdict under its seq; a failure is a lookupFailed of the name check', async () => {
    const { service, form, ctl } = setup();
    service.businessProcesses.set(1, [{ ...businessProcess(1, 1), name: 'orders' }]);
    await ctl.handle({ type: 'checkName', seq: 3, projectId: '1', name: ' orders ' });
    assert.deepEqual(form.of('nameCheck'), [{ type: 'nameCheck', seq: 3, name: ' orders ', taken: true }]);
    service.fail.set('listBusinessProcesses', new TestDataWorksError('Throttling', 'slow'));
    await ctl.handle({ type: 'checkName', seq: 4, projectId: '2', name: 'x' });
    assert.equal(form.of('lookupFailed')[0]?.lookup, 'nameCheck');
    assert.equal(form.of('lookupFailed')[0]?.seq, 4);
    // No workspace or no name: nothing to ask.
    await ctl.handle({ type: 'checkName', seq: 5, projectId: 'x', name: 'y' });
    await ctl.handle({ type: 'checkName', seq: 6, projectId: '1', name: '  ' });
    assert.equal(form.rec.posts.length, 2);
  });

  it('review: rules first, then the name; a failed name check does not stop the review', async () => {
    const { service, form, ctl } = setup();
    await ctl.handle({ type: 'review', values: { ...values, name: '' } });
    assert.equal(form.of('fieldErrors')[0]?.errors[0]?.path, 'name');
    service.businessProcesses.set(1, [{ ...businessProcess(1, 1), name: 'orders' }]);
    await ctl.handle({ type: 'review', values });
    assert.deepEqual(form.of('fieldErrors')[1]?.errors, [{ path: 'name', code: 'nameTaken' }]);
    service.fail.set('listBusinessProcesses', new TestDataWorksError('Throttling', 'slow'));
    await ctl.handle({ type: 'review', values: { ...values, name: 'fresh' } });
    const review = form.of('review')[0];
    assert.equal(review?.request.action, 'CreateDataServiceGroup');
    assert.match(review?.cli ?? '', /^aliyun dataworks-public CreateDataServiceGroup/);
    assert.ok(form.rec.logs.some((l) => l.includes('name check failed: Throttling')));
    await ctl.handle({ type: 'copyCli' });
    assert.deepEqual(form.rec.copies, [{ text: review?.cli, announce: false }]);
  });

  it('submit: one write, the result, the draft cleared, the tree told; Copy ID and Reveal act on that result only', async () => {
    const { service, form, ctl } = setup(values);
    await ctl.handle({ type: 'copyId' });
    await ctl.handle({ type: 'revealInTree' });
    assert.deepEqual([form.rec.copies, form.rec.reveals], [[], []]);
    await ctl.handle({ type: 'submit', values });
    assert.equal(service.count('createBusinessProcess'), 1);
    assert.deepEqual(form.rec.posts.map((p) => p.type), ['submitting', 'result']);
    assert.deepEqual(form.of('result')[0]?.result, { outcome: 'success', groupId: 'ds_new', requestId: 'REQ-C', recovered: false });
    assert.equal(form.rec.draftCleared, 1);
    assert.deepEqual(form.rec.writes, [{ kind: 'businessProcessCreated', region: 'cn-shanghai', projectId: 1, groupId: 'ds_new' }]);
    assert.deepEqual(form.rec.notices, []);
    // A new page of this form shows the result.
    assert.equal(ctl.init().phase, 'result');
    await ctl.handle({ type: 'copyId' });
    await ctl.handle({ type: 'revealInTree' });
    assert.deepEqual(form.rec.copies, [{ text: 'ds_new', announce: true }]);
    assert.deepEqual(form.rec.reveals, [{ kind: 'businessProcess', region: 'cn-shanghai', projectId: 1, groupId: 'ds_new' }]);
    // No second create until the user starts over.
    await ctl.handle({ type: 'submit', values });
    assert.equal(service.count('createBusinessProcess'), 1);
    await ctl.handle({ type: 'reset' });
    await ctl.handle({ type: 'submit', values: { ...values, name: 'second' } });
    assert.equal(service.count('createBusinessProcess'), 2);
  });

  it('one submission at a time', async () => {
    const { service, form, ctl } = setup();
    const hold = deferred();
    service.gates.set('createBusinessProcess', hold.promise);
    const first = ctl.handle({ type: 'submit', values });
    await settle();
    await ctl.handle({ type: 'submit', values });
    await ctl.handle({ type: 'reset' });
    await ctl.handle({ type: 'review', values });
    hold.release();
    await first;
    assert.equal(service.count('createBusinessProcess'), 1);
    assert.deepEqual(form.rec.posts.map((p) => p.type), ['submitting', 'result']);
  });

  it('the name is asked again before a write even right after a check (verdicts are dropped by every write)', async () => {
    const { service, ctl } = setup();
    await ctl.handle({ type: 'checkName', seq: 1, projectId: '1', name: 'orders' });
    await ctl.handle({ type: 'submit', values });
    assert.equal(service.count('listBusinessProcesses'), 1, 'the fresh verdict served the submit');
    await ctl.handle({ type: 'reset' });
    await ctl.handle({ type: 'submit', values });
    assert.equal(service.count('listBusinessProcesses'), 2);
  });

  for (const verdict of ['created', 'not-created', 'unknown'] as const) {
    it(`an ambiguous create (${verdict}) shows the verdict as a warning and is never resent`, async () => {
      const { service, form, ctl } = setup();
      service.fail.set('createBusinessProcess', new TestDataWorksError('ServiceUnavailable', 'timed out', { createVerdict: verdict }));
      await ctl.handle({ type: 'submit', values });
      await settle();
      assert.equal(service.count('createBusinessProcess'), 1);
      const result = form.of('result')[0]?.result;
      assert.equal(result?.outcome, 'ambiguous');
      assert.ok(result?.outcome === 'ambiguous' && result.verdict === verdict && result.banner.severity === 'warning');
      // The form stays on the outcome: submitting again does nothing until the user starts over.
      await ctl.handle({ type: 'submit', values });
      assert.equal(service.count('createBusinessProcess'), 1);
      assert.equal(ctl.init().phase, 'result');
    });
  }

  it('a failed create puts the error on the form (and on its field) and back in edit; the result passes the redactor', async () => {
    const { service, form, ctl } = setup(values);
    service.fail.set('createBusinessProcess', new TestDataWorksError('InvalidName', 'bad name SECRET', { field: 'groupName' }));
    await ctl.handle({ type: 'submit', values });
    const result = form.of('result')[0]?.result;
    assert.ok(result?.outcome === 'error');
    assert.equal(result.banner.message, 'bad name ***');
    assert.deepEqual(result.errors.map((e) => e.path), ['name']);
    assert.equal(form.rec.draftCleared, 0);
    assert.equal(ctl.init().phase, 'edit');
    service.fail.delete('createBusinessProcess');
    await ctl.handle({ type: 'submit', values });
    assert.equal(service.count('createBusinessProcess'), 2);
  });

  it('a panel closed during the write: the outcome as a notification', async () => {
    for (const fails of [false, true]) {
      const { service, form, ctl } = setup();
      const hold = deferred();
      service.gates.set('createBusinessProcess', hold.promise);
      if (fails) service.fail.set('createBusinessProcess', new TestDataWorksError('InternalError', 'boom'));
      const submitting = ctl.handle({ type: 'submit', values });
      await settle();
      form.close();
      hold.release();
      await submitting;
      assert.deepEqual(form.rec.notices, [fails
        ? { severity: 'warning', text: 'failed orders: boom [InternalError] (request ID REQ-E)' }
        : { severity: 'info', text: 'created orders ds_new' }]);
    }
  });

  it('a write cancelled while the panel is open shows nothing and lets the user submit again', async () => {
    const { service, form, ctl } = setup();
    service.fail.set('createBusinessProcess', new TestDataWorksError('Cancelled', 'x', { kind: 'cancelled' }));
    await ctl.handle({ type: 'submit', values });
    assert.deepEqual(form.rec.posts.map((p) => p.type), ['submitting']);
  });
});

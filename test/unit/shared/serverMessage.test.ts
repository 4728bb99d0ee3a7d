// A server error as the forms get it: the banner and the field error carry our text and, apart, what DataWorks said,
// and the page's protocol accepts exactly that (bounded). The page sets both as text (test/e2e/forms.test.ts sees it).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DataWorksError } from '../../../src/api';
import {
  bannerSchema, bpToWebviewSchema, MAX_SERVER_MESSAGE, parseMessage, ugToWebviewSchema, wireFieldErrorSchema, type BpToWebview,
  type UgToWebview,
} from '../../../src/shared/protocol';
import { classify } from '../../../src/base/errors';
import { apiErrorBanner, serverFieldError, serverFieldErrors } from '../../../src/shared/serverErrors';
import { Redactor } from '../../../src/util/redact';

const root = path.resolve(__dirname, '../../..');
const SLASH = 'The specified parameter "Name" is not valid: it must not contain "/".';
const roundTrip = (schema: Parameters<typeof parseMessage>[0], msg: unknown): unknown => parseMessage(schema, JSON.parse(JSON.stringify(msg)));

/** The emulator's answer to a business process named "a/b": what the new user saw as "A parameter value is invalid." */
function slashError(serverMessage = SLASH): DataWorksError {
  return new DataWorksError({
    action: 'CreateDataServiceGroup', kind: 'api', code: 'InvalidParameter', httpStatus: 400, requestId: 'REQ-S1',
    message: serverMessage, serverMessage,
  });
}

const redactor = new Redactor();
redactor.add('registered-secret-0042');
const redact = (text: string): string => redactor.redact(text);

describe('forms: a server error shows our text and what DataWorks said', () => {
  it('Create Business Process: the banner and the name field carry both, in English, and the page accepts them', () => {
    const e = slashError();
    assert.equal(e.field, 'name', 'the server names the parameter; the error lands on the name field');
    const banner = apiErrorBanner(classify(e, 'en'), redact);
    assert.deepEqual(banner, {
      severity: 'error', message: 'A parameter value is invalid.', serverMessage: SLASH, code: 'InvalidParameter', requestId: 'REQ-S1',
    });
    const msg: BpToWebview = { type: 'result', result: { outcome: 'error', banner, errors: [serverFieldError('name', banner)] } };
    assert.deepEqual(roundTrip(bpToWebviewSchema, msg), msg);
    assert.deepEqual(msg.result.outcome === 'error' && msg.result.errors, [{ path: 'name', text: 'A parameter value is invalid.', serverMessage: SLASH }]);
  });

  it('in Chinese: our text is Chinese, the server message is as DataWorks sent it', () => {
    const banner = apiErrorBanner(classify(slashError(), 'zh-cn'), redact);
    assert.equal(banner.message, '参数值无效。');
    assert.equal(banner.serverMessage, SLASH);
    assert.deepEqual(serverFieldError('name', banner), { path: 'name', text: '参数值无效。', serverMessage: SLASH });
  });

  it('Add User Groups: the owner field of the row gets both, and the page accepts them', () => {
    const e = new DataWorksError({
      action: 'DsgUserGroupAddOrUpdate', kind: 'api', code: 'USERACCOUNT.OWNER.ERROR', httpStatus: 400, requestId: 'REQ-U1',
      message: 'User list or owner user does not exist.', serverMessage: 'User list or owner user does not exist.',
    });
    const banner = apiErrorBanner(classify(e, 'en'), redact);
    const raw = { rows: [{ name: 'g', owner: 'nobody', type: '1', projectName: '', accounts: ['user:carol'] }] };
    const errors = serverFieldErrors(e.field ?? '', e.message, raw, banner);
    assert.deepEqual(errors, [{
      path: 'groups.0.owner',
      text: 'The owner or one of the accounts does not exist. Pick them from the list of tenant users.',
      serverMessage: 'User list or owner user does not exist.',
    }]);
    const msg: UgToWebview = { type: 'result', result: { outcome: 'error', banner, errors } };
    assert.deepEqual(roundTrip(ugToWebviewSchema, msg), msg);
  });

  it('an unknown code: the server message is the main text (after our prefix) and there is no second line', () => {
    const e = new DataWorksError({ action: 'A', kind: 'api', code: '1029030003', message: 'param error', serverMessage: 'param error', requestId: 'R' });
    const banner = apiErrorBanner(classify(e, 'en'), redact);
    assert.deepEqual(banner, { severity: 'error', message: 'DataWorks rejected the request. param error', code: '1029030003', requestId: 'R' });
    assert.deepEqual(serverFieldError('name', banner), { path: 'name', text: banner.message });
  });

  it('the server message passes the redactor: registered secrets and credential-shaped text are gone', () => {
    const banner = apiErrorBanner(classify(slashError(`Name bad; key LTAI5tAbCdEfGhIjKlMn used, registered-secret-0042 echoed`), 'en'), redact);
    assert.equal(banner.serverMessage, 'Name bad; key LTAI*** used, *** echoed');
  });

  it('the protocol bounds the server message and takes it only as a string', () => {
    const base = { severity: 'error', message: 'm' };
    assert.ok(parseMessage(bannerSchema, { ...base, serverMessage: 'x'.repeat(MAX_SERVER_MESSAGE) }));
    assert.equal(parseMessage(bannerSchema, { ...base, serverMessage: 'x'.repeat(MAX_SERVER_MESSAGE + 1) }), undefined);
    assert.equal(parseMessage(bannerSchema, { ...base, serverMessage: { html: '<b>x</b>' } }), undefined);
    assert.equal(parseMessage(wireFieldErrorSchema, { path: 'name', text: 't', serverMessage: 'x'.repeat(MAX_SERVER_MESSAGE + 1) }), undefined);
    // The banner cuts a longer one to what the page accepts instead of having the whole message dropped.
    const long = apiErrorBanner(classify(slashError('y'.repeat(5000)), 'en'), (t) => t);
    assert.ok(parseMessage(bannerSchema, long));
  });

  it('the page labels it from the strings the host sends, in both languages, and sets it as text', () => {
    const kit = fs.readFileSync(path.join(root, 'media/forms/formKit.ts'), 'utf8');
    assert.match(kit, /t\('common\.serverSaid', serverMessage\)/);
    assert.match(kit, /el\('p', \{ className: 'server-message', text: serverSaid\(banner\.serverMessage\) \}\)/);
    assert.match(kit, /el\('span', \{ className: 'server-message', text: serverSaid\(serverMessage\) \}\)/);
    const zh = JSON.parse(fs.readFileSync(path.join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    assert.equal(zh['DataWorks said: {0}'], 'DataWorks 返回：{0}');
    assert.match(fs.readFileSync(path.join(root, 'src/webview/strings.ts'), 'utf8'), /'common\.serverSaid': t\('DataWorks said: \{0\}'\)/);
  });
});

import * as assert from 'node:assert/strict';
import { harness, ok, rejection } from './fakes';
import { DataWorksError } from '../../../src/api';

/** An item as the Go SDK's ListDataServiceApisResponseBodyDataApis models it (a wizard-mode API). */
const item = {
  ApiId: 10002, ApiMode: 0, ApiName: 'My API name', ApiPath: '/test/1', CreatedTime: '2020-06-23T00:21:01+0800',
  CreatorId: '1234567', Description: 'Test API description', FolderId: 0, GroupId: 'abcde123456789',
  ModifiedTime: '2020-06-23T00:21:02+0800', OperatorId: '2345678', ProjectId: 10000, Protocols: [0], RequestMethod: 0,
  ResponseContentType: 0, Status: 1, TenantId: 10000, Timeout: 10000, VisibleRange: 0,
  WizardDetails: { IsPagedResponse: true, WizardConnection: { ConnectionId: 1, TableName: 't' }, WizardRequestParameters: [], WizardResponseParameters: [] },
};
const body = (apis: unknown[], total = apis.length): unknown => ({
  RequestId: 'R1', Success: true, HttpStatusCode: 200, Data: { PageNumber: 1, PageSize: 100, TotalCount: total, Apis: apis },
});

describe('api: ListDataServiceApis', () => {
  it('sends the SDK request (POST, form body, PageSize clamped to 100) and maps the items', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(body([item, { ...item, ApiId: 10003, Status: 0, ApiMode: 2 }], 7)));
    const page = await svc.listDataServiceApis({ projectId: 10000, pageNumber: 1, pageSize: 500 });
    const req = fake.requests[0];
    assert.ok(req);
    assert.deepEqual([req.action, req.method, req.query, req.body], [
      'ListDataServiceApis', 'POST', {}, { PageNumber: '1', PageSize: '100', ProjectId: '10000' },
    ]);
    assert.deepEqual(page, {
      pageNumber: 1, pageSize: 100, totalCount: 7,
      items: [
        {
          id: '10002', name: 'My API name', path: '/test/1', groupId: 'abcde123456789', projectId: 10000, published: true,
          mode: 0, description: 'Test API description', creatorId: '1234567', createdTime: '2020-06-23T00:21:01+0800',
          modifiedTime: '2020-06-23T00:21:02+0800',
        },
        {
          id: '10003', name: 'My API name', path: '/test/1', groupId: 'abcde123456789', projectId: 10000, published: false,
          mode: 2, description: 'Test API description', creatorId: '1234567', createdTime: '2020-06-23T00:21:01+0800',
          modifiedTime: '2020-06-23T00:21:02+0800',
        },
      ],
    });
  });

  it('is lenient where the SDK model is: only ApiId and GroupId are required', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(body([
      { ApiId: '9007199254740993', GroupId: 'g1', ApiPath: '/only/path' },
      { ApiId: 5, GroupId: 'g2', Status: '1' },
      { ApiId: 6, GroupId: 'g2', Status: 2 },
    ])), ok({ RequestId: 'R2', Data: { PageNumber: 1, PageSize: 10, TotalCount: 0 } }));
    const page = await svc.listDataServiceApis({ projectId: 42, pageNumber: 1, pageSize: 10 });
    assert.deepEqual(page.items.map((a) => [a.id, a.name, a.path, a.projectId, a.published, a.mode]), [
      ['9007199254740993', '/only/path', '/only/path', 42, false, undefined],
      ['5', '5', '', 42, true, undefined],
      ['6', '6', '', 42, false, undefined],
    ]);
    assert.deepEqual((await svc.listDataServiceApis({ projectId: 42, pageNumber: 1, pageSize: 10 })).items, []);
  });

  it('an item without a GroupId, or no Data, is an unexpected response with the request ID', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(body([{ ApiId: 1, ApiName: 'x' }])), ok({ RequestId: 'R3' }));
    for (const id of ['R1', 'R3']) {
      const e = await rejection(svc.listDataServiceApis({ projectId: 1, pageNumber: 1, pageSize: 10 }));
      assert.ok(e instanceof DataWorksError);
      assert.equal(e.requestId, id);
      assert.equal(e.kind, 'unexpected-response');
    }
  });

  it('a body with Success:false is that error, not an empty list', async () => {
    const { svc, fake } = harness();
    fake.reply(ok({ RequestId: 'R4', Success: false, ErrorCode: 'Invalid.Tenant.ConnectionNotExists', ErrorMessage: 'The connection does not exist.', HttpStatusCode: 400 }));
    const e = await rejection(svc.listDataServiceApis({ projectId: 1, pageNumber: 1, pageSize: 10 }));
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.code, 'Invalid.Tenant.ConnectionNotExists');
    assert.equal(e.requestId, 'R4');
  });

  it('checks the workspace ID and paging before sending anything', async () => {
    const { svc, fake } = harness();
    for (const req of [{ projectId: 0, pageNumber: 1, pageSize: 10 }, { projectId: 1.5, pageNumber: 1, pageSize: 10 }, { projectId: 1, pageNumber: 0, pageSize: 10 }]) {
      const e = await rejection(svc.listDataServiceApis(req));
      assert.ok(e instanceof DataWorksError);
      assert.equal(e.code, 'InvalidParameter');
    }
    assert.equal(fake.requests.length, 0);
  });
});

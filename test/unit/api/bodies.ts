// Minimal valid response bodies, shaped like the documented ones.

export const listProjects = {
  RequestId: 'REQ-LP',
  PageResult: {
    PageNumber: 1, PageSize: 10, TotalCount: 1,
    ProjectList: [{
      ProjectId: 10001, ProjectIdentifier: 'sales_dw', ProjectName: 'Sales', ProjectDescription: 'd',
      ProjectStatus: 0, ProjectStatusCode: 'AVAILABLE', ProjectOwnerBaseId: '1822', ResourceManagerResourceGroupId: 'rg-1',
      IsDefault: 1, DisableDevelopment: false, Tags: [{ Key: 'env', Value: 'prod' }],
    }],
  },
};

export const getProject = {
  RequestId: 'REQ-GP', Success: true, HttpStatusCode: 200,
  Data: {
    ProjectId: 10001, ProjectIdentifier: 'sales_dw', ProjectName: 'Sales', ProjectDescription: 'd', Status: 7,
    ProjectMode: 3, ProjectOwnerBaseId: '1822', TenantId: 2807, EnvTypes: ['DEV', 'PROD'], GmtCreate: 'Oct 10, 2019 3:42:53 PM',
    GmtModified: 'Oct 11, 2019 3:42:53 PM', IsDefault: 0, ResourceManagerResourceGroupId: 'rg-1', Tags: [],
  },
};

export const dsGroup = {
  GroupId: 'ds_123abc', GroupName: 'Orders', Description: 'desc', ApiGatewayGroupId: 'gw1', ProjectId: 10001,
  TenantId: 3, CreatorId: '10001', CreatedTime: '2020-09-24T18:37:51+0800', ModifiedTime: '2020-09-24T18:37:51+0800',
};

export function listDsGroups(groups: unknown[] = [dsGroup], total = groups.length): unknown {
  return { RequestId: 'REQ-LDG', GroupPagingResult: { PageNumber: 1, PageSize: 100, TotalCount: total, Groups: groups } };
}

export const getDsGroup = { RequestId: 'REQ-GDG', Group: dsGroup };

export const createDsGroup = { RequestId: 'REQ-CDG', GroupId: 'ds_new1' };

export const userGroup = {
  Id: 123, Name: 'yun_group', Owner: 'user1', Accounts: ['user:user1'], GmtCreate: '2024-05-10 17:14:44',
  GmtModified: '2024-05-10 17:14:45',
};

export function queryList(items: unknown[] = [userGroup], total = items.length): unknown {
  return { RequestId: 'REQ-QL', Success: true, PageData: { PageNumber: 1, PageSize: 100, TotalCount: total, Data: items } };
}

export const userList = {
  RequestId: 'REQ-UL', Success: true,
  Data: [{ AccountName: 'user1', AccountType: 1, BaseId: '2001', ParentAccountId: '1001', YunAccount: 'user:user1' }],
};

export const roles = { RequestId: 'REQ-R', Success: true, Data: ['role_a', 'role_b'] };

export const dsgWriteOk = { RequestId: 'REQ-W', Success: true, Data: true };

export const apiGroups = {
  RequestId: 'REQ-AG', PageNumber: 1, PageSize: 50, TotalCount: 1,
  ApiGroupAttributes: {
    ApiGroupAttribute: [{
      GroupId: 'be6d2abc', GroupName: 'Traffic', Description: 'TrafficInfo', RegionId: 'cn-shanghai', BasePath: '/v2/',
      InstanceId: 'apigateway-cn-1', InstanceType: 'VPC_SHARED', SubDomain: 'be6d-cn-shanghai.alicloudapi.com',
      ModifiedTime: '2016-08-01T08:45:15Z', CreatedTime: '2016-08-01T08:45:15Z', TrafficLimit: 500,
      Tags: { TagInfo: [] },
    }],
  },
};

// The emulator's data model. Internal camelCase records; the actions translate them to the PascalCase wire shapes.
// Times are stored as ISO-8601 UTC strings and formatted per action, because every action uses a different format.

export type SeedName = 'demo' | 'empty' | 'large';

/** DataWorks editions, lowest first. "Ultimate" is the Flagship edition. */
export const EDITIONS = ['Basic', 'Standard', 'Professional', 'Enterprise', 'Ultimate'] as const;
export type Edition = (typeof EDITIONS)[number];
export const editionRank = (e: Edition): number => EDITIONS.indexOf(e);

export interface Tag {
  Key: string;
  Value: string;
}

export interface WorkspaceRecord {
  projectId: number;
  /** ProjectIdentifier, the unique name. */
  identifier: string;
  /** ProjectName, the display name. */
  name: string;
  description: string;
  /** 0 AVAILABLE, 1 DELETED, 2 INITIALIZING, 3 INIT_FAILED, 4 FORBIDDEN, 5 DELETING, 6 DEL_FAILED, 7 FROZEN, 8 UPDATING, 9 UPDATE_FAILED */
  status: number;
  ownerBaseId: string;
  resourceGroupId: string;
  isDefault: number;
  /** 2 basic, 3 standard. */
  mode: 2 | 3;
  tags: Tag[];
  /** MaxCompute project bound to the workspace, if any (the type-3 user group ProjectName). */
  maxComputeProject: string;
  createdAt: string;
  modifiedAt: string;
}

export interface BusinessProcessRecord {
  groupId: string;
  groupName: string;
  description: string;
  apiGatewayGroupId: string;
  projectId: number;
  creatorId: string;
  createdAt: string;
  modifiedAt: string;
}

/** A DataService Studio API in development (ListDataServiceApis item). */
export interface DataServiceApiRecord {
  apiId: number;
  apiName: string;
  apiPath: string;
  /** 0 wizard, 1 script, 2 registration. */
  apiMode: 0 | 1 | 2;
  /** The business process (DataService Studio group) it belongs to. */
  groupId: string;
  projectId: number;
  folderId: number;
  description: string;
  /** 0 not published, 1 published. */
  status: 0 | 1;
  /** 0 GET, 1 POST, 2 PUT, 3 DELETE. */
  requestMethod: 0 | 1 | 2 | 3;
  /** 0 JSON, 1 XML. */
  responseContentType: 0 | 1;
  protocols: number[];
  timeoutMs: number;
  /** 0 the workspace, 1 the owner only. */
  visibleRange: 0 | 1;
  creatorId: string;
  operatorId: string;
  createdAt: string;
  modifiedAt: string;
}

export interface ApiGatewayGroupRecord {
  groupId: string;
  groupName: string;
  description: string;
  basePath: string;
  instanceId: string;
  instanceType: string;
  httpsPolicy: string;
  trafficLimit: number;
  billingStatus: 'NORMAL' | 'LOCKED';
  illegalStatus: 'NORMAL' | 'LOCKED';
  tags: Tag[];
  createdAt: string;
  modifiedAt: string;
}

export interface RegionData {
  workspaces: WorkspaceRecord[];
  businessProcesses: BusinessProcessRecord[];
  apiGatewayGroups: ApiGatewayGroupRecord[];
  /** Optional so that state files written before it existed still load. */
  dataServiceApis?: DataServiceApiRecord[];
}

export interface TenantUserRecord {
  accountName: string;
  /** 1..5 Alibaba Cloud account / RAM user, 6 RAM role. */
  accountType: number;
  baseId: string;
  parentAccountId: string;
  /** What UserGroups[].Accounts carries for types 1 and 2, e.g. `user:alice`. */
  yunAccount: string;
}

export type UserGroupType = 1 | 2 | 3;

export interface UserGroupRecord {
  id: number;
  name: string;
  owner: string;
  type: UserGroupType;
  accounts: string[];
  /** MaxCompute project; '' for types 1 and 2. */
  projectName: string;
  createdAt: string;
  modifiedAt: string;
}

export interface EmulatorData {
  schemaVersion: 1;
  seed: SeedName;
  edition: Edition;
  tenantId: number;
  /** UID of the Alibaba Cloud account that owns the tenant. */
  ownerUid: string;
  /** DataWorks and API Gateway data per region id. */
  regions: Record<string, RegionData>;
  tenantUsers: TenantUserRecord[];
  /** MaxCompute project name → role names (DsgUserGroupGetOdpsRoleGroups). */
  maxComputeRoles: Record<string, string[]>;
  userGroups: UserGroupRecord[];
  nextUserGroupId: number;
}

export const emptyRegion = (): RegionData => ({ workspaces: [], businessProcesses: [], apiGatewayGroups: [], dataServiceApis: [] });

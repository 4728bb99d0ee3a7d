// Domain types of the DataWorks API layer. Plain data: safe to send to a webview, to cache and to log.

/** One page of a paged list. `pageNumber` starts at 1. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly pageNumber: number;
  readonly pageSize: number;
  readonly totalCount: number;
}

/** ProjectStatus codes of ListProjects / GetProject. */
export type WorkspaceStatus =
  | 'AVAILABLE' | 'DELETED' | 'INITIALIZING' | 'INIT_FAILED' | 'FORBIDDEN'
  | 'DELETING' | 'DEL_FAILED' | 'FROZEN' | 'UPDATING' | 'UPDATE_FAILED' | 'UNKNOWN';

/** A DataWorks workspace (ListProjects item). */
export interface Workspace {
  readonly id: number;
  /** The unique identifier (ProjectIdentifier), e.g. `sales_dw`. */
  readonly identifier: string;
  /** The display name (ProjectName). */
  readonly name: string;
  readonly description: string;
  readonly status: WorkspaceStatus;
  readonly ownerBaseId: string;
  readonly resourceGroupId: string;
  readonly isDefault: boolean;
  readonly tags: readonly { readonly key: string; readonly value: string }[];
}

/** GetProject adds these to a workspace. */
export interface WorkspaceDetails extends Workspace {
  readonly tenantId?: number;
  /** 2 basic (one environment), 3 standard (DEV and PROD). */
  readonly mode?: number;
  readonly envTypes: readonly string[];
  readonly createdTime?: string;
  readonly modifiedTime?: string;
}

/** A DataService Studio business process (ListDataServiceGroups item). IDs look like `ds_123abc`. */
export interface BusinessProcess {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly apiGatewayGroupId: string;
  readonly projectId: number;
  readonly creatorId: string;
  readonly createdTime: string;
  readonly modifiedTime: string;
}

/**
 * A DataService Studio API in development (ListDataServiceApis item). The list has no business-process filter, so
 * `groupId` is how the tree puts it under its business process.
 */
export interface DataServiceApi {
  /** ApiId, an int64 in the SDK: kept as text so that no digit is lost in a copy or a URL. */
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly groupId: string;
  readonly projectId: number;
  /** Status 1. Anything else (0, or no status) reads as not published. */
  readonly published: boolean;
  /** 0 wizard, 1 script, 2 registration; undefined when the service did not say. */
  readonly mode?: number;
  readonly description: string;
  readonly creatorId: string;
  readonly createdTime: string;
  readonly modifiedTime: string;
}

/** 1 Alibaba Cloud account, 2 RAM role, 3 MaxCompute role. */
export type UserGroupType = 1 | 2 | 3;

/** A Data Security Guard user group (DsgUserGroupQueryList item). */
export interface UserGroup {
  readonly id: number;
  readonly name: string;
  readonly owner: string;
  readonly accounts: readonly string[];
  /** Not in the documented list response; present when the service sends it. */
  readonly type?: UserGroupType;
  /** MaxCompute project of a type-3 group, when the service sends it. */
  readonly projectName?: string;
  readonly createdTime: string;
  readonly modifiedTime: string;
}

/** A user or RAM role of the tenant (DsgUserGroupQueryUserList item): the owner and account picker source. */
export interface TenantUser {
  readonly accountName: string;
  /** 1..5 Alibaba Cloud account, 6 RAM role. */
  readonly accountType: number;
  readonly baseId: string;
  readonly parentAccountId: string;
  /** The value to send in UserGroups[].Accounts for types 1 and 2, e.g. `user:user1`. */
  readonly yunAccount: string;
}

/** An API Gateway group (CloudAPI DescribeApiGroups item). */
export interface ApiGatewayGroup {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly regionId: string;
  readonly basePath: string;
  readonly instanceId: string;
  readonly instanceType: string;
  readonly subDomain: string;
  readonly modifiedTime: string;
}

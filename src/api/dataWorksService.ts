import type {
  ApiGatewayGroup, BusinessProcess, DataServiceApi, Page, TenantUser, UserGroup, UserGroupType, Workspace, WorkspaceDetails,
} from './types';

/** Options every call takes. */
export interface CallOptions {
  /** Cancels the call; the promise rejects with a DataWorksError of kind 'cancelled'. */
  readonly signal?: AbortSignal;
  /** Overall deadline for the call including retries, in ms (default from the service config, 30 s). */
  readonly deadlineMs?: number;
}

export interface PageRequest {
  /** 1-based. */
  readonly pageNumber: number;
  /** At most 100 (50 for API Gateway groups). */
  readonly pageSize: number;
}

export interface ListBusinessProcessesRequest extends PageRequest {
  readonly projectId: number;
  /** Substring match on the name (GroupNameKeyword). */
  readonly nameKeyword?: string;
}

export interface ListDataServiceApisRequest extends PageRequest {
  readonly projectId: number;
}

export interface ListUserGroupsRequest extends PageRequest {
  /** Server-side fuzzy name search. */
  readonly name?: string;
  readonly owner?: string;
  readonly projectName?: string;
  /**
   * Sent as `userGroupType` (the newest SDK models' filter). Whether a real service honours it is unknown: callers
   * must not trust a filtered answer on its own (see services/userGroupKind.ts).
   */
  readonly type?: UserGroupType;
}

export interface ListApiGatewayGroupsRequest extends PageRequest {
  readonly nameKeyword?: string;
}

export interface CreateBusinessProcessInput {
  readonly projectId: number;
  readonly apiGatewayGroupId: string;
  readonly name: string;
  readonly description: string;
}

/**
 * How a create ended. `recovered` is true when the request itself failed ambiguously (timeout after sending, 5xx)
 * and the layer found the new business process by name afterwards instead of resending.
 */
export interface CreateBusinessProcessResult {
  readonly groupId: string;
  readonly requestId: string;
  readonly recovered: boolean;
}

/** One group of a DsgUserGroupAddOrUpdate request. With `id` it is an update, without it a create. */
export interface UserGroupInput {
  readonly id?: number;
  readonly name: string;
  readonly owner: string;
  readonly type: UserGroupType;
  readonly accounts: readonly string[];
  /** Required for type 3 (MaxCompute role). */
  readonly projectName?: string;
}

export interface WriteResult {
  readonly requestId: string;
  /**
   * True when the request failed ambiguously and the layer confirmed by a lookup that the new groups exist
   * (no resend). `requestId` is then the failed request's ID, possibly empty.
   */
  readonly recovered?: boolean;
}

/**
 * Everything the extension asks of DataWorks (and of API Gateway, for the group picker).
 * One instance serves one set of credentials in one region. Errors are always DataWorksError.
 */
export interface DataWorksService {
  readonly region: string;

  listWorkspaces(req: PageRequest, opts?: CallOptions): Promise<Page<Workspace>>;
  getWorkspace(projectId: number, opts?: CallOptions): Promise<WorkspaceDetails>;

  listBusinessProcesses(req: ListBusinessProcessesRequest, opts?: CallOptions): Promise<Page<BusinessProcess>>;
  getBusinessProcess(projectId: number, groupId: string, opts?: CallOptions): Promise<BusinessProcess>;
  /**
   * One page of the workspace's Data Service APIs, every business process together: ListDataServiceApis has no
   * business-process filter, each item carries its `groupId`.
   */
  listDataServiceApis(req: ListDataServiceApisRequest, opts?: CallOptions): Promise<Page<DataServiceApi>>;
  /** Never retried blindly: after an ambiguous failure the layer looks the name up and reports the verdict. */
  createBusinessProcess(input: CreateBusinessProcessInput, opts?: CallOptions): Promise<CreateBusinessProcessResult>;

  listUserGroups(req: ListUserGroupsRequest, opts?: CallOptions): Promise<Page<UserGroup>>;
  listTenantUsers(opts?: CallOptions): Promise<readonly TenantUser[]>;
  listMaxComputeRoles(projectName: string, opts?: CallOptions): Promise<readonly string[]>;
  saveUserGroups(groups: readonly UserGroupInput[], opts?: CallOptions): Promise<WriteResult>;
  deleteUserGroups(ids: readonly number[], opts?: CallOptions): Promise<WriteResult>;

  listApiGatewayGroups(req: ListApiGatewayGroupsRequest, opts?: CallOptions): Promise<Page<ApiGatewayGroup>>;
}

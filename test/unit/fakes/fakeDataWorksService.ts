import type {
  CallOptions, CreateBusinessProcessInput, CreateBusinessProcessResult, DataWorksService, ListApiGatewayGroupsRequest,
  ListBusinessProcessesRequest, ListDataServiceApisRequest, ListUserGroupsRequest, PageRequest, UserGroupInput, WriteResult,
} from '../../../src/api/dataWorksService';
import type {
  ApiGatewayGroup, BusinessProcess, DataServiceApi, Page, TenantUser, UserGroup, Workspace, WorkspaceDetails,
} from '../../../src/api/types';
import type { DataWorksErrorLike, ExplainedParts, Locale } from '../../../src/base/errors';

/** Shaped like the API layer's DataWorksError, as another bundle's would be (the extension matches it by shape). */
export class FakeApiError extends Error implements DataWorksErrorLike {
  override readonly name = 'DataWorksError';
  readonly action = 'FakeAction';
  readonly retryable = false;
  constructor(readonly code: string, message: string, readonly requestId = 'REQ-1', readonly kind = 'api', readonly httpStatus?: number) {
    super(message);
  }

  userMessageParts(_locale: Locale): ExplainedParts {
    return { message: `${this.message} [${this.code}]` };
  }

  /** Like the real one, the whole line: the text and the request ID (callers do not append it again). */
  userMessage(_locale: Locale): string {
    return `${this.message} [${this.code}] (request ID ${this.requestId})`;
  }
}

export function workspace(id: number, name = `ws_${id}`): Workspace {
  return {
    id, identifier: name, name: name.toUpperCase(), description: '', status: 'AVAILABLE', ownerBaseId: '1',
    resourceGroupId: 'rg', isDefault: false, tags: [],
  };
}

export function userGroup(id: number, name = `group_${id}`, accounts: readonly string[] = []): UserGroup {
  return { id, name, owner: 'owner', accounts, type: 1, createdTime: '', modifiedTime: '' };
}

export function businessProcess(projectId: number, n: number): BusinessProcess {
  return {
    id: `ds_${projectId}_${n}`, name: `bp ${n}`, description: '', apiGatewayGroupId: 'g', projectId, creatorId: 'c',
    createdTime: '', modifiedTime: '',
  };
}

export function dataServiceApi(group: BusinessProcess, n: number, published = n % 2 === 1): DataServiceApi {
  return {
    id: String(group.projectId * 1000 + n), name: `api_${n}`, path: `/${group.id}/api_${n}`, groupId: group.id,
    projectId: group.projectId, published, description: '', creatorId: 'c', createdTime: '', modifiedTime: '',
  };
}

function page<T>(all: readonly T[], req: PageRequest): Page<T> {
  const start = (req.pageNumber - 1) * req.pageSize;
  return { items: all.slice(start, start + req.pageSize), pageNumber: req.pageNumber, pageSize: req.pageSize, totalCount: all.length };
}

/** A DataWorksService over arrays, counting calls per method; `fail` and `gate` script failures and slowness. */
export class FakeDataWorksService implements DataWorksService {
  readonly calls: { method: string; args: unknown }[] = [];
  workspaces: Workspace[] = [];
  userGroups: UserGroup[] = [];
  businessProcesses = new Map<number, BusinessProcess[]>();
  /** projectId → the workspace's Data Service APIs, every business process together (as the real list). */
  dataServiceApis = new Map<number, DataServiceApi[]>();
  /** method name → error to throw on the next call(s) while set. */
  readonly fail = new Map<string, Error>();
  /** When set, calls wait for it before answering (to test request coalescing and locks). */
  gate: Promise<void> | undefined;
  /** method name → a gate for that method's calls only (to answer lookups out of order). */
  readonly gates = new Map<string, Promise<void>>();

  constructor(readonly region = 'cn-shanghai') {}

  count(method: string): number {
    return this.calls.filter((c) => c.method === method).length;
  }

  async listWorkspaces(req: PageRequest, _opts?: CallOptions): Promise<Page<Workspace>> {
    await this.enter('listWorkspaces', req);
    return page(this.workspaces, req);
  }

  async getWorkspace(projectId: number): Promise<WorkspaceDetails> {
    await this.enter('getWorkspace', projectId);
    const w = this.workspaces.find((x) => x.id === projectId);
    if (!w) throw new FakeApiError('Invalid.Project', 'no such workspace');
    return { ...w, envTypes: [] };
  }

  async listBusinessProcesses(req: ListBusinessProcessesRequest): Promise<Page<BusinessProcess>> {
    await this.enter('listBusinessProcesses', req);
    return page(this.businessProcesses.get(req.projectId) ?? [], req);
  }

  async getBusinessProcess(projectId: number, groupId: string): Promise<BusinessProcess> {
    await this.enter('getBusinessProcess', { projectId, groupId });
    const b = this.businessProcesses.get(projectId)?.find((x) => x.id === groupId);
    if (!b) throw new FakeApiError('Invalid.Group', 'no such group');
    return b;
  }

  async listDataServiceApis(req: ListDataServiceApisRequest): Promise<Page<DataServiceApi>> {
    await this.enter('listDataServiceApis', req);
    return page(this.dataServiceApis.get(req.projectId) ?? [], req);
  }

  async createBusinessProcess(input: CreateBusinessProcessInput): Promise<CreateBusinessProcessResult> {
    await this.enter('createBusinessProcess', input);
    return { groupId: 'ds_new', requestId: 'REQ-C', recovered: false };
  }

  async listUserGroups(req: ListUserGroupsRequest): Promise<Page<UserGroup>> {
    await this.enter('listUserGroups', req);
    const all = this.userGroups.filter((g) => (!req.name || g.name.includes(req.name))
      && (req.type === undefined || g.type === req.type)
      && (!req.projectName || g.projectName === req.projectName));
    return page(all, req);
  }

  async listTenantUsers(): Promise<readonly TenantUser[]> {
    await this.enter('listTenantUsers', undefined);
    return [];
  }

  async listMaxComputeRoles(projectName: string): Promise<readonly string[]> {
    await this.enter('listMaxComputeRoles', projectName);
    return [];
  }

  async saveUserGroups(groups: readonly UserGroupInput[]): Promise<WriteResult> {
    await this.enter('saveUserGroups', groups);
    return { requestId: 'REQ-S' };
  }

  async deleteUserGroups(ids: readonly number[]): Promise<WriteResult> {
    await this.enter('deleteUserGroups', ids);
    this.userGroups = this.userGroups.filter((g) => !ids.includes(g.id));
    return { requestId: 'REQ-D' };
  }

  async listApiGatewayGroups(req: ListApiGatewayGroupsRequest): Promise<Page<ApiGatewayGroup>> {
    await this.enter('listApiGatewayGroups', req);
    return page([], req);
  }

  private async enter(method: string, args: unknown): Promise<void> {
    this.calls.push({ method, args });
    if (this.gate) await this.gate;
    const own = this.gates.get(method);
    if (own) await own;
    const error = this.fail.get(method);
    if (error) throw error;
  }
}

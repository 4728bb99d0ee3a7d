// Wire shapes (already validated by schemas.ts) to domain types.

import type * as z from 'zod/mini';
import type {
  describeApiGroupsBody, dsgUserGroupQueryListBody, getProjectBody, listProjectsBody,
  DataServiceApiWire, DataServiceGroupWire,
} from './schemas';
import type {
  ApiGatewayGroup, BusinessProcess, DataServiceApi, TenantUser, UserGroup, UserGroupType, Workspace, WorkspaceDetails, WorkspaceStatus,
} from './types';

const STATUS_BY_NUMBER: readonly WorkspaceStatus[] = [
  'AVAILABLE', 'DELETED', 'INITIALIZING', 'INIT_FAILED', 'FORBIDDEN', 'DELETING', 'DEL_FAILED', 'FROZEN', 'UPDATING',
  'UPDATE_FAILED',
];

function status(code: string | null | undefined, num: number | null | undefined): WorkspaceStatus {
  if (code && (STATUS_BY_NUMBER as readonly string[]).includes(code)) return code as WorkspaceStatus;
  if (typeof num === 'number') return STATUS_BY_NUMBER[num] ?? 'UNKNOWN';
  return 'UNKNOWN';
}

const str = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

type ProjectItem = NonNullable<z.infer<typeof listProjectsBody>['PageResult']['ProjectList']>[number];
type ProjectData = z.infer<typeof getProjectBody>['Data'];

function workspaceFields(p: ProjectItem | ProjectData, statusNumber: number | null | undefined): Workspace {
  return {
    id: p.ProjectId,
    identifier: p.ProjectIdentifier,
    name: p.ProjectName || p.ProjectIdentifier,
    description: str(p.ProjectDescription),
    status: status(p.ProjectStatusCode, statusNumber),
    ownerBaseId: str(p.ProjectOwnerBaseId),
    resourceGroupId: str(p.ResourceManagerResourceGroupId),
    isDefault: p.IsDefault === true || p.IsDefault === 1,
    tags: (p.Tags ?? []).map((t) => ({ key: t.Key, value: str(t.Value) })),
  };
}

export function toWorkspace(p: ProjectItem): Workspace {
  return workspaceFields(p, p.ProjectStatus);
}

export function toWorkspaceDetails(d: ProjectData): WorkspaceDetails {
  const base = workspaceFields(d, d.Status ?? d.ProjectStatus);
  return {
    ...base,
    ...(d.TenantId != null ? { tenantId: d.TenantId } : {}),
    ...(d.ProjectMode != null ? { mode: d.ProjectMode } : {}),
    envTypes: d.EnvTypes ?? [],
    ...(d.GmtCreate ? { createdTime: d.GmtCreate } : {}),
    ...(d.GmtModified ? { modifiedTime: d.GmtModified } : {}),
  };
}

/** `projectId` fills in when the response leaves ProjectId out: the caller asked within that workspace. */
export function toBusinessProcess(g: DataServiceGroupWire, projectId: number): BusinessProcess {
  return {
    id: g.GroupId,
    name: g.GroupName,
    description: str(g.Description),
    apiGatewayGroupId: str(g.ApiGatewayGroupId),
    projectId: g.ProjectId ?? projectId,
    creatorId: str(g.CreatorId),
    createdTime: str(g.CreatedTime),
    modifiedTime: str(g.ModifiedTime),
  };
}

/** `projectId` fills in when the item leaves ProjectId out, as toBusinessProcess does. */
export function toDataServiceApi(a: DataServiceApiWire, projectId: number): DataServiceApi {
  const id = str(a.ApiId);
  const path = str(a.ApiPath);
  return {
    id,
    name: str(a.ApiName) || path || id,
    path,
    groupId: a.GroupId,
    projectId: a.ProjectId ?? projectId,
    published: a.Status === 1 || a.Status === '1',
    ...(typeof a.ApiMode === 'number' ? { mode: a.ApiMode } : {}),
    description: str(a.Description),
    creatorId: str(a.CreatorId),
    createdTime: str(a.CreatedTime),
    modifiedTime: str(a.ModifiedTime),
  };
}

type UserGroupItem = NonNullable<z.infer<typeof dsgUserGroupQueryListBody>['PageData']['Data']>[number];

function userGroupType(v: string | number | null | undefined): UserGroupType | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return n === 1 || n === 2 || n === 3 ? n : undefined;
}

export function toUserGroup(g: UserGroupItem): UserGroup {
  const type = userGroupType(g.UserGroupType);
  return {
    id: g.Id,
    name: g.Name,
    owner: str(g.Owner),
    accounts: g.Accounts ?? [],
    ...(type !== undefined ? { type } : {}),
    ...(g.ProjectName ? { projectName: g.ProjectName } : {}),
    createdTime: str(g.GmtCreate),
    modifiedTime: str(g.GmtModified),
  };
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const idText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');

function accountType(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : undefined;
}

/**
 * Undefined for an item that cannot be used: without YunAccount it cannot be put in a group, and without a known
 * AccountType the pickers cannot tell a person from a RAM role. A missing AccountName falls back to YunAccount,
 * which identifies the same user (the owner may be either).
 */
export function toTenantUser(item: unknown): TenantUser | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const u = item as Record<string, unknown>;
  const yunAccount = text(u.YunAccount);
  const type = accountType(u.AccountType);
  if (yunAccount === undefined || type === undefined) return undefined;
  return {
    accountName: text(u.AccountName) ?? yunAccount,
    accountType: type,
    baseId: idText(u.BaseId),
    parentAccountId: idText(u.ParentAccountId),
    yunAccount,
  };
}

type ApiGroupItem = NonNullable<NonNullable<z.infer<typeof describeApiGroupsBody>['ApiGroupAttributes']>['ApiGroupAttribute']>[number];

export function toApiGatewayGroup(g: ApiGroupItem): ApiGatewayGroup {
  return {
    id: g.GroupId,
    name: g.GroupName,
    description: str(g.Description),
    regionId: str(g.RegionId),
    basePath: str(g.BasePath),
    instanceId: str(g.InstanceId),
    instanceType: str(g.InstanceType),
    subDomain: str(g.SubDomain),
    modifiedTime: str(g.ModifiedTime),
  };
}

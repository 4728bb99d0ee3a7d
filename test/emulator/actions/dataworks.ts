// DataWorks 2020-05-18 workspace and DataService Studio business-process actions.
import { randomBytes } from 'node:crypto';
import { ApiError, invalidParameter } from '../errors';
import type { BusinessProcessRecord, DataServiceApiRecord, Tag, WorkspaceRecord } from '../model';
import type { ActionContext, ActionResult } from './common';
import { contains, dataServiceTime, optionalInt, page, projectTime, requireInt, requireString } from './common';

const STATUS_CODES = ['AVAILABLE', 'DELETED', 'INITIALIZING', 'INIT_FAILED', 'FORBIDDEN', 'DELETING', 'DEL_FAILED', 'FROZEN', 'UPDATING', 'UPDATE_FAILED'];

/** Emulator rule for business process names (the real limits are not documented). */
export const GROUP_NAME_RULE = /^[\p{L}\p{N}][\p{L}\p{N}_\-. ()]{0,63}$/u;
export const GROUP_NAME_MAX = 64;
export const DESCRIPTION_MAX = 1024;

const projectNotFound = (id: number | string, region: string): ApiError =>
  new ApiError(400, 'Invalid.Tenant.ProjectNotExists', `The workspace ${id} does not exist in region ${region}.`);

function findWorkspace(ctx: ActionContext, projectId: number): WorkspaceRecord {
  const ws = ctx.store.region(ctx.region).workspaces.find((w) => w.projectId === projectId);
  if (!ws) throw projectNotFound(projectId, ctx.region);
  return ws;
}

function parseTags(raw: string | undefined): Tag[] {
  if (raw === undefined || raw === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidParameter('Tags', 'A JSON array of {"Key","Value"} is expected.');
  }
  if (!Array.isArray(parsed)) throw invalidParameter('Tags', 'A JSON array of {"Key","Value"} is expected.');
  return parsed.map((t: unknown) => {
    const o = (typeof t === 'object' && t !== null ? t : {}) as Record<string, unknown>;
    if (typeof o.Key !== 'string') throw invalidParameter('Tags', 'Every tag needs a Key.');
    return { Key: o.Key, Value: typeof o.Value === 'string' ? o.Value : '' };
  });
}

function workspaceWire(w: WorkspaceRecord): ActionResult {
  return {
    ProjectId: w.projectId,
    ProjectIdentifier: w.identifier,
    ProjectName: w.name,
    ProjectDescription: w.description,
    ProjectStatus: w.status,
    ProjectStatusCode: STATUS_CODES[w.status] ?? 'UNKNOWN',
    ProjectOwnerBaseId: w.ownerBaseId,
    ResourceManagerResourceGroupId: w.resourceGroupId,
    IsDefault: w.isDefault,
    DisableDevelopment: false,
    UseProxyOdpsAccount: true,
    TablePrivacyMode: 0,
    Tags: w.tags.map((t) => ({ ...t })),
  };
}

export function listProjects(ctx: ActionContext): ActionResult {
  const p = ctx.params;
  const pageNumber = optionalInt(p, 'PageNumber', 1, 1_000_000, 1);
  const pageSize = optionalInt(p, 'PageSize', 1, 100, 10);
  const tags = parseTags(p.get('Tags'));
  const rg = p.get('ResourceManagerResourceGroupId');
  const all = ctx.store.region(ctx.region).workspaces
    .filter((w) => !rg || w.resourceGroupId === rg)
    .filter((w) => tags.every((t) => w.tags.some((x) => x.Key === t.Key && (t.Value === '' || x.Value === t.Value))))
    .sort((a, b) => a.projectId - b.projectId);
  return {
    PageResult: { PageNumber: pageNumber, PageSize: pageSize, TotalCount: all.length, ProjectList: page(all, pageNumber, pageSize).map(workspaceWire) },
  };
}

export function getProject(ctx: ActionContext): ActionResult {
  const p = ctx.params;
  const idRaw = p.get('ProjectId');
  const identifier = p.get('ProjectIdentifier');
  let ws: WorkspaceRecord | undefined;
  if (idRaw !== undefined && idRaw !== '') {
    ws = findWorkspace(ctx, requireInt(p, 'ProjectId'));
  } else if (identifier) {
    ws = ctx.store.region(ctx.region).workspaces.find((w) => w.identifier === identifier);
    if (!ws) throw projectNotFound(identifier, ctx.region);
  } else {
    requireString(p, 'ProjectId');
    throw new Error('unreachable');
  }
  return {
    Success: true,
    HttpStatusCode: 200,
    Data: {
      ProjectId: ws.projectId,
      ProjectIdentifier: ws.identifier,
      ProjectName: ws.name,
      ProjectDescription: ws.description,
      Status: ws.status,
      ProjectMode: ws.mode,
      ProjectOwnerBaseId: ws.ownerBaseId,
      TenantId: ctx.store.current.tenantId,
      EnvTypes: ws.mode === 3 ? ['DEV', 'PROD'] : ['PROD'],
      GmtCreate: projectTime(ws.createdAt),
      GmtModified: projectTime(ws.modifiedAt),
      IsAllowDownload: 1,
      IsDefault: ws.isDefault,
      ProtectedMode: 0,
      ResidentArea: 'private',
      ResourceManagerResourceGroupId: ws.resourceGroupId,
      SchedulerMaxRetryTimes: 3,
      SchedulerRetryInterval: 120000,
      TablePrivacyMode: 0,
      UseProxyOdpsAccount: true,
      DisableDevelopment: false,
      DefaultDiResourceGroupIdentifier: 'group_default',
      Tags: ws.tags.map((t) => ({ ...t })),
    },
  };
}

function groupWire(g: BusinessProcessRecord, tenantId: number): ActionResult {
  return {
    GroupId: g.groupId,
    GroupName: g.groupName,
    Description: g.description,
    ApiGatewayGroupId: g.apiGatewayGroupId,
    ProjectId: g.projectId,
    TenantId: tenantId,
    CreatorId: g.creatorId,
    CreatedTime: dataServiceTime(g.createdAt),
    ModifiedTime: dataServiceTime(g.modifiedAt),
  };
}

export function listDataServiceGroups(ctx: ActionContext): ActionResult {
  const p = ctx.params;
  const projectId = requireInt(p, 'ProjectId');
  const pageNumber = optionalInt(p, 'PageNumber', 1, 1_000_000, 1);
  const pageSize = optionalInt(p, 'PageSize', 1, 100, 10);
  const keyword = p.get('GroupNameKeyword') ?? '';
  findWorkspace(ctx, projectId);
  // Newest first, as the console lists them; the id breaks ties so paging is stable.
  const all = ctx.store.region(ctx.region).businessProcesses
    .filter((g) => g.projectId === projectId && contains(g.groupName, keyword))
    .sort((a, b) => (a.createdAt === b.createdAt ? (a.groupId < b.groupId ? -1 : 1) : a.createdAt < b.createdAt ? 1 : -1));
  const tenantId = ctx.store.current.tenantId;
  return {
    GroupPagingResult: { PageNumber: pageNumber, PageSize: pageSize, TotalCount: all.length, Groups: page(all, pageNumber, pageSize).map((g) => groupWire(g, tenantId)) },
  };
}

export function getDataServiceGroup(ctx: ActionContext): ActionResult {
  const p = ctx.params;
  const groupId = requireString(p, 'GroupId');
  const projectId = requireInt(p, 'ProjectId');
  findWorkspace(ctx, projectId);
  const g = ctx.store.region(ctx.region).businessProcesses.find((x) => x.groupId === groupId && x.projectId === projectId);
  if (!g) throw new ApiError(400, 'Invalid.DataServiceGroup.NotExists', `The business process ${groupId} does not exist in workspace ${projectId}.`);
  return { Group: groupWire(g, ctx.store.current.tenantId) };
}

export function createDataServiceGroup(ctx: ActionContext): ActionResult {
  const p = ctx.params;
  const projectId = requireInt(p, 'ProjectId');
  const apiGatewayGroupId = requireString(p, 'ApiGatewayGroupId');
  const groupName = requireString(p, 'GroupName');
  const description = requireString(p, 'Description');
  if (!GROUP_NAME_RULE.test(groupName)) {
    throw invalidParameter('GroupName', `1 to ${GROUP_NAME_MAX} characters: letters, digits, underscores (_), hyphens (-), periods (.), parentheses and spaces, starting with a letter or digit.`);
  }
  if (description.length > DESCRIPTION_MAX) throw invalidParameter('Description', `At most ${DESCRIPTION_MAX} characters.`);
  const ws = findWorkspace(ctx, projectId);
  if (ws.status !== 0) {
    throw new ApiError(400, 'Invalid.Project.Status', `The workspace ${projectId} is ${STATUS_CODES[ws.status] ?? 'not available'}; business processes can only be created in an AVAILABLE workspace.`);
  }
  const region = ctx.store.region(ctx.region);
  if (!region.apiGatewayGroups.some((g) => g.groupId === apiGatewayGroupId)) {
    throw new ApiError(400, 'Invalid.ApiGatewayGroupId', `The API Gateway group ${apiGatewayGroupId} does not exist in region ${ctx.region}.`);
  }
  if (region.businessProcesses.some((g) => g.projectId === projectId && g.groupName === groupName)) {
    throw new ApiError(400, 'Duplicate.GroupName', `A business process named "${groupName}" already exists in workspace ${projectId}.`);
  }
  const record: BusinessProcessRecord = {
    groupId: `ds_${randomBytes(6).toString('hex')}`,
    groupName,
    description,
    apiGatewayGroupId,
    projectId,
    creatorId: ctx.caller.uid,
    createdAt: ctx.nowIso,
    modifiedAt: ctx.nowIso,
  };
  ctx.store.mutate(() => ctx.store.regionForWrite(ctx.region).businessProcesses.push(record));
  return { GroupId: record.groupId };
}

/**
 * The details object of the API's mode, the only one of the three the model says is returned. Their contents are
 * not in our data model: a plausible connection and no parameters (see the README's assumptions).
 */
function apiModeDetails(a: DataServiceApiRecord): ActionResult {
  const table = a.apiName.replace(/[^A-Za-z0-9_]/g, '_');
  const connection = { ConnectionId: 1000 + (a.projectId % 1000), TableName: table };
  switch (a.apiMode) {
    case 0:
      return { WizardDetails: { IsPagedResponse: false, WizardConnection: connection, WizardRequestParameters: [], WizardResponseParameters: [] } };
    case 1:
      return { ScriptDetails: { IsPagedResponse: true, Script: `SELECT * FROM ${table}`, ScriptConnection: connection, ScriptRequestParameters: [], ScriptResponseParameters: [] } };
    case 2:
      return {
        RegistrationDetails: {
          FailedResultSample: '{"ok":false}', RegistrationErrorCodes: [], RegistrationRequestParameters: [], ServiceContentType: 0,
          ServiceHost: 'http://backend.example.internal', ServicePath: a.apiPath, ServiceRequestBodyDescription: '', SuccessfulResultSample: '{"ok":true}',
        },
      };
  }
}

function dataServiceApiWire(a: DataServiceApiRecord, tenantId: number): ActionResult {
  return {
    ApiId: a.apiId,
    ApiMode: a.apiMode,
    ApiName: a.apiName,
    ApiPath: a.apiPath,
    CreatedTime: dataServiceTime(a.createdAt),
    CreatorId: a.creatorId,
    Description: a.description,
    FolderId: a.folderId,
    GroupId: a.groupId,
    ModifiedTime: dataServiceTime(a.modifiedAt),
    OperatorId: a.operatorId,
    ProjectId: a.projectId,
    Protocols: [...a.protocols],
    RequestMethod: a.requestMethod,
    ResponseContentType: a.responseContentType,
    Status: a.status,
    TenantId: tenantId,
    Timeout: a.timeoutMs,
    VisibleRange: a.visibleRange,
    ...apiModeDetails(a),
  };
}

/**
 * ListDataServiceApis: the workspace's APIs in development, every business process together (there is no group
 * filter; each item names its GroupId). Keywords are substring matches, CreatorId an exact one.
 */
export function listDataServiceApis(ctx: ActionContext): ActionResult {
  const p = ctx.params;
  const projectId = requireInt(p, 'ProjectId');
  const pageNumber = optionalInt(p, 'PageNumber', 1, 1_000_000, 1);
  const pageSize = optionalInt(p, 'PageSize', 1, 100, 10);
  const nameKeyword = p.get('ApiNameKeyword') ?? '';
  const pathKeyword = p.get('ApiPathKeyword') ?? '';
  const creatorId = p.get('CreatorId') ?? '';
  findWorkspace(ctx, projectId);
  // Oldest first by ID (our assumption: the order is not documented); stable, so paging neither skips nor repeats.
  const all = (ctx.store.region(ctx.region).dataServiceApis ?? [])
    .filter((a) => a.projectId === projectId && contains(a.apiName, nameKeyword) && contains(a.apiPath, pathKeyword))
    .filter((a) => !creatorId || a.creatorId === creatorId)
    .sort((a, b) => a.apiId - b.apiId);
  const tenantId = ctx.store.current.tenantId;
  return {
    Success: true,
    HttpStatusCode: 200,
    Data: { PageNumber: pageNumber, PageSize: pageSize, TotalCount: all.length, Apis: page(all, pageNumber, pageSize).map((a) => dataServiceApiWire(a, tenantId)) },
  };
}

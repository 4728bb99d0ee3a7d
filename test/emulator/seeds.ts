// Deterministic seed data, generated in code: the same seed always gives byte-identical data, so tests can name
// IDs and the UI looks the same on every start.
import { createHash } from 'node:crypto';
import type {
  ApiGatewayGroupRecord, BusinessProcessRecord, DataServiceApiRecord, EmulatorData, RegionData, SeedName, TenantUserRecord,
  UserGroupRecord, UserGroupType, WorkspaceRecord,
} from './model';
import { emptyRegion } from './model';

export const TENANT_ID = 280749521;
export const OWNER_UID = '1760354628193742';

/** A fixed clock for seed timestamps: base + minutes. */
const BASE_MS = Date.UTC(2025, 2, 3, 1, 30, 0);
const at = (minutes: number): string => new Date(BASE_MS + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const hex = (text: string, length: number): string => createHash('sha256').update(text).digest('hex').slice(0, length);

const ramUid = (n: number): string => `2${String(83_000_000_000_000 + n * 7919).padStart(15, '0')}`;

function tenantUsers(): TenantUserRecord[] {
  const users: TenantUserRecord[] = [
    { accountName: 'acme_data', accountType: 1, baseId: OWNER_UID, parentAccountId: '', yunAccount: 'user:acme_data' },
  ];
  const ram = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace'];
  ram.forEach((name, i) => {
    users.push({ accountName: name, accountType: i === ram.length - 1 ? 5 : 2, baseId: ramUid(i + 1), parentAccountId: OWNER_UID, yunAccount: `user:${name}` });
  });
  for (const [i, role] of ['dataworks_etl_role', 'bi_readonly_role'].entries()) {
    users.push({ accountName: role, accountType: 6, baseId: `3${String(97_000_000_000_000 + i * 131).padStart(15, '0')}`, parentAccountId: OWNER_UID, yunAccount: `role:${role}` });
  }
  return users;
}

const MAXCOMPUTE_ROLES: Record<string, string[]> = {
  sales_dw: ['role_project_admin', 'role_project_dev', 'role_project_scheduler', 'role_project_security', 'sales_analyst'],
  finance_mc: ['role_project_admin', 'role_project_dev', 'role_project_security', 'finance_reader', 'finance_auditor'],
};

function apiGroup(region: string, name: string, description: string, minutes: number, basePath = '/'): ApiGatewayGroupRecord {
  const groupId = hex(`${region}/${name}`, 32);
  return {
    groupId,
    groupName: name,
    description,
    basePath,
    instanceId: `api-shared-vpc-${region === 'cn-hangzhou' ? '001' : '002'}`,
    instanceType: 'VPC_SHARED',
    httpsPolicy: 'HTTPS2_TLS1_2',
    trafficLimit: 500,
    billingStatus: 'NORMAL',
    illegalStatus: 'NORMAL',
    tags: [],
    createdAt: at(minutes),
    modifiedAt: at(minutes + 90),
  };
}

function apiGroups(): Record<string, ApiGatewayGroupRecord[]> {
  return {
    'cn-shanghai': [
      apiGroup('cn-shanghai', 'sales_data_api', 'Sales reporting APIs', 10, '/sales'),
      apiGroup('cn-shanghai', 'finance_data_api', 'Finance data services', 20, '/finance'),
      apiGroup('cn-shanghai', 'shared_public_api', 'Shared public endpoints', 30),
    ],
    'cn-hangzhou': [
      apiGroup('cn-hangzhou', 'logistics_api', 'Logistics tracking', 40, '/logistics'),
      apiGroup('cn-hangzhou', 'risk_model_api', 'Risk model scoring', 50, '/risk'),
    ],
  };
}

function workspace(projectId: number, identifier: string, name: string, description: string, minutes: number, extra: Partial<WorkspaceRecord> = {}): WorkspaceRecord {
  return {
    projectId,
    identifier,
    name,
    description,
    status: 0,
    ownerBaseId: OWNER_UID,
    resourceGroupId: `rg-acfm${hex(identifier, 11)}`,
    isDefault: 0,
    mode: 3,
    tags: [],
    maxComputeProject: '',
    createdAt: at(minutes),
    modifiedAt: at(minutes + 30),
    ...extra,
  };
}

function businessProcess(region: string, projectId: number, name: string, description: string, apiGatewayGroupId: string, minutes: number, creatorId = OWNER_UID): BusinessProcessRecord {
  return {
    groupId: `ds_${hex(`${region}/${projectId}/${name}`, 12)}`,
    groupName: name,
    description,
    apiGatewayGroupId,
    projectId,
    creatorId,
    createdAt: at(minutes),
    modifiedAt: at(minutes + 5),
  };
}

/** A Data Service API of `group`: GET over HTTPS, JSON, visible to the workspace, unless `extra` says otherwise. */
function dataServiceApi(apiId: number, group: BusinessProcessRecord | undefined, name: string, path: string, status: 0 | 1, minutes: number, extra: Partial<DataServiceApiRecord> = {}): DataServiceApiRecord {
  return {
    apiId,
    apiName: name,
    apiPath: path,
    apiMode: 0,
    groupId: group?.groupId ?? '',
    projectId: group?.projectId ?? 0,
    folderId: 0,
    description: '',
    status,
    requestMethod: 0,
    responseContentType: 0,
    protocols: [1],
    timeoutMs: 10_000,
    visibleRange: 0,
    creatorId: group?.creatorId || OWNER_UID,
    operatorId: group?.creatorId || OWNER_UID,
    createdAt: at(minutes),
    modifiedAt: at(minutes + 20),
    ...extra,
  };
}

/** Several APIs per demo business process, some published; ids in creation order. */
function demoApis(groups: readonly BusinessProcessRecord[]): DataServiceApiRecord[] {
  const [reports, realtime, ledger] = groups;
  return [
    dataServiceApi(30001, reports, 'daily_sales_summary', '/sales/daily/summary', 1, 400, { description: 'Sales totals per day and store' }),
    dataServiceApi(30002, reports, 'top_products', '/sales/daily/top-products', 1, 405, { apiMode: 1, requestMethod: 1 }),
    dataServiceApi(30003, reports, 'store_ranking_draft', '/sales/daily/store-ranking', 0, 410, { description: 'Not reviewed yet' }),
    dataServiceApi(30004, realtime, 'orders_last_hour', '/sales/realtime/orders', 1, 415, { timeoutMs: 3_000 }),
    dataServiceApi(30005, realtime, 'order_stream_probe', '/sales/realtime/probe', 0, 420, { apiMode: 2, requestMethod: 1, protocols: [0, 1] }),
    dataServiceApi(30006, ledger, 'ledger_balance', '/finance/ledger/balance', 1, 425, { visibleRange: 1 }),
    dataServiceApi(30007, ledger, 'ledger_entries', '/finance/ledger/entries', 0, 430, { apiMode: 1 }),
  ];
}

function userGroup(id: number, name: string, owner: string, type: UserGroupType, accounts: string[], projectName: string, minutes: number): UserGroupRecord {
  return { id, name, owner, type, accounts, projectName, createdAt: at(minutes), modifiedAt: at(minutes + 15) };
}

function demoUserGroups(): UserGroupRecord[] {
  const groups: UserGroupRecord[] = [];
  let id = 1001;
  const add = (name: string, owner: string, type: UserGroupType, accounts: string[], projectName = ''): void => {
    groups.push(userGroup(id, name, owner, type, accounts, projectName, 600 + id - 1001));
    id++;
  };
  add('yun_group', 'acme_data', 1, ['user:alice', 'user:bob']);
  add('sales_analysts', 'alice', 1, ['user:alice', 'user:carol', 'user:dave']);
  add('finance_team', 'bob', 1, ['user:bob', 'user:erin']);
  add('platform_admins', 'acme_data', 1, ['user:acme_data', 'user:frank']);
  add('auditors', 'erin', 1, ['user:erin']);
  add('contractors', 'carol', 1, ['user:grace']);
  add('etl_roles', 'acme_data', 2, ['role:dataworks_etl_role']);
  add('bi_roles', 'dave', 2, ['role:bi_readonly_role']);
  add('all_service_roles', 'acme_data', 2, ['role:dataworks_etl_role', 'role:bi_readonly_role']);
  add('scheduler_roles', 'frank', 2, ['role:dataworks_etl_role']);
  add('reporting_roles', 'alice', 2, ['role:bi_readonly_role']);
  add('sales_mc_admins', 'acme_data', 3, ['role_project_admin'], 'sales_dw');
  add('sales_mc_devs', 'alice', 3, ['role_project_dev', 'role_project_scheduler'], 'sales_dw');
  add('sales_mc_analysts', 'carol', 3, ['sales_analyst'], 'sales_dw');
  add('finance_mc_readers', 'bob', 3, ['finance_reader'], 'finance_mc');
  add('finance_mc_security', 'erin', 3, ['role_project_security', 'finance_auditor'], 'finance_mc');
  add('dsg_fin_test-copy', 'bob', 3, ['role_project_dev'], 'finance_mc');
  return groups;
}

function demo(): EmulatorData {
  const gw = apiGroups();
  const sh = gw['cn-shanghai'] ?? [];
  const hz = gw['cn-hangzhou'] ?? [];
  const shanghaiProcesses = [
    businessProcess('cn-shanghai', 10001, 'sales_reports', 'Daily sales report APIs', sh[0]?.groupId ?? '', 300),
    businessProcess('cn-shanghai', 10001, 'sales_realtime', 'Real-time order metrics', sh[0]?.groupId ?? '', 310, ramUid(1)),
    businessProcess('cn-shanghai', 10002, 'finance_ledger', 'General ledger queries', sh[1]?.groupId ?? '', 320, ''),
  ];
  const shipments = businessProcess('cn-hangzhou', 20001, 'shipment_tracking', 'Shipment tracking APIs', hz[0]?.groupId ?? '', 330);
  const shanghai: RegionData = {
    workspaces: [
      workspace(10001, 'sales_dw', 'Sales DW', 'Sales data warehouse', 100, { isDefault: 1, maxComputeProject: 'sales_dw', tags: [{ Key: 'team', Value: 'sales' }] }),
      workspace(10002, 'finance_dw', 'Finance DW', 'Finance reporting', 110, { maxComputeProject: 'finance_mc', tags: [{ Key: 'team', Value: 'finance' }] }),
      workspace(10003, 'marketing_lab', 'Marketing Lab', 'Campaign experiments (being set up)', 120, { status: 2, mode: 2 }),
      workspace(10004, 'ops_monitor', 'Ops Monitor', 'Operational dashboards', 130, { mode: 2 }),
    ],
    businessProcesses: shanghaiProcesses,
    apiGatewayGroups: sh,
    dataServiceApis: demoApis(shanghaiProcesses),
  };
  const hangzhou: RegionData = {
    workspaces: [
      workspace(20001, 'hz_logistics', 'Logistics (Hangzhou)', 'Warehouse and shipping data', 140),
      workspace(20002, 'hz_risk_ml', 'Risk ML', 'Risk model features', 150, { tags: [{ Key: 'env', Value: 'prod' }] }),
    ],
    businessProcesses: [shipments],
    apiGatewayGroups: hz,
    dataServiceApis: [dataServiceApi(40001, shipments, 'shipment_status', '/logistics/shipments/status', 1, 440)],
  };
  const groups = demoUserGroups();
  return {
    schemaVersion: 1,
    seed: 'demo',
    edition: 'Enterprise',
    tenantId: TENANT_ID,
    ownerUid: OWNER_UID,
    regions: { 'cn-shanghai': shanghai, 'cn-hangzhou': hangzhou },
    tenantUsers: tenantUsers(),
    maxComputeRoles: structuredClone(MAXCOMPUTE_ROLES),
    userGroups: groups,
    nextUserGroupId: 1001 + groups.length,
  };
}

function empty(): EmulatorData {
  const gw = apiGroups();
  const regions: Record<string, RegionData> = {};
  for (const [region, groups] of Object.entries(gw)) regions[region] = { ...emptyRegion(), apiGatewayGroups: groups };
  return {
    schemaVersion: 1,
    seed: 'empty',
    edition: 'Enterprise',
    tenantId: TENANT_ID,
    ownerUid: OWNER_UID,
    regions,
    tenantUsers: tenantUsers(),
    maxComputeRoles: {},
    userGroups: [],
    nextUserGroupId: 1,
  };
}

export const LARGE_WORKSPACES = 1000;
export const LARGE_USER_GROUPS = 10_000;
export const LARGE_BUSINESS_PROCESSES = 250;
export const LARGE_EXTRA_API_GROUPS = 120;
/** In workspace 100001, all in its first bulk business process: more than two pages of 100. */
export const LARGE_DATA_SERVICE_APIS = 230;

/** Built with plain loops and no hashing per item so that it stays well under a second. */
function large(): EmulatorData {
  const d = demo();
  const sh = d.regions['cn-shanghai'] ?? emptyRegion();
  const firstApiGroup = sh.apiGatewayGroups[0]?.groupId ?? '';
  for (let i = 0; i < LARGE_WORKSPACES; i++) {
    const id = 100_001 + i;
    const n = String(i + 1).padStart(4, '0');
    sh.workspaces.push({
      projectId: id,
      identifier: `ws_${n}`,
      name: `Workspace ${n}`,
      description: `Generated workspace ${n}`,
      status: i % 97 === 0 ? 2 : 0,
      ownerBaseId: OWNER_UID,
      resourceGroupId: 'rg-acfmlarge0000',
      isDefault: 0,
      mode: i % 2 === 0 ? 3 : 2,
      tags: [{ Key: 'shard', Value: String(i % 10) }],
      maxComputeProject: '',
      createdAt: at(1000 + i),
      modifiedAt: at(1000 + i),
    });
  }
  for (let i = 0; i < LARGE_BUSINESS_PROCESSES; i++) {
    sh.businessProcesses.push({
      groupId: `ds_${(0x1000000 + i).toString(16)}`,
      groupName: `bulk_process_${String(i + 1).padStart(3, '0')}`,
      description: 'Generated business process',
      apiGatewayGroupId: firstApiGroup,
      projectId: 100_001,
      creatorId: OWNER_UID,
      createdAt: at(3000 + i),
      modifiedAt: at(3000 + i),
    });
  }
  const bulkGroup = sh.businessProcesses.find((g) => g.projectId === 100_001);
  const apis = sh.dataServiceApis ?? [];
  for (let i = 0; i < LARGE_DATA_SERVICE_APIS; i++) {
    const n = String(i + 1).padStart(3, '0');
    apis.push(dataServiceApi(500_001 + i, bulkGroup, `bulk_api_${n}`, `/bulk/api_${n}`, i % 2 === 0 ? 1 : 0, 4000 + i));
  }
  sh.dataServiceApis = apis;
  for (let i = 0; i < LARGE_EXTRA_API_GROUPS; i++) {
    const g = apiGroup('cn-shanghai', `bulk_api_${String(i + 1).padStart(3, '0')}`, 'Generated API group', 5000 + i);
    g.groupId = (0x10000000 + i).toString(16).padStart(32, '0');
    sh.apiGatewayGroups.push(g);
  }
  const userNames = d.tenantUsers.filter((u) => u.accountType !== 6).map((u) => u.yunAccount);
  const roleNames = d.tenantUsers.filter((u) => u.accountType === 6).map((u) => u.yunAccount);
  const owners = d.tenantUsers.map((u) => u.accountName);
  let id = d.nextUserGroupId;
  const total = LARGE_USER_GROUPS - d.userGroups.length;
  for (let i = 0; i < total; i++) {
    const type = ((i % 3) + 1) as UserGroupType;
    const accounts = type === 1
      ? [userNames[i % userNames.length] ?? 'user:alice']
      : type === 2 ? [roleNames[i % roleNames.length] ?? 'role:bi_readonly_role'] : ['role_project_dev'];
    d.userGroups.push({
      id,
      name: `bulk_group_${String(i + 1).padStart(5, '0')}`,
      owner: owners[i % owners.length] ?? 'acme_data',
      type,
      accounts,
      projectName: type === 3 ? 'sales_dw' : '',
      createdAt: at(10_000 + i),
      modifiedAt: at(10_000 + i),
    });
    id++;
  }
  d.nextUserGroupId = id;
  d.seed = 'large';
  return d;
}

export function buildSeed(name: SeedName): EmulatorData {
  switch (name) {
    case 'demo': return demo();
    case 'empty': return empty();
    case 'large': return large();
  }
}

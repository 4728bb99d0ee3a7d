// The exact requests the forms send, as the review step shows them and as the API layer puts them on the wire,
// plus the equivalent `aliyun` CLI command. Pure, so the API layer and the forms can share one encoding.
import type { CreateBusinessProcessValues, UserGroupRowValues } from './schemas';

/** One parameter as sent: name and wire string, in sending order. */
export type WireParam = [name: string, value: string];

export interface WireRequest {
  /** The `aliyun` CLI product code. */
  readonly product: 'dataworks-public';
  readonly version: '2020-05-18';
  readonly action: 'CreateDataServiceGroup' | 'DsgUserGroupAddOrUpdate';
  readonly method: 'POST';
  readonly region: string;
  /** Query parameters, in order. */
  readonly query: WireParam[];
  /** Form body parameters (application/x-www-form-urlencoded), in order. */
  readonly body: WireParam[];
}

/** CreateDataServiceGroup takes its parameters in a form body; TenantId is deprecated and never sent. */
export function createDataServiceGroupRequest(input: CreateBusinessProcessValues, region: string): WireRequest {
  return {
    product: 'dataworks-public',
    version: '2020-05-18',
    action: 'CreateDataServiceGroup',
    method: 'POST',
    region,
    query: [],
    body: [
      ['ProjectId', String(input.projectId)],
      ['ApiGatewayGroupId', input.apiGatewayGroupId],
      ['GroupName', input.name],
      // Description is required by the API reference; an empty one is sent as an empty string.
      ['Description', input.description],
    ],
  };
}

/** The UserGroups objects in wire key order: Id?, Name, Owner, Accounts, ProjectName?, UserGroupType. */
export function userGroupsWire(groups: readonly UserGroupRowValues[]): object[] {
  return groups.map((g) => ({
    ...(g.id === undefined ? {} : { Id: g.id }),
    Name: g.name,
    Owner: g.owner,
    Accounts: [...g.accounts],
    ...(g.type === 3 && g.projectName ? { ProjectName: g.projectName } : {}),
    UserGroupType: g.type,
  }));
}

/** DsgUserGroupAddOrUpdate takes the whole array as ONE JSON string in the query (not flattened). */
export function dsgUserGroupAddOrUpdateRequest(groups: readonly UserGroupRowValues[], region: string): WireRequest {
  return {
    product: 'dataworks-public',
    version: '2020-05-18',
    action: 'DsgUserGroupAddOrUpdate',
    method: 'POST',
    region,
    query: [['UserGroups', JSON.stringify(userGroupsWire(groups))]],
    body: [],
  };
}

/** Characters that need no quoting in any POSIX shell. */
const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * POSIX shell quoting: single quotes, with an embedded quote written as '\''. Inside single quotes nothing is
 * special (no $, `, \ or !-expansion in sh/bash scripts), so any string, newlines included, survives literally.
 */
export function shellQuote(value: string): string {
  if (value !== '' && SHELL_SAFE.test(value) && !value.startsWith('-')) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Parameters whose value is free text: always quoted, so the command reads the same whatever the user typed. */
const FREE_TEXT = new Set(['GroupName', 'Description', 'UserGroups']);

/** The `aliyun` CLI command that sends the same request (for POSIX shells). Never contains credentials. */
export function aliyunCliCommand(req: WireRequest): string {
  const parts = ['aliyun', req.product, req.action];
  for (const [name, value] of [...req.query, ...req.body]) {
    parts.push(`--${name}`, FREE_TEXT.has(name) ? `'${value.replace(/'/g, `'\\''`)}'` : shellQuote(value));
  }
  parts.push('--region', shellQuote(req.region));
  return parts.join(' ');
}

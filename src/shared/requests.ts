// The one builder of the two write requests. The review step shows a WireRequest, and src/api/service.ts puts that
// same WireRequest's query and body on the wire (names, values, order), so "this is exactly what will be sent" holds
// by construction; aliyunCliCommand turns it into the equivalent `aliyun` command. Pure: no vscode, no src/api.
import type { UserGroupTypeValue } from './schemas';

/** One parameter as sent: name and wire string, in sending order. */
export type WireParam = [name: string, value: string];

/** Every write request the extension sends (Recent Operations records each). */
export interface WriteRequest {
  /** The `aliyun` CLI product code. */
  readonly product: 'dataworks-public';
  readonly version: '2020-05-18';
  readonly action: 'CreateDataServiceGroup' | 'DsgUserGroupAddOrUpdate' | 'DsgUserGroupDelete';
  readonly method: 'POST';
  readonly region: string;
  /** Query parameters, in order. */
  readonly query: WireParam[];
  /** Form body parameters (application/x-www-form-urlencoded), in order. */
  readonly body: WireParam[];
}

/** The two requests a form reviews before sending. */
export interface WireRequest extends WriteRequest {
  readonly action: 'CreateDataServiceGroup' | 'DsgUserGroupAddOrUpdate';
}

/** A delete: confirmed in a dialog, not reviewed in a form. */
export interface DeleteRequest extends WriteRequest {
  readonly action: 'DsgUserGroupDelete';
}

/** What a business process create needs; the form's checked values and the API layer's input both fit. */
export interface BusinessProcessWire {
  readonly projectId: number;
  readonly apiGatewayGroupId: string;
  readonly name: string;
  readonly description: string;
}

/** One user group of a DsgUserGroupAddOrUpdate request; `id` makes it an update. */
export interface UserGroupWire {
  readonly id?: number | undefined;
  readonly name: string;
  readonly owner: string;
  readonly type: UserGroupTypeValue;
  readonly accounts: readonly string[];
  readonly projectName?: string | undefined;
}

function request<A extends WriteRequest['action']>(action: A, region: string, query: WireParam[], body: WireParam[]): WriteRequest & { action: A } {
  return { product: 'dataworks-public', version: '2020-05-18', action, method: 'POST', region, query, body };
}

/**
 * CreateDataServiceGroup takes its parameters in a form body, in the API reference's order (the server reads the form
 * by name; the order is ours, and the review shows the same one). TenantId is deprecated and never sent.
 */
export function createDataServiceGroupRequest(input: BusinessProcessWire, region: string): WireRequest {
  return request('CreateDataServiceGroup', region, [], [
    ['ProjectId', String(input.projectId)],
    ['ApiGatewayGroupId', input.apiGatewayGroupId],
    ['GroupName', input.name],
    // Description is required by the API reference; an empty one is sent as an empty string.
    ['Description', input.description],
  ]);
}

/**
 * The UserGroups objects in the SDK's key order: Id?, Name, Owner, Accounts, ProjectName?, UserGroupType.
 * ProjectName (a MaxCompute project) only means something for type 3, MaxCompute roles: for types 1 and 2 it is
 * never sent, whatever the caller passes.
 */
export function userGroupsWire(groups: readonly UserGroupWire[]): object[] {
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
export function dsgUserGroupAddOrUpdateRequest(groups: readonly UserGroupWire[], region: string): WireRequest {
  return request('DsgUserGroupAddOrUpdate', region, [['UserGroups', JSON.stringify(userGroupsWire(groups))]], []);
}

/** DsgUserGroupDelete takes the IDs as ONE JSON array string in the query, like UserGroups. */
export function dsgUserGroupDeleteRequest(ids: readonly number[], region: string): DeleteRequest {
  return request('DsgUserGroupDelete', region, [['Ids', JSON.stringify([...ids])]], []);
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
const FREE_TEXT = new Set(['GroupName', 'Description', 'UserGroups', 'Ids']);

/**
 * The `aliyun` CLI command that sends the same request (for POSIX shells). Never contains credentials.
 * The CLI takes any argument starting with `-` for a flag (splitting it at the first `=` or `:`), so a value that
 * starts with `-` is attached as `--Name=value`: the CLI then takes everything after that first `=` as the value.
 */
export function aliyunCliCommand(req: WriteRequest): string {
  const parts = ['aliyun', req.product, req.action];
  for (const [name, value] of [...req.query, ...req.body]) {
    const quoted = FREE_TEXT.has(name) ? `'${value.replace(/'/g, `'\\''`)}'` : shellQuote(value);
    if (value.startsWith('-')) parts.push(`--${name}=${quoted}`);
    else parts.push(`--${name}`, quoted);
  }
  parts.push('--region', shellQuote(req.region));
  return parts.join(' ');
}

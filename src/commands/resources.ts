import type { ResourceRef } from '../tree/node';

// What Copy ID, Copy Name, Copy as JSON and Open in Console take from a resource.

export function resourceId(r: ResourceRef): string {
  switch (r.kind) {
    case 'workspace': return String(r.data.id);
    case 'businessProcess': return r.data.id;
    case 'dataServiceApi': return r.data.id;
    case 'userGroup': return String(r.data.id);
    case 'account': return r.data.account;
  }
}

export function resourceName(r: ResourceRef): string {
  switch (r.kind) {
    case 'workspace': return r.data.identifier;
    case 'businessProcess': return r.data.name;
    case 'dataServiceApi': return r.data.name;
    case 'userGroup': return r.data.name;
    case 'account': return r.data.account;
  }
}

/** What Copy Path copies: only a Data Service API has one. */
export function resourcePath(r: ResourceRef): string | undefined {
  return r.kind === 'dataServiceApi' && r.data.path !== '' ? r.data.path : undefined;
}

/** The domain object with its region; domain types carry no credentials, so the whole object is safe to copy. */
export function resourceJson(r: ResourceRef): string {
  return JSON.stringify({ region: r.region, ...r.data }, null, 2);
}

const CONSOLE = 'https://dataworks.console.aliyun.com';

/**
 * Console pages. The workspace list takes the region; Data Service Studio and Data Security Guard pages are
 * per region too. The console redirects to sign-in when needed.
 */
export function consoleUrl(r: ResourceRef): string | undefined {
  const region = encodeURIComponent(r.region);
  switch (r.kind) {
    case 'workspace':
      return `${CONSOLE}/workspace/list?regionId=${region}&projectId=${r.data.id}`;
    case 'businessProcess':
      return businessProcessConsoleUrl(r.region, r.data.projectId, r.data.id);
    case 'dataServiceApi':
      return dataServiceApiConsoleUrl(r.region, r.data);
    case 'userGroup':
      return userGroupConsoleUrl(r.region, r.data.id);
    case 'account':
      return undefined;
  }
}

/** A workspace's Data Service Studio page; with `groupId`, that business process. */
export function businessProcessConsoleUrl(region: string, projectId: number, groupId?: string): string {
  const group = groupId === undefined ? '' : `&groupId=${encodeURIComponent(groupId)}`;
  return `${CONSOLE}/dataservice?regionId=${encodeURIComponent(region)}&projectId=${projectId}${group}`;
}

/**
 * An API's page in Data Service Studio. Every part from the server is encoded (an ID is text from outside like any
 * other), and a project ID that is not a positive integer gives the region's workspace list instead.
 */
export function dataServiceApiConsoleUrl(region: string, api: { readonly projectId: number; readonly groupId: string; readonly id: string }): string {
  if (!Number.isSafeInteger(api.projectId) || api.projectId <= 0) return consoleHomeUrl(region);
  return `${businessProcessConsoleUrl(region, api.projectId, api.groupId)}&apiId=${encodeURIComponent(api.id)}`;
}

/** The Data Security Guard user groups page; with `id`, that group. */
export function userGroupConsoleUrl(region: string, id?: number): string {
  return `${CONSOLE}/dsg/usergroup?regionId=${encodeURIComponent(region)}${id === undefined ? '' : `&groupId=${id}`}`;
}

export function consoleHomeUrl(region: string): string {
  return `${CONSOLE}/workspace/list?regionId=${encodeURIComponent(region)}`;
}

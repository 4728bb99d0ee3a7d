import type { ResourceRef } from '../tree/node';

// What Copy ID, Copy Name, Copy as JSON and Open in Console take from a resource.

export function resourceId(r: ResourceRef): string {
  switch (r.kind) {
    case 'workspace': return String(r.data.id);
    case 'businessProcess': return r.data.id;
    case 'userGroup': return String(r.data.id);
    case 'account': return r.data.account;
  }
}

export function resourceName(r: ResourceRef): string {
  switch (r.kind) {
    case 'workspace': return r.data.identifier;
    case 'businessProcess': return r.data.name;
    case 'userGroup': return r.data.name;
    case 'account': return r.data.account;
  }
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
      return `${CONSOLE}/dataservice?regionId=${region}&projectId=${r.data.projectId}&groupId=${encodeURIComponent(r.data.id)}`;
    case 'userGroup':
      return `${CONSOLE}/dsg/usergroup?regionId=${region}&groupId=${r.data.id}`;
    case 'account':
      return undefined;
  }
}

export function consoleHomeUrl(region: string): string {
  return `${CONSOLE}/workspace/list?regionId=${encodeURIComponent(region)}`;
}

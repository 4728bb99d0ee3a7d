// Every key of the read cache (readCache.ts) is built here. Invalidation works by prefix, so the shape matters: a
// profile's key is the prefix of all its reads (removal, new credentials), a list's key the prefix of its pages (the
// tree's Refresh, a form's fresh read), and userGroupLists the prefix of every filter's list (after a write). The
// tree (src/tree) and the forms (src/formContext.ts) read the same workspace pages through the same keys.

/** A separator that cannot be typed keeps parts apart: profile names and filters may contain any character. */
const SEP = '\u241f';
const key = (...parts: readonly (string | number)[]): string => parts.map(String).join(SEP) + SEP;

export const cacheKeys = {
  /** Everything read with the profile's credentials. */
  profile: (profile: string): string => key(profile),
  workspaces: (profile: string, region: string): string => key(profile, region, 'workspaces'),
  /** The region's user group list as the tree shows it with `filter` (a server-side name search, '' for none). */
  userGroups: (profile: string, region: string, filter: string): string => key(profile, region, 'userGroups', filter),
  /** Every filter's user group list of the region. */
  userGroupLists: (profile: string, region: string): string => key(profile, region, 'userGroups'),
  businessProcesses: (profile: string, region: string, projectId: number): string => key(profile, region, 'businessProcesses', projectId),
  /** The workspace's Data Service APIs (one list for all its business processes: the API has no group filter). */
  dataServiceApis: (profile: string, region: string, projectId: number): string => key(profile, region, 'dataServiceApis', projectId),
  tenantUsers: (profile: string, region: string): string => key(profile, region, 'tenantUsers'),
  /** A MaxCompute project's roles (no write of ours changes them). */
  maxComputeRoles: (profile: string, region: string, projectName: string): string => key(profile, region, 'maxComputeRoles', projectName),
  /** One page of a list. */
  page: (list: string, pageNumber: number): string => list + key(pageNumber),
} as const;

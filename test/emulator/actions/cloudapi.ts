// CloudAPI (API Gateway) 2016-07-14 DescribeApiGroups, the source of ApiGatewayGroupId.
import { invalidParameter } from '../errors';
import type { ApiGatewayGroupRecord } from '../model';
import type { ActionContext, ActionResult } from './common';
import { cloudApiTime, contains, optionalInt, page } from './common';

function tagFilters(ctx: ActionContext): { key: string; value: string | undefined }[] {
  const byIndex = new Map<string, { key?: string; value?: string }>();
  for (const [k, v] of ctx.params.withPrefix('Tag.')) {
    const m = /^Tag\.(\d+)\.(Key|Value)$/.exec(k);
    if (!m?.[1]) continue;
    const entry = byIndex.get(m[1]) ?? {};
    if (m[2] === 'Key') entry.key = v;
    else entry.value = v;
    byIndex.set(m[1], entry);
  }
  return [...byIndex.values()].map((t) => {
    if (t.key === undefined) throw invalidParameter('Tag.N.Key');
    return { key: t.key, value: t.value };
  });
}

function wire(g: ApiGatewayGroupRecord, region: string): ActionResult {
  return {
    GroupId: g.groupId,
    GroupName: g.groupName,
    Description: g.description,
    BasePath: g.basePath,
    SubDomain: `${g.groupId}-${region}.alicloudapi.com`,
    RegionId: region,
    InstanceId: g.instanceId,
    InstanceType: g.instanceType,
    HttpsPolicy: g.httpsPolicy,
    CreatedTime: cloudApiTime(g.createdAt),
    ModifiedTime: cloudApiTime(g.modifiedAt),
    TrafficLimit: g.trafficLimit,
    BillingStatus: g.billingStatus,
    IllegalStatus: g.illegalStatus,
    Tags: { TagInfo: g.tags.map((t) => ({ ...t })) },
  };
}

export function describeApiGroups(ctx: ActionContext): ActionResult {
  const p = ctx.params;
  const pageNumber = optionalInt(p, 'PageNumber', 1, 1_000_000, 1);
  const pageSize = optionalInt(p, 'PageSize', 1, 50, 10);
  const sort = p.get('Sort') ?? 'desc';
  if (sort !== 'asc' && sort !== 'desc') throw invalidParameter('Sort', 'Valid values: asc, desc.');
  const name = p.get('GroupName') ?? '';
  const groupId = p.get('GroupId') ?? '';
  const instanceId = p.get('InstanceId') ?? '';
  const basePath = p.get('BasePath') ?? '';
  const tags = tagFilters(ctx);
  const dir = sort === 'asc' ? 1 : -1;
  const all = ctx.store.region(ctx.region).apiGatewayGroups
    .filter((g) => contains(g.groupName, name))
    .filter((g) => !groupId || g.groupId === groupId)
    .filter((g) => !instanceId || g.instanceId === instanceId)
    .filter((g) => !basePath || g.basePath === basePath)
    .filter((g) => tags.every((t) => g.tags.some((x) => x.Key === t.key && (t.value === undefined || x.Value === t.value))))
    .sort((a, b) => (a.modifiedAt === b.modifiedAt ? (a.groupId < b.groupId ? -1 : 1) * dir : (a.modifiedAt < b.modifiedAt ? -1 : 1) * dir));
  return {
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: all.length,
    ApiGroupAttributes: { ApiGroupAttribute: page(all, pageNumber, pageSize).map((g) => wire(g, ctx.region)) },
  };
}

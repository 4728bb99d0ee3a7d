// The regions the extension offers, with their names: data both the explorer (dist/core.js) and the API layer
// (dist/deferred.js) use, so it sits in src/base and each chunk carries a copy.
export interface DataWorksRegion {
  readonly id: string;
  readonly nameEn: string;
  readonly nameZh: string;
  /**
   * In the region list of the DataWorks API usage notes (dataworks-api.md §5); every one of these is in the SDK's
   * endpoint map too (src/api/endpoints.ts). The others are offered because an SDK endpoint map listed them at some point:
   * me-east-1 and cn-shenzhen-finance-1 are in the current Go SDK map, cn-wulanchabu, cn-beijing-finance-1,
   * ap-northeast-2 and me-central-1 only in the older TS SDK map (they get the regional pattern and a log line).
   * ap-south-1 and ap-southeast-2 are in the Go map but were dropped from the docs: not offered.
   */
  readonly documented: boolean;
}

const r = (id: string, nameEn: string, nameZh: string, documented: boolean): DataWorksRegion =>
  ({ id, nameEn, nameZh, documented });

/**
 * The regions the pickers offer, documented ones first in the order of the docs. Where each one's calls go
 * (regional host, the central dataworks.aliyuncs.com, or the regional pattern for unmapped ones) is src/api/endpoints.ts.
 */
export const DATAWORKS_REGIONS: readonly DataWorksRegion[] = [
  r('cn-hangzhou', 'China (Hangzhou)', '华东1（杭州）', true),
  r('cn-shanghai', 'China (Shanghai)', '华东2（上海）', true),
  r('cn-shenzhen', 'China (Shenzhen)', '华南1（深圳）', true),
  r('cn-beijing', 'China (Beijing)', '华北2（北京）', true),
  r('cn-zhangjiakou', 'China (Zhangjiakou)', '华北3（张家口）', true),
  r('cn-north-2-gov-1', 'China North 2 Ali Gov', '华北2 阿里政务云1', true),
  r('cn-shanghai-finance-1', 'China East 2 Finance', '华东2 金融云', true),
  r('cn-chengdu', 'China (Chengdu)', '西南1（成都）', true),
  r('cn-hongkong', 'China (Hong Kong)', '中国香港', true),
  r('ap-southeast-1', 'Singapore', '新加坡', true),
  r('ap-southeast-5', 'Indonesia (Jakarta)', '印度尼西亚（雅加达）', true),
  r('us-west-1', 'US (Silicon Valley)', '美国（硅谷）', true),
  r('us-east-1', 'US (Virginia)', '美国（弗吉尼亚）', true),
  r('eu-central-1', 'Germany (Frankfurt)', '德国（法兰克福）', true),
  r('eu-west-1', 'UK (London)', '英国（伦敦）', true),
  r('ap-northeast-1', 'Japan (Tokyo)', '日本（东京）', true),
  r('ap-southeast-3', 'Malaysia (Kuala Lumpur)', '马来西亚（吉隆坡）', true),
  r('cn-wulanchabu', 'China (Ulanqab)', '华北6（乌兰察布）', false),
  r('cn-shenzhen-finance-1', 'China South 1 Finance', '华南1 金融云', false),
  r('cn-beijing-finance-1', 'China North 2 Finance', '华北2 金融云', false),
  r('ap-northeast-2', 'South Korea (Seoul)', '韩国（首尔）', false),
  r('me-east-1', 'UAE (Dubai)', '阿联酋（迪拜）', false),
  r('me-central-1', 'Saudi Arabia (Riyadh)', '沙特（利雅得）', false),
];

/** The region's name in the UI language, or the ID for a region the list does not know. */
export function regionName(regionId: string, chinese: boolean): string {
  const found = DATAWORKS_REGIONS.find((x) => x.id === regionId);
  if (!found) return regionId;
  return chinese ? found.nameZh : found.nameEn;
}

/** Documented regions first, in the docs' order; then those only the SDK's endpoint map has. */
export function regionIds(): readonly string[] {
  return [...DATAWORKS_REGIONS].sort((a, b) => Number(b.documented) - Number(a.documented)).map((r) => r.id);
}

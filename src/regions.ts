import { DATAWORKS_REGIONS } from './api/regions';

/** The region's name in the UI language, or the ID for a region the list does not know. */
export function regionName(regionId: string, chinese: boolean): string {
  const r = DATAWORKS_REGIONS.find((x) => x.id === regionId);
  if (!r) return regionId;
  return chinese ? r.nameZh : r.nameEn;
}

/** Documented regions first, in the docs' order; then those only the SDK's endpoint map has. */
export function regionIds(): readonly string[] {
  return [...DATAWORKS_REGIONS].sort((a, b) => Number(b.documented) - Number(a.documented)).map((r) => r.id);
}

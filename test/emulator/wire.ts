// How the emulator shapes Data Security Guard answers. The SDK models and the API pages disagree (or are silent) on
// these points, so each variant is a switch: the API layer has to cope with all of them (README, "Options").

/** 'body' = HTTP 200 + Success:false, 'http' = the documented 4xx/5xx with the common error body. */
export type DsgErrorStyle = 'body' | 'http';
/** 'pascal' = the SDK models' names; 'camel' = lower camel at every level, as the TS SDK's own `@example` shows. */
export type DsgCase = 'pascal' | 'camel';
/** 'symbolic' = USERGROUP.ID.ERROR …; 'numeric' = "1029030003" … with the server's plain message. */
export type DsgErrorCodes = 'symbolic' | 'numeric';
/** 'sdk' = DsgUserGroupQueryList items exactly as the SDK models them; 'rich' adds UserGroupType and ProjectName. */
export type DsgListShape = 'sdk' | 'rich';
/**
 * 'applied' = DsgUserGroupQueryList honours the `userGroupType` and `ProjectName` filters; 'ignored' = it answers as
 * if they were not sent. The SDK models have both parameters, but nothing says a real service applies them, and the
 * extension learns a group's type from them: this is how tests see a service that does not.
 */
export type DsgKindFilters = 'applied' | 'ignored';

export interface DsgWire {
  errorStyle: DsgErrorStyle;
  errorCodes: DsgErrorCodes;
  keyCase: DsgCase;
  listShape: DsgListShape;
  kindFilters: DsgKindFilters;
}

export const DEFAULT_DSG_WIRE: Readonly<DsgWire> = Object.freeze({
  errorStyle: 'body', errorCodes: 'symbolic', keyCase: 'pascal', listShape: 'sdk', kindFilters: 'applied',
});

/** Setting name (options, admin API) → its allowed values and the field of DsgWire it sets. */
export const DSG_SETTINGS = {
  dsgErrorStyle: { field: 'errorStyle', values: ['body', 'http'] },
  dsgErrorCodes: { field: 'errorCodes', values: ['symbolic', 'numeric'] },
  dsgCase: { field: 'keyCase', values: ['pascal', 'camel'] },
  dsgListShape: { field: 'listShape', values: ['sdk', 'rich'] },
  dsgKindFilters: { field: 'kindFilters', values: ['applied', 'ignored'] },
} as const satisfies Record<string, { field: keyof DsgWire; values: readonly string[] }>;

export type DsgSettings = {
  -readonly [K in keyof typeof DSG_SETTINGS]?: (typeof DSG_SETTINGS)[K]['values'][number];
};

/** Applies the settings present in `input` to `wire`; throws (before changing anything) on a bad value. */
export function applyDsgSettings(wire: DsgWire, input: Record<string, unknown>): void {
  const changes: [keyof DsgWire, string][] = [];
  for (const [name, spec] of Object.entries(DSG_SETTINGS)) {
    const v = input[name];
    if (v === undefined) continue;
    if (typeof v !== 'string' || !(spec.values as readonly string[]).includes(v)) {
      throw new Error(`${name} must be one of ${spec.values.join(', ')}`);
    }
    changes.push([spec.field, v]);
  }
  for (const [field, v] of changes) Object.assign(wire, { [field]: v });
}

export function dsgSettingsOf(wire: DsgWire): Required<DsgSettings> {
  return { dsgErrorStyle: wire.errorStyle, dsgErrorCodes: wire.errorCodes, dsgCase: wire.keyCase, dsgListShape: wire.listShape, dsgKindFilters: wire.kindFilters };
}

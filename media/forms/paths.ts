// Field paths (the `path` of a field error) ↔ the ids of the controls that show them, for both form pages. The ids are
// part of the contract with the UI tests. No DOM and no VS Code API here: plain-Node unit tests import this module.
// Nothing is computed when the module loads, so that each page's bundle keeps only the half of it that page uses.
import type { RawBusinessProcess } from '../../src/shared/schemas';

/** The inputs of one row of the user-group form, named as in its field paths (`groups.<row>.<field>`). */
export type RowField = 'name' | 'owner' | 'type' | 'projectName' | 'accounts';
export const ROW_FIELDS: readonly RowField[] = ['name', 'owner', 'type', 'projectName', 'accounts'];

// The id stem differs from the path segment for one field only: `projectName` is `ug-project-<row>`.
const UG_STEM: Readonly<Record<RowField, string>> = { name: 'name', owner: 'owner', type: 'type', projectName: 'project', accounts: 'accounts' };

/** Control id of an input of row `row`: `ug-project-2`. */
export const ugControlId = (field: RowField, row: number): string => `ug-${UG_STEM[field]}-${row}`;

/** Field path of an input of row `row`: `groups.2.projectName`. */
export const ugPath = (field: RowField, row: number): string => `groups.${row}.${field}`;

/** Which row input a control id is; undefined for any other element (chips, options, the paste box…). */
export function ugRowTarget(id: string): { field: RowField; row: number } | undefined {
  const m = /^ug-([a-z]+)-(\d+)$/.exec(id);
  const field = m ? ROW_FIELDS.find((f) => UG_STEM[f] === m[1]) : undefined;
  return m && field ? { field, row: Number(m[2]) } : undefined;
}

/** Error path → control id: `groups.2.accounts.5` lands on the accounts search box of row 2. */
export function ugControlForPath(path: string): string | undefined {
  const m = /^groups\.(\d+)\.(name|owner|type|projectName|accounts)(\.\d+)?$/.exec(path);
  return m ? ugControlId(m[2] as RowField, Number(m[1])) : undefined;
}

/** The row whose name a path is (`groups.3.name` → 3), else undefined. */
export function ugNameRow(path: string): number | undefined {
  const m = /^groups\.(\d+)\.name$/.exec(path);
  return m ? Number(m[1]) : undefined;
}

export type BpField = keyof RawBusinessProcess;
/** Business-process field path → control id. */
export const BP_IDS: Readonly<Record<BpField, string>> = {
  projectId: 'bp-workspace',
  apiGatewayGroupId: 'bp-apigw',
  name: 'bp-name',
  description: 'bp-description',
};

/**
 * The control of a business-process field path; undefined for errors of the form as a whole. Own keys only: a path
 * such as `constructor` or `toString` must find no control.
 */
export const bpControlForPath = (path: string): string | undefined => (Object.hasOwn(BP_IDS, path) ? BP_IDS[path as BpField] : undefined);

/** The business-process field path of a control id; undefined for any other element. */
export const bpPathOfControl = (id: string): BpField | undefined => (Object.keys(BP_IDS) as BpField[]).find((k) => BP_IDS[k] === id);

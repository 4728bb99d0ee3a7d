// Writes a region's groups as a `*.dwgroups.json` file. Stable bytes: groups sorted by name, accounts sorted,
// fixed key order and indentation, a trailing newline, so exporting the same server state twice gives the same
// file and a diff shows only real changes. A type or project the server did not say is not written: a `//`
// comment says so and the file's own validation then asks the user for it (never guessed).
import type { GroupsSnapshot, SnapshotGroup } from './groupsSnapshot';

export interface ExportOptions {
  /** The `$schema` pointer to write first, when there is one. */
  readonly schema?: string;
}

const q = (v: string): string => JSON.stringify(v);
const byName = (x: SnapshotGroup, y: SnapshotGroup): number => (x.name < y.name ? -1 : x.name > y.name ? 1 : x.id - y.id);
/** A note from the server's side goes into a line comment: one line, no comment terminator games. */
const oneLine = (s: string): string => s.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');

function groupText(g: SnapshotGroup): string {
  const lines: string[] = [`      "name": ${q(g.name)},`, `      "owner": ${q(g.owner)},`];
  if (g.type === undefined) {
    lines.push(`      // The server did not say this group's type${g.note ? ` (${oneLine(g.note)})` : ''}: set "type" (1 Alibaba Cloud account, 2 RAM role, 3 MaxCompute role).`);
  } else {
    lines.push(`      "type": ${g.type},`);
  }
  if (g.type === 3) {
    if (g.projectName === undefined) {
      lines.push(`      // The server did not say this group's MaxCompute project${g.note ? ` (${oneLine(g.note)})` : ''}: set "projectName".`);
    } else {
      lines.push(`      "projectName": ${q(g.projectName)},`);
    }
  }
  const accounts = [...new Set(g.accounts)].sort();
  lines.push(accounts.length === 0 ? '      "accounts": []' : `      "accounts": [\n${accounts.map((a) => `        ${q(a)}`).join(',\n')}\n      ]`);
  return `    {\n${lines.join('\n')}\n    }`;
}

/** The file for `snapshot`. Same snapshot (in any group or account order) → same string. */
export function exportGroupsFile(snapshot: GroupsSnapshot, region: string, opts: ExportOptions = {}): string {
  const groups = [...snapshot.groups].sort(byName);
  const head = [
    ...(opts.schema ? [`  "$schema": ${q(opts.schema)},`] : []),
    `  "region": ${q(region)},`,
  ];
  const body = groups.length === 0 ? '  "groups": []' : `  "groups": [\n${groups.map(groupText).join(',\n')}\n  ]`;
  return `{\n${head.join('\n')}\n${body}\n}\n`;
}

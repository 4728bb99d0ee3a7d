// The JSON schema VS Code uses for `*.dwgroups.json` (completion, hovers), generated from the zod model so that the
// two cannot disagree. The committed schemas/dwgroups.schema.json is this function's output; a unit test fails when
// it is out of date (regenerate: `npx tsx scripts/groupsSchema.ts`). Nothing in the extension's run time imports this
// file: the schema ships as a static file the JSON language service reads.
//
// The extension's own diagnostics stay the authority (they know trimming, duplicates and the server); the schema is
// for editing help. Descriptions are English: a contributed schema is one static file.
import * as z from 'zod/mini';
import { GROUPS_FILE_MAX_GROUPS, groupsFileSchema } from './groupsFile';
import { LIMITS } from './schemas';

type JsonSchema = Record<string, unknown>;

const DESCRIPTIONS: Record<string, string> = {
  '': 'Data Security Guard user groups of one DataWorks region, as they should be. Plan shows what would change; Apply makes the changes. The file never holds an endpoint, a profile or a credential: requests use the active profile.',
  '$schema': 'Editors\' pointer to this schema. Ignored by the extension.',
  'region': 'The region the groups live in, e.g. cn-shanghai. A plan uses the active profile\'s credentials; if its region differs from this one, the editor warns.',
  'prune': 'Delete groups on the server that this file does not name. Default false: groups the file does not name are left alone.',
  'groups': `The user groups, at most ${GROUPS_FILE_MAX_GROUPS}. Matched to the server's groups by name.`,
  'groups.*': 'One user group.',
  'groups.*.name': `The group's name, unique in the file (1-${LIMITS.nameMax} characters, no control characters).`,
  'groups.*.owner': 'The tenant account that owns the group, e.g. alice.',
  'groups.*.type': 'The kind of group: 1 = Alibaba Cloud accounts and RAM users (accounts like "user:alice"), 2 = RAM roles ("role:etl_role"), 3 = MaxCompute roles of projectName. Saving a group with another type converts it.',
  'groups.*.projectName': 'For type 3 only: the MaxCompute project whose role the group maps to (a letter, then letters, digits and underscores).',
  'groups.*.accounts': `The members, 1-${LIMITS.accountsPerGroup}, each once: tenant accounts for types 1 and 2 ("user:alice", "role:etl_role"), MaxCompute role names of projectName for type 3.`,
  'groups.*.accounts.*': 'A tenant account ("user:alice", "role:etl_role") or, for type 3, a MaxCompute role name.',
};

function describe(node: JsonSchema, path: string): void {
  const text = DESCRIPTIONS[path];
  if (text) node.description = text;
  const props = node.properties as Record<string, JsonSchema> | undefined;
  for (const [key, child] of Object.entries(props ?? {})) describe(child, path ? `${path}.${key}` : key);
  const items = node.items as JsonSchema | undefined;
  if (items && typeof items === 'object' && !Array.isArray(items)) describe(items, path ? `${path}.*` : '*');
}

/** The schema as the committed file holds it (draft-07: what VS Code's JSON language service reads fully). */
export function groupsFileJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(groupsFileSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  describe(schema, '');
  const prune = (schema.properties as Record<string, JsonSchema> | undefined)?.prune;
  if (prune) prune.default = false;
  schema.title = 'DataWorks user groups';
  // Completion proposes what an empty file needs first.
  schema.defaultSnippets = [{
    label: 'DataWorks user groups',
    body: { region: '${1:cn-shanghai}', groups: [{ name: '${2:analysts}', owner: '${3:owner-account}', type: 1, accounts: ['${4:user:account}'] }] },
  }];
  return schema;
}

/** The committed file's text. */
export function groupsFileJsonSchemaText(): string {
  return `${JSON.stringify(groupsFileJsonSchema(), null, 2)}\n`;
}

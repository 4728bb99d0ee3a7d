import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupsFileJsonSchema, groupsFileJsonSchemaText } from '../../../src/shared/groupsFileJsonSchema';

const root = join(__dirname, '..', '..', '..');
const committed = join(root, 'schemas', 'dwgroups.schema.json');

type Node = { properties?: Record<string, Node>; items?: Node; description?: string; required?: string[]; additionalProperties?: unknown };

describe('groupsFileJsonSchema: the schema VS Code reads for *.dwgroups.json', () => {
  it('the committed schemas/dwgroups.schema.json is the zod model\'s current output (regenerate: npx tsx scripts/groupsSchema.ts)', () => {
    assert.equal(readFileSync(committed, 'utf8'), groupsFileJsonSchemaText());
  });

  it('describes every property, requires what the zod model requires and refuses unknown properties', () => {
    const s = groupsFileJsonSchema() as Node;
    const group = s.properties?.groups?.items;
    assert.ok(group);
    assert.deepEqual(s.required?.slice().sort(), ['groups', 'region']);
    assert.deepEqual(group.required?.slice().sort(), ['accounts', 'name', 'owner', 'type']);
    assert.equal(s.additionalProperties, false);
    assert.equal(group.additionalProperties, false);
    const undescribed: string[] = [];
    const walk = (n: Node, path: string): void => {
      if (!n.description) undescribed.push(path || '(root)');
      for (const [k, c] of Object.entries(n.properties ?? {})) walk(c, `${path}.${k}`);
      if (n.items) walk(n.items, `${path}[]`);
    };
    walk(s, '');
    assert.deepEqual(undescribed, []);
  });
});

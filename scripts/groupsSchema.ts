// Writes schemas/dwgroups.schema.json from the zod model (test/unit/shared/groupsFileJsonSchema.test.ts checks it).
// Usage: npx tsx scripts/groupsSchema.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupsFileJsonSchemaText } from '../src/shared/groupsFileJsonSchema';

writeFileSync(join(__dirname, '..', 'schemas', 'dwgroups.schema.json'), groupsFileJsonSchemaText());

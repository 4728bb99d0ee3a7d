import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LIMITS, checkBusinessProcess, checkUserGroups, isFieldErrorCode, nameSchema } from '../../../src/shared/schemas';

const N = 1000;
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom('<img src=x onerror=alert(1)>', '"; rm -rf ~', '\u202Eevil', '\u0000', ' \t\n', '${x}', "'", 'x'.repeat(2000)),
);

describe('schemas: properties', function () {
  this.timeout(60_000);

  it(`a name either passes trimmed, 1–64 long, without control characters, or fails with a known code (${N} cases)`, () => {
    fc.assert(fc.property(hostileString, (s) => {
      const r = nameSchema.safeParse(s);
      if (r.success) {
        assert.equal(r.data, s.trim());
        assert.ok(r.data.length >= 1 && r.data.length <= LIMITS.nameMax);
        assert.ok(!/\p{Cc}/u.test(r.data));
      } else {
        for (const i of r.error.issues) assert.ok(isFieldErrorCode(i.message), i.message);
      }
    }), { numRuns: N });
  });

  it(`checkBusinessProcess never throws on any raw values and names only known inputs (${N} cases)`, () => {
    const raw = fc.record({ projectId: fc.string({ maxLength: 20 }), apiGatewayGroupId: hostileString, name: hostileString, description: hostileString });
    fc.assert(fc.property(raw, (r) => {
      const out = checkBusinessProcess(r);
      if (!out.ok) {
        for (const e of out.errors) assert.ok(['projectId', 'apiGatewayGroupId', 'name', 'description'].includes(e.path), e.path);
      }
    }), { numRuns: N });
  });

  it(`checkUserGroups never throws and every error path points at a row input (${N} cases)`, () => {
    const row = fc.record({
      name: hostileString, owner: hostileString, type: fc.constantFrom('', '1', '2', '3', '4', 'x'),
      projectName: hostileString, accounts: fc.array(hostileString, { maxLength: 5 }),
    });
    fc.assert(fc.property(fc.array(row, { minLength: 0, maxLength: 22 }), (rows) => {
      const out = checkUserGroups({ rows });
      if (out.ok) {
        assert.ok(out.value.groups.length >= 1 && out.value.groups.length <= LIMITS.groupsPerRequest);
        for (const g of out.value.groups) {
          assert.ok(g.accounts.length >= 1 && g.accounts.length <= LIMITS.accountsPerGroup);
          if (g.type === 3) assert.ok(g.projectName);
          else assert.equal(g.projectName, undefined);
        }
      } else {
        for (const e of out.errors) assert.match(e.path, /^groups(\.\d+(\.(name|owner|type|projectName|accounts)(\.\d+)?)?)?$/);
      }
    }), { numRuns: N });
  });
});

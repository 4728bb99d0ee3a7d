import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { GROUPS_FILE_MAX_GROUPS } from '../../../src/shared/groupsFile';
import {
  GROUPS_FILE_MAX_CHARS, GROUPS_FILE_MAX_PROBLEMS, locateInGroupsFile, parseGroupsFile,
} from '../../../src/shared/groupsFileText';
import type { GroupsFileProblem } from '../../../src/shared/groupsFileText';

const VALID = `{
  // The Shanghai groups.
  "$schema": "./dwgroups.schema.json",
  "region": "cn-shanghai",
  "groups": [
    { "name": "analysts", "owner": "alice", "type": 1, "accounts": ["bob", "carol",], },
    { "name": "mc-readers", "owner": "alice", "type": 3, "projectName": "sales_dw", "accounts": ["bob"] },
  ],
}`;

/** The text a problem underlines. */
const at = (text: string, p: GroupsFileProblem): string => text.slice(p.offset, p.offset + p.length);
const only = (text: string): GroupsFileProblem => {
  const r = parseGroupsFile(text);
  assert.equal(r.problems.length, 1, JSON.stringify(r.problems));
  assert.equal(r.value, undefined);
  return r.problems[0]!;
};
const group = (fields: string) => `{"region":"cn-shanghai","groups":[{${fields}}]}`;
const OK_GROUP = '"name":"g","owner":"o","type":1,"accounts":["a"]';

describe('groupsFileText: parseGroupsFile', () => {
  it('reads a valid JSONC file (comments, trailing commas) into the checked value', () => {
    const r = parseGroupsFile(VALID);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.value, {
      $schema: './dwgroups.schema.json',
      region: 'cn-shanghai',
      groups: [
        { name: 'analysts', owner: 'alice', type: 1, accounts: ['bob', 'carol'] },
        { name: 'mc-readers', owner: 'alice', type: 3, projectName: 'sales_dw', accounts: ['bob'] },
      ],
    });
    assert.ok(r.tree);
  });

  it('trims values as the form does', () => {
    const r = parseGroupsFile(group('"name":"  g ","owner":" o","type":2,"accounts":[" a "]'));
    assert.deepEqual(r.value?.groups[0], { name: 'g', owner: 'o', type: 2, accounts: ['a'] });
  });

  it('keeps prune only when the file says so', () => {
    assert.equal(parseGroupsFile(group(OK_GROUP)).value?.prune, undefined);
    assert.equal(parseGroupsFile(`{"region":"cn-shanghai","prune":true,"groups":[]}`).value?.prune, true);
  });

  it('places a JSON syntax error on the text and gives no value', () => {
    const text = '{"region": "cn-shanghai" "groups": []}';
    const p = only(text);
    assert.equal(p.code, 'syntax');
    assert.equal(p.syntax, 'CommaExpected');
    assert.equal(at(text, p), '"groups"');
  });

  for (const [text, syntax] of [
    ['', 'ValueExpected'], ['{', 'CloseBraceExpected'], ['{"a": [1, 2}', 'CloseBracketExpected'], ['{} {}', 'EndOfFileExpected'],
    ['{"a": "x\\q"}', 'InvalidEscapeCharacter'], ['{"a": "open', 'UnexpectedEndOfString'], ['/* open', 'UnexpectedEndOfComment'],
    ['{"a": 1.}', 'UnexpectedEndOfNumber'], ['{a: 1}', 'InvalidSymbol'], ['{"a" 1}', 'ColonExpected'],
  ] as const) {
    it(`names the syntax error of ${JSON.stringify(text)} (${syntax})`, () => {
      const r = parseGroupsFile(text);
      assert.equal(r.value, undefined);
      assert.ok(r.problems.length >= 1);
      assert.ok(r.problems.every((p) => p.code === 'syntax' && p.severity === 'error'));
      assert.ok(r.problems.some((p) => p.syntax === syntax), JSON.stringify(r.problems));
    });
  }

  it('puts a missing property on the key of the enclosing object, or the first line of an array element', () => {
    const text = '{\n  "region": "cn-shanghai",\n  "groups": [\n    {\n      "name": "g", "type": 1, "accounts": ["a"]\n    }\n  ]\n}';
    const p = only(text);
    assert.equal(p.code, 'required');
    assert.equal(p.path, 'groups.0.owner');
    assert.equal(at(text, p), '{', 'the first line of the group object only');
    const missingGroups = only('{"region":"cn-shanghai"}');
    assert.equal(missingGroups.path, 'groups');
    assert.equal(missingGroups.code, 'required');
  });

  it('underlines the offending value for each form rule, with the form codes', () => {
    const cases: [string, string, string, string][] = [
      ['"name":"","owner":"o","type":1,"accounts":["a"]', 'groups.0.name', 'required', '""'],
      [`"name":"${'n'.repeat(65)}","owner":"o","type":1,"accounts":["a"]`, 'groups.0.name', 'nameTooLong', `"${'n'.repeat(65)}"`],
      ['"name":"a\\u0007b","owner":"o","type":1,"accounts":["a"]', 'groups.0.name', 'controlCharacters', '"a\\u0007b"'],
      [`"name":"g","owner":"${'o'.repeat(129)}","type":1,"accounts":["a"]`, 'groups.0.owner', 'valueTooLong', `"${'o'.repeat(129)}"`],
      ['"name":"g","owner":"o","type":4,"accounts":["a"]', 'groups.0.type', 'typeRequired', '4'],
      ['"name":"g","owner":"o","type":3,"accounts":["a"]', 'groups.0.projectName', 'projectRequired', '{"name":"g","owner":"o","type":3,"accounts":["a"]}'],
      ['"name":"g","owner":"o","type":3,"projectName":"9x","accounts":["a"]', 'groups.0.projectName', 'projectInvalid', '"9x"'],
      ['"name":"g","owner":"o","type":1,"accounts":[]', 'groups.0.accounts', 'accountsRequired', '[]'],
      ['"name":"g","owner":"o","type":1,"accounts":["a"," a"]', 'groups.0.accounts', 'duplicateAccount', '["a"," a"]'],
      [`"name":"g","owner":"o","type":1,"accounts":[${Array.from({ length: 101 }, (_, i) => `"a${i}"`).join(',')}]`, 'groups.0.accounts', 'tooManyAccounts', ''],
      ['"name":"g","owner":"o","type":1,"accounts":["a",""]', 'groups.0.accounts.1', 'required', '""'],
    ];
    for (const [fields, path, code, underlined] of cases) {
      const text = group(fields);
      const p = only(text);
      assert.equal(p.path, path, fields);
      assert.equal(p.code, code, fields);
      if (underlined) assert.equal(at(text, p), underlined, fields);
    }
  });

  it('says which type a value should have', () => {
    const cases: [string, string, string][] = [
      ['"name":5,"owner":"o","type":1,"accounts":["a"]', 'groups.0.name', 'string'],
      ['"name":"g","owner":"o","type":"1","accounts":["a"]', 'groups.0.type', 'number'],
      ['"name":"g","owner":"o","type":1,"accounts":"a"', 'groups.0.accounts', 'array'],
    ];
    for (const [fields, path, expected] of cases) {
      const p = only(group(fields));
      assert.equal(p.code, 'wrongType', fields);
      assert.equal(p.path, path);
      assert.equal(p.expected, expected);
    }
    assert.equal(only('{"region":"cn-shanghai","prune":"yes","groups":[]}').expected, 'boolean');
    assert.equal(only('{"region":"cn-shanghai","groups":{}}').expected, 'array');
    for (const text of ['null', '1', '"x"', '[1, 2]', '[]']) {
      const p = only(text);
      assert.equal(p.code, 'wrongType', text);
      assert.equal(p.expected, 'object', text);
    }
  });

  it('refuses a property the format does not have, on its key (an endpoint never belongs in the file)', () => {
    const text = '{"region":"cn-shanghai","endpoint":"evil.example.com","groups":[]}';
    const p = only(text);
    assert.equal(p.code, 'unknownProperty');
    assert.equal(p.key, 'endpoint');
    assert.equal(at(text, p), '"endpoint"');
    const inGroup = only(group(`${OK_GROUP},"accessKeySecret":"x"`));
    assert.equal(inGroup.path, 'groups.0.accessKeySecret');
  });

  it('refuses a key written twice, on the second one', () => {
    const text = '{"region":"cn-shanghai","region":"cn-beijing","groups":[]}';
    const p = only(text);
    assert.equal(p.code, 'duplicateKey');
    assert.equal(p.offset, text.lastIndexOf('"region"'));
  });

  it('refuses two groups of one name, on the second name', () => {
    const text = `{"region":"cn-shanghai","groups":[{${OK_GROUP}},{${OK_GROUP.replace('"g"', '" g"')}}]}`;
    const p = only(text);
    assert.equal(p.code, 'duplicateGroupName');
    assert.equal(p.path, 'groups.1.name');
    assert.equal(at(text, p), '" g"');
  });

  it('refuses a bad region', () => {
    for (const region of ['""', '"cn shanghai"', '"../x"', `"${'a'.repeat(80)}"`]) {
      const p = only(`{"region":${region},"groups":[]}`);
      assert.equal(p.path, 'region', region);
      assert.ok(p.code === 'required' || p.code === 'invalid', p.code);
    }
  });

  it('reports every broken value, one problem per value', () => {
    const r = parseGroupsFile('{"region":"","groups":[{"name":"","owner":"","type":0,"accounts":[]}]}');
    assert.deepEqual(r.problems.map((p) => p.path).sort(), ['groups.0.accounts', 'groups.0.name', 'groups.0.owner', 'groups.0.type', 'region']);
  });

  it('refuses an oversized group list as a whole, quickly', () => {
    const text = `{"region":"cn-shanghai","groups":[${Array(GROUPS_FILE_MAX_GROUPS + 1).fill('1').join(',')}]}`;
    const p = only(text);
    assert.equal(p.code, 'tooManyGroups');
    assert.equal(p.path, 'groups');
  });

  it('caps the number of problems', () => {
    const text = `{"region":"cn-shanghai","groups":[${Array(1000).fill('{"name":1}').join(',')}]}`;
    const r = parseGroupsFile(text);
    assert.equal(r.problems.length, GROUPS_FILE_MAX_PROBLEMS);
  });

  it('refuses text beyond the size cap without parsing it', () => {
    const started = Date.now();
    const p = only(' '.repeat(GROUPS_FILE_MAX_CHARS + 1));
    assert.equal(p.code, 'tooLarge');
    assert.ok(Date.now() - started < 1000);
  });

  it('refuses deep nesting without exhausting the stack', () => {
    for (const text of ['['.repeat(200_000), '{"a":'.repeat(100_000), `${'['.repeat(50_000)}${']'.repeat(50_000)}`]) {
      const p = only(text);
      assert.equal(p.code, 'tooDeep');
    }
  });

  it('never treats a key like __proto__ as anything but data', () => {
    const r = parseGroupsFile('{"__proto__":{"polluted":1},"region":"cn-shanghai","groups":[]}');
    assert.equal(r.problems[0]?.code, 'unknownProperty');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('locateInGroupsFile places a path of a parsed file', () => {
    const r = parseGroupsFile(VALID);
    const where = locateInGroupsFile(VALID, r.tree!, ['groups', 1, 'accounts', 0]);
    assert.equal(VALID.slice(where.offset, where.offset + where.length), '"bob"');
    const missing = locateInGroupsFile(VALID, r.tree!, ['groups', 0, 'projectName']);
    assert.ok(missing.offset >= 0 && missing.offset + missing.length <= VALID.length);
  });
});

describe('groupsFileText: properties', function () {
  this.timeout(120_000);
  const check = (text: string) => {
    const r = parseGroupsFile(text);
    for (const p of r.problems) {
      assert.ok(Number.isInteger(p.offset) && Number.isInteger(p.length) && p.offset >= 0 && p.length >= 0, JSON.stringify(p));
      assert.ok(p.offset + p.length <= text.length, JSON.stringify(p));
    }
    assert.equal(r.value === undefined, r.problems.some((p) => p.severity === 'error'));
  };

  it('never throws, and every problem lies within the text (arbitrary strings)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), check), { numRuns: 2000 });
  });

  it('never throws, and every problem lies within the text (JSON-like values and mutations)', () => {
    const str = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('cn-shanghai', 'g', '', ' ', '\u0000', '__proto__'));
    const groupArb = fc.record({
      name: fc.oneof(str, fc.integer()), owner: str, type: fc.oneof(fc.constantFrom(1, 2, 3, 4, '1'), fc.anything()),
      projectName: fc.option(str, { nil: undefined }), accounts: fc.oneof(fc.array(str, { maxLength: 4 }), fc.anything()),
    }, { requiredKeys: [] });
    const file = fc.record({ region: str, prune: fc.oneof(fc.boolean(), fc.anything()), groups: fc.array(groupArb, { maxLength: 4 }) }, { requiredKeys: [] });
    const mutated = fc.tuple(file, fc.nat(), fc.nat({ max: 5 }), fc.string({ maxLength: 3 })).map(([f, at, del, ins]) => {
      const json = JSON.stringify(f, null, 1);
      const i = at % (json.length + 1);
      return json.slice(0, i) + ins + json.slice(i + del);
    });
    fc.assert(fc.property(fc.oneof(file.map((f) => JSON.stringify(f)), mutated, fc.json()), check), { numRuns: 2000 });
  });
});

describe('groupsFileText: the example file', () => {
  it('examples/user-groups.dwgroups.json is valid and names no endpoint, profile or credential', () => {
    const text = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'user-groups.dwgroups.json'), 'utf8');
    const r = parseGroupsFile(text);
    assert.deepEqual(r.problems, []);
    assert.equal(r.value?.region, 'cn-shanghai');
    assert.deepEqual(r.value?.groups.map((g) => g.type), [1, 2, 3]);
  });
});

describe('groupsFileText: problems VS Code\'s JSON support reports too', () => {
  // The oracle: a JSON schema validator with the committed schema, counting characters as code points and reading
  // patterns as Unicode, as VS Code's JSON language service does.
  const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'schemas', 'dwgroups.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  /** Dotted paths of the values the schema rejects (a missing property counts at its own path). */
  const rejectedBySchema = (value: unknown): Set<string> => {
    validate(value);
    return new Set((validate.errors ?? []).map((e) => {
      const at = e.instancePath.split('/').slice(1);
      const params = e.params as { missingProperty?: string; additionalProperty?: string };
      const child = e.keyword === 'required' ? params.missingProperty : e.keyword === 'additionalProperties' ? params.additionalProperty : undefined;
      return [...at, ...(child === undefined ? [] : [child])].join('.');
    }));
  };
  /** Each problem of the file: flagged exactly when the schema rejects the same value. */
  const agrees = (value: unknown): void => {
    const r = parseGroupsFile(JSON.stringify(value));
    const rejected = rejectedBySchema(value);
    for (const p of r.problems) {
      assert.equal(p.alsoReportedByJson === true, rejected.has(p.path), `${p.code} at ${p.path} (schema: ${[...rejected].join(', ')}) in ${JSON.stringify(value)}`);
    }
  };

  const G = { name: 'g', owner: 'o', type: 1, accounts: ['a'] };
  const file = (groups: unknown[], extra: object = {}) => ({ region: 'cn-shanghai', groups, ...extra });

  it('flags what the schema rejects as written, and not what only our trimming or counting rejects', () => {
    const cases: [unknown, string, boolean][] = [
      [file([{ ...G, name: '' }]), 'groups.0.name', true],
      [file([{ ...G, name: '   ' }]), 'groups.0.name', false],
      [file([{ ...G, name: 'x'.repeat(65) }]), 'groups.0.name', true],
      [file([{ ...G, name: '\u{1F600}'.repeat(65) }]), 'groups.0.name', true],
      [file([{ ...G, name: ' \t ' }]), 'groups.0.name', true],
      [file([{ ...G, owner: null }]), 'groups.0.owner', true],
      [file([{ ...G, type: 4 }]), 'groups.0.type', true],
      [file([{ ...G, type: 3 }]), 'groups.0.projectName', false],
      [file([{ ...G, accounts: ['a', 'a'] }]), 'groups.0.accounts', false],
      [file([G, G]), 'groups.1.name', false],
      [file([{ ...G, endpoint: 'x' }]), 'groups.0.endpoint', true],
      [{ region: '  ', groups: [] }, 'region', true],
    ];
    for (const [value, path, flagged] of cases) {
      const p = parseGroupsFile(JSON.stringify(value)).problems.find((x) => x.path === path);
      assert.ok(p, `a problem at ${path} in ${JSON.stringify(value)}`);
      assert.equal(p.alsoReportedByJson === true, flagged, `${p.code} at ${path}`);
      agrees(value);
    }
  });

  it('flags syntax errors and duplicate keys, which VS Code\'s JSON parser reports itself', () => {
    for (const text of ['{ "region": "cn-shanghai" "groups": [] }', '{"region":"cn-shanghai","region":"cn-beijing","groups":[]}']) {
      const r = parseGroupsFile(text);
      assert.ok(r.problems.length > 0);
      assert.ok(r.problems.every((p) => p.alsoReportedByJson), JSON.stringify(r.problems));
    }
  });

  it('agrees with the schema on every rule (generated files)', () => {
    const text = fc.constantFrom('', ' ', '  g  ', 'g', 'x'.repeat(65), 'y'.repeat(129), '\u{1F600}'.repeat(40), '\u{1F600}'.repeat(70), 'a\u0001b', '\t', null, 7);
    const project = fc.constantFrom('sales_dw', ' sales_dw', '1abc', 'p'.repeat(65), '', ' ', null, 3);
    const type = fc.constantFrom(1, 2, 3, 0, 4, 1.5, '1', null);
    const accounts = fc.oneof(fc.array(text, { maxLength: 3 }), fc.constant(Array.from({ length: 101 }, (_, i) => `u${i}`)), fc.constant(['a', 'a']), fc.constantFrom(null, 'a', {}));
    const groupArb = fc.record({ name: text, owner: text, type, projectName: project, accounts, extra: fc.constant(1) }, { requiredKeys: [] });
    const fileArb = fc.record({
      region: fc.constantFrom('cn-shanghai', '', ' ', ' cn-shanghai', 'CN', 'r'.repeat(65), null),
      prune: fc.constantFrom(true, 'yes', null),
      groups: fc.oneof(fc.array(groupArb, { maxLength: 3 }), fc.constantFrom(null, {})),
      endpoint: fc.constant('x'),
    }, { requiredKeys: [] });
    fc.assert(fc.property(fileArb, agrees), { numRuns: 3000 });
  });
});

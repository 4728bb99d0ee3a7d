import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FIELD_ERROR_CODES } from '../../../src/shared/schemas';
import { isFormString, STRING_KEYS } from '../../../src/shared/strings';

const root = path.resolve(__dirname, '../../..');
const source = (f: string): string => fs.readFileSync(path.join(root, 'media/forms', f), 'utf8');
/** The literal keys a page passes to t() (the `err.` keys are built from codes: all of them are sent). */
const usedKeys = (src: string): string[] => [...src.matchAll(/\bt\('([A-Za-z0-9_.-]+)'/g)].map((m) => m[1] ?? '');

describe('l10n: each page gets the texts it uses and no other form\'s', () => {
  for (const [form, file] of [['bp', 'businessProcess.ts'], ['ug', 'userGroup.ts']] as const) {
    it(`${form}: every key of ${file} and formKit.ts is sent, the other form's are not`, () => {
      const used = [...usedKeys(source(file)), ...usedKeys(source('formKit.ts'))];
      assert.ok(used.length > 20, `found ${used.length} keys`);
      assert.deepEqual(used.filter((k) => !isFormString(k, form)), []);
      for (const code of FIELD_ERROR_CODES) assert.ok(isFormString(`err.${code}`, form));
      const other = form === 'bp' ? 'ug' : 'bp';
      assert.ok(STRING_KEYS.filter((k) => k.startsWith(`${other}.`)).every((k) => !isFormString(k, form)));
    });
  }
  it('every key is sent to at least one page', () => {
    assert.deepEqual(STRING_KEYS.filter((k) => !isFormString(k, 'bp') && !isFormString(k, 'ug')), []);
  });
});

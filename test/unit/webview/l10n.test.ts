import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const dir = path.join(root, 'src/webview');

/** Every literal passed to vscode.l10n.t (aliased `t` in strings.ts) in the forms' host code. */
function englishStrings(): Set<string> {
  const out = new Set<string>();
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of src.matchAll(/(?:vscode\.l10n\.t|\bt)\('((?:\\.|[^'\\])*)'/g)) out.add((m[1] ?? '').replace(/\\'/g, "'"));
  }
  return out;
}

describe('l10n: forms.zh-cn.json', () => {
  const zh = JSON.parse(fs.readFileSync(path.join(root, 'l10n/forms.zh-cn.json'), 'utf8')) as Record<string, string>;
  const en = englishStrings();

  it('translates every string of the forms', () => {
    assert.ok(en.size > 50, `found ${en.size} strings`);
    assert.deepEqual([...en].filter((s) => !(s in zh)), []);
  });
  it('has no stale entries', () => {
    assert.deepEqual(Object.keys(zh).filter((s) => !en.has(s)), []);
  });
  it('keeps every placeholder and translates every sentence', () => {
    for (const [k, v] of Object.entries(zh)) {
      const ph = (s: string) => (s.match(/\{\d\}/g) ?? []).sort().join();
      assert.equal(ph(v), ph(k), k);
      assert.ok(v.trim() !== '', k);
      if (/[a-z]{4,}.*\s.*[a-z]{4,}/.test(k)) assert.ok(/[\u4e00-\u9fff]/.test(v), `looks untranslated: ${k}`);
    }
  });
});

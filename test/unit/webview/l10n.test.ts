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

/** Every file under src/, so that a bundle entry no code uses any more is caught. */
function allSources(d = path.join(root, 'src')): string {
  return fs.readdirSync(d, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? allSources(path.join(d, e.name)) : e.name.endsWith('.ts') ? fs.readFileSync(path.join(d, e.name), 'utf8') : ''))
    .join('\n');
}

describe('l10n: the forms in bundle.l10n.zh-cn.json', () => {
  const zh = JSON.parse(fs.readFileSync(path.join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const en = englishStrings();

  it('translates every string of the forms', () => {
    assert.ok(en.size > 50, `found ${en.size} strings`);
    assert.deepEqual([...en].filter((s) => !(s in zh)), []);
  });
  it('has no stale entries anywhere in the bundle', () => {
    const src = allSources();
    const quoted = (s: string) => [`'${s.replace(/'/g, "\\'")}'`, `"${s}"`, `\`${s}\``];
    assert.deepEqual(Object.keys(zh).filter((s) => !quoted(s).some((q) => src.includes(q))), []);
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

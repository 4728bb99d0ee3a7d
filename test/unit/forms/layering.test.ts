import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(__dirname, '../../../src/forms');

function importsOf(src: string): { typeOnly: boolean; from: string }[] {
  return [...src.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)';/gms)].map((m) => ({ typeOnly: Boolean(m[1]), from: m[2] ?? '' }));
}

describe('forms: the controllers run without VS Code', () => {
  it('the scan sees the imports it looks for', () => {
    assert.deepEqual(importsOf("import * as vscode from 'vscode';\nimport type { A } from '../webview/x';"), [
      { typeOnly: false, from: 'vscode' }, { typeOnly: true, from: '../webview/x' },
    ]);
  });

  it('src/forms imports neither `vscode` nor, other than for types, the VS Code adapters in src/webview', () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
    assert.ok(files.length >= 8, files.join());
    const all = files.flatMap((f) => importsOf(fs.readFileSync(path.join(dir, f), 'utf8')).map((i) => ({ ...i, f })));
    assert.ok(all.length > 20, `${all.length} imports`);
    for (const i of all) {
      assert.notEqual(i.from, 'vscode', i.f);
      if (i.from.startsWith('../webview/')) assert.ok(i.typeOnly, `${i.f} imports ${i.from} at run time`);
    }
  });
});

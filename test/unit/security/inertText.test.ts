// Outside text is never markdown, a link or a command (TEAM.md, SECURITY.md). Two halves:
// - inertText itself: what VS Code would make of a text (links in notifications, icons in pickers and the status bar)
//   is gone, and ordinary text is left as it is;
// - every place that hands text to a notification, a progress title, a quick pick or the status bar passes each
//   piece of outside text through inertText. Checked on the source with the TypeScript parser: every value that ends
//   up in such a text must be a literal, a localized string whose arguments pass the same check, a call of
//   inertText, or an expression on the allow-list below (our own values: numbers, region IDs, texts built by us).

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as ts from 'typescript';
import { inertText } from '../../../src/util/inertText';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * VS Code's notification renderer (vs/base/common/linkedText, as of 1.139) links `[label](target)` where the target
 * starts with http://, https://, command: or file: and has no space or `)`. Written out here from its grammar.
 */
const NOTIFICATION_LINK = /\[[^\]]+\]\((?:https?:\/\/|command:|file:)[^)\s]+(?: (["']).+?\1)?\)/i;
/** Quick pick labels and the status bar render `$(name)` (optionally `$(name~spin)`) as an icon. */
const ICON = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/;

describe('inertText', () => {
  it('leaves no notification link and no icon in hostile names', () => {
    for (const hostile of [
      '[Open](command:workbench.action.terminal.new)',
      '[x](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D "title")',
      '[Click](https://evil.example/)', '[f](file:///etc/passwd)', 'a [b](c) [d](COMMAND:e)',
      '$(alert) urgent', '$(sync~spin)', '<https://evil.example>', 'line\nbreak\u202Eevil',
    ]) {
      const out = inertText(hostile);
      assert.doesNotMatch(out, NOTIFICATION_LINK, out);
      assert.doesNotMatch(out, ICON, out);
      assert.doesNotMatch(out, /[\n\r\u202E]|\]\(|command:|https?:\/\/|file:\/|<[^\u200B]/i, out);
      assert.equal(inertText(out), out, 'idempotent');
      // Only invisible characters were added: it reads as it was (controls aside).
      assert.equal(out.replace(/\u200B/g, ''), hostile.replace(/[\n\u202E]/g, ' '));
    }
    assert.equal(inertText('[Open](command:workbench.action.terminal.new)'), '[Open]\u200B(command\u200B:workbench.action.terminal.new)');
  });

  it('leaves ordinary names, messages and Chinese text as they are', () => {
    for (const plain of ['sales_team-01', 'Sales (EU) v2.1', '[draft] sales', 'InvalidParameter: the name is too long', '数据开发组（华东）', 'a: b, file: x', 'cost $5 (approx.)']) {
      assert.equal(inertText(plain), plain);
    }
  });

  it('never lets a notification link or an icon through, whatever the text (property)', () => {
    const pieces = fc.constantFrom('[', ']', '(', ')', 'command:', 'https://', 'file:', '$(', 'x', ' ', '"t"', '~spin', 'a.b', '\\', '<', '>');
    fc.assert(fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 30 }).map((a) => a.join('')), (text) => {
      const out = inertText(text);
      return !NOTIFICATION_LINK.test(out) && !ICON.test(out) && inertText(out) === out;
    }), { numRuns: 3000 });
  });
});

// ---- the source check -------------------------------------------------------------------------------------------

/**
 * Expressions that reach a notification, progress title, quick pick or the status bar without inertText, because
 * they are our own text. Per file; each with the reason. A new entry needs the same scrutiny as the code.
 */
const OWN_TEXT: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'src/commands/deleteUserGroup.ts': {
    'group.id': 'a number',
    'group.accounts.length': 'a number',
  },
  'src/util/progress.ts': { title: 'the parameter of withCancellableProgress, whose callers this scan checks' },
  'src/commands/findUserGroupsOfAccount.ts': {
    'total - loaded': 'a number', calls: 'a number', loaded: 'a number', total: 'a number', searched: 'a number',
    'g.accounts.length': 'a number',
  },
  'src/util/prompts.ts': {
    message: 'the parameter of Prompts.modal, whose callers this scan checks', detail: 'same',
  },
  'src/commands/loadAll.ts': { '(total ?? 0) - loaded': 'a number', 'Math.ceil(Math.max(0, total - loaded) / PAGE_SIZE)': 'a number', loaded: 'a number', total: 'a number' },
  'src/commands/importProfiles.ts': {
    'picks.length': 'a number',
    "skipped.join('; ')": 'built by skipText/skipTexts, which pass every name and mode through inertText',
    "[inertText(p.region ?? DEFAULT_REGION), p.credentials.securityToken ? 'StsToken' : 'AK', p.current ? vscode.l10n.t('current') : undefined].filter(Boolean).join(' · ')":
      'our own words joined, the region through inertText',
  },
  'src/commands/credentialsFlow.ts': { 'regionName(answers.region, isChinese())': 'the name of a region from our own region table' },
  'src/statusBar.ts': { 'this.profiles.activeRegion(profile)': 'the active region ID, one of our region table' },
  'src/commands/pickers.ts': {
    'regionName(id, zh)': 'our region table', id: 'a region ID from our region table',
    "[p.region, p.source === 'environment' ? vscode.l10n.t('environment variables') : p.accessKeyIdHint].filter(Boolean).join(' · ')":
      'a stored region ID and the masked key hint we made (4 + 4 characters)',
    'w.id': 'a number', 'g.id': 'a number',
  },
  'src/commands/showRegions.ts': { 'deps.profiles.activeRegion(profile)': 'the active region ID, one of our region table' },
  'src/extension.ts': {
    'e.message': 'loading our own bundle failed (no outside input reaches it; extension.js stays free of helpers)',
    'String(e)': 'same',
  },
  'src/tree/explorerView.ts': { "filters.join(', ')": 'our own words around the filters, which go through inertText' },
  'src/util/quickInput.ts': {
    's.title': 'the steps of Add Profile / Update Credentials (credentialsFlow.ts): our own text',
    's.placeholder': 'same', 's.initialError': 'same: verification messages pass inertText in credentialsFlow.ts',
    's.validate?.(v)': 'the steps\' own rules (profileNameProblem and the like): our own text',
    's.validate?.(input.value)': 'same',
  },
};

interface Sink {
  readonly file: string;
  readonly line: number;
  readonly what: string;
  readonly expr: ts.Expression;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((f) => {
    const rel = `${dir}/${f}`;
    if (statSync(join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return rel.endsWith('.ts') ? [rel] : [];
  });
}

const MESSAGE_CALLS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage']);
const PICK_PROPS = new Set(['label', 'description', 'detail', 'placeHolder', 'placeholder']);

function property(obj: ts.Expression | undefined, name: string): ts.Expression | undefined {
  if (!obj || !ts.isObjectLiteralExpression(obj)) return undefined;
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && p.name.getText() === name) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return p.name;
  }
  return undefined;
}

function sinksOf(file: string, sf: ts.SourceFile): Sink[] {
  const sinks: Sink[] = [];
  const add = (what: string, expr: ts.Expression | undefined): void => {
    if (expr) sinks.push({ file, line: sf.getLineAndCharacterOfPosition(expr.getStart(sf)).line + 1, what, expr });
  };
  const picks = /showQuickPick|createQuickPick|showPickStep/.test(sf.text);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(sf).split('.').pop() ?? '';
      if (MESSAGE_CALLS.has(callee)) {
        add(callee, node.arguments[0]);
        add(`${callee} detail`, property(node.arguments[1], 'detail'));
      }
      if (callee === 'withProgress') add('progress title', property(node.arguments[0], 'title'));
      // src/util/progress.ts: the title is its first argument.
      if (callee === 'withCancellableProgress') add('progress title', node.arguments[0]);
      // src/util/prompts.ts: a modal's message and detail are its first two arguments.
      if (callee === 'modal') {
        add('modal', node.arguments[0]);
        add('modal detail', node.arguments[1]);
      }
      if (callee === 'report') add('progress message', property(node.arguments[0], 'message'));
    }
    if (picks && ts.isPropertyAssignment(node) && PICK_PROPS.has(node.name.getText(sf))) add(`quick pick ${node.name.getText(sf)}`, node.initializer);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
      const target = node.left.getText(sf);
      if (/^this\.item\.(text|tooltip)$|treeView\.message$|^(input|pick)\.(title|placeholder|validationMessage)$/.test(target)) add(`assignment to ${target}`, node.right);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return sinks;
}

/** The pieces of `expr` that are neither literals, localized texts of safe pieces, nor inertText calls. */
function unsafePieces(expr: ts.Expression, sf: ts.SourceFile, depth = 0): ts.Expression[] {
  const e = ts.isParenthesizedExpression(expr) ? expr.expression : expr;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isNumericLiteral(e)) return [];
  if (e.kind === ts.SyntaxKind.UndefinedKeyword || (ts.isIdentifier(e) && e.text === 'undefined')) return [];
  if (ts.isCallExpression(e)) {
    const callee = e.expression.getText(sf);
    if (callee === 'inertText') return [];
    if (/(^|\.)l10n\.t$/.test(callee)) return e.arguments.slice(1).flatMap((a) => unsafePieces(a, sf, depth));
  }
  if (ts.isTemplateExpression(e)) {
    return e.templateSpans.flatMap((s) => unsafePieces(s.expression, sf, depth));
  }
  if (ts.isConditionalExpression(e)) return [...unsafePieces(e.whenTrue, sf, depth), ...unsafePieces(e.whenFalse, sf, depth)];
  if (ts.isBinaryExpression(e) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(e.operatorToken.kind)) {
    return [...unsafePieces(e.left, sf, depth), ...unsafePieces(e.right, sf, depth)];
  }
  if (ts.isIdentifier(e) && depth < 4) {
    // A local constant: what it was built from.
    const init = declarationOf(e.text, e, sf);
    if (init) return unsafePieces(init, sf, depth + 1);
  }
  return [e];
}

/** The initializer of the nearest `const name = …` before `use` in the same file. */
function declarationOf(name: string, use: ts.Node, sf: ts.SourceFile): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (node.pos > use.pos) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer) found = node.initializer;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('outside text reaches notifications, progress titles, quick picks and the status bar only through inertText', () => {
  const files = sourceFiles('src').filter((f) => !f.startsWith('src/api/') && !f.startsWith('src/shared/'));
  const sinks = files.flatMap((file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    return sinksOf(file, ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
  });

  it('finds the places it checks (the scan itself works)', () => {
    const where = new Set(sinks.map((s) => `${s.file} ${s.what}`));
    for (const expected of [
      'src/commands/deleteUserGroup.ts progress title', 'src/commands/deleteUserGroup.ts showInformationMessage',
      'src/commands/loadAll.ts progress title', 'src/commands/credentialsFlow.ts progress title', 'src/commands/runCommand.ts showErrorMessage',
      'src/webview/formHost.ts showInformationMessage', 'src/webview/formHost.ts showWarningMessage', 'src/webview/groupsPlanPanel.ts modal',
      'src/commands/importProfiles.ts quick pick label', 'src/statusBar.ts assignment to this.item.text',
    ]) assert.ok(where.has(expected), `${expected} not found among ${sinks.length} places`);
  });

  it('every piece is a literal, localized text of checked pieces, inertText(…) or on the allow-list', () => {
    const problems: string[] = [];
    const used = new Set<string>();
    for (const s of sinks) {
      const sf = s.expr.getSourceFile();
      for (const piece of unsafePieces(s.expr, sf)) {
        const text = piece.getText(sf).replace(/\s+/g, ' ');
        const own = OWN_TEXT[s.file]?.[text];
        if (own !== undefined) {
          used.add(`${s.file} ${text}`);
          continue;
        }
        problems.push(`${s.file}:${s.line} ${s.what}: ${text}`);
      }
    }
    assert.deepEqual(problems, [], 'outside text without inertText (wrap it, or add it to OWN_TEXT with the reason)');
    const stale = Object.entries(OWN_TEXT).flatMap(([f, m]) => Object.keys(m).map((k) => `${f} ${k}`)).filter((k) => !used.has(k));
    assert.deepEqual(stale, [], 'allow-list entries that match nothing any more');
  });
});

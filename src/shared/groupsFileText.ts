// The text of a `*.dwgroups.json` file → its value and every problem, each placed on the offending text. One parser
// for the editor's diagnostics, the plan and the apply, so that what the editor underlines is exactly what a plan
// refuses. JSONC: comments and trailing commas are allowed (the file is edited and reviewed by people).
//
// No vscode here: problems are offset ranges; the diagnostics adapter turns them into ranges and sentences.
import { createScanner, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError, SyntaxKind } from 'jsonc-parser';
import { GROUPS_FILE_MAX_GROUPS, groupsFileSchema } from './groupsFile';
import type { GroupsFile } from './groupsFile';
import { isFieldErrorCode, LIMITS } from './schemas';
import type { FieldErrorCode } from './schemas';

/** Beyond this the text is not parsed at all (a region's 5,000 groups of 100 accounts fit in well under it). */
export const GROUPS_FILE_MAX_CHARS = 5_000_000;
/** The format is four levels deep; anything much deeper is not a groups file and must not exhaust the stack. */
export const GROUPS_FILE_MAX_DEPTH = 32;
/** At most this many problems are reported: a broken 5 MB file must not produce a million diagnostics. */
export const GROUPS_FILE_MAX_PROBLEMS = 200;

/**
 * What is wrong, as a code the caller translates: a form rule (FieldErrorCode) or one of the file's own:
 * `syntax` (not JSON: see `syntax`), `wrongType` (see `expected`), `unknownProperty` (not part of the format),
 * `duplicateKey` (a property twice in one object: which one counts would be a guess), `tooLarge`, `tooDeep`.
 */
export type GroupsFileProblemCode = FieldErrorCode | 'syntax' | 'wrongType' | 'unknownProperty' | 'duplicateKey' | 'tooLarge' | 'tooDeep';

export const GROUPS_FILE_SYNTAX_ERRORS = [
  'InvalidSymbol', 'InvalidNumberFormat', 'PropertyNameExpected', 'ValueExpected', 'ColonExpected', 'CommaExpected',
  'CloseBraceExpected', 'CloseBracketExpected', 'EndOfFileExpected', 'InvalidCommentToken', 'UnexpectedEndOfComment',
  'UnexpectedEndOfString', 'UnexpectedEndOfNumber', 'InvalidUnicode', 'InvalidEscapeCharacter', 'InvalidCharacter',
] as const;
export type GroupsFileSyntaxError = (typeof GROUPS_FILE_SYNTAX_ERRORS)[number];

export type GroupsFileExpected = 'string' | 'number' | 'boolean' | 'array' | 'object';

export interface GroupsFileProblem {
  /** Start of the offending text (UTF-16 code units, as VS Code's positionAt counts). */
  readonly offset: number;
  /** Length of the offending text; offset + length never passes the end of the text. */
  readonly length: number;
  readonly code: GroupsFileProblemCode;
  /** Dotted path of the value, e.g. `groups.0.owner`; '' for the file as a whole. */
  readonly path: string;
  readonly severity: 'error' | 'warning';
  /** For `syntax`: which JSON rule the text breaks. */
  readonly syntax?: GroupsFileSyntaxError;
  /** For `wrongType`: what the format expects there. */
  readonly expected?: GroupsFileExpected;
  /** For `unknownProperty` and `duplicateKey`: the property's name (data: show it inert). */
  readonly key?: string;
  /** For the codes of a limit (too long, too many, too large): the limit, in its unit (characters, items, MB). */
  readonly limit?: number;
  /**
   * VS Code's JSON support reports a problem on this value too: a syntax error or duplicate key its parser finds, or a
   * rule of the contributed schema (the same rules, without trimming). The editor shows such a problem once.
   */
  readonly alsoReportedByJson?: true;
}

export interface ParsedGroupsFile {
  /** The checked file (strings trimmed), only when there is no error. */
  readonly value?: GroupsFile;
  readonly problems: GroupsFileProblem[];
  /** The syntax tree, for callers that place their own findings (server checks) on the text. */
  readonly tree?: Node;
}

type Path = readonly (string | number)[];

/** The limit each limit code stands for, so that a sentence can name it without importing the rules. */
const LIMIT_OF: Partial<Record<GroupsFileProblemCode, number>> = {
  nameTooLong: LIMITS.nameMax,
  valueTooLong: LIMITS.accountMax,
  descriptionTooLong: LIMITS.descriptionMax,
  projectInvalid: LIMITS.projectNameMax,
  tooManyAccounts: LIMITS.accountsPerGroup,
  tooManyGroups: GROUPS_FILE_MAX_GROUPS,
  tooLarge: GROUPS_FILE_MAX_CHARS / 1_000_000,
};

const pathString = (path: Path): string => path.map(String).join('.');

/** Cuts a range to the text and to its first line, so that a whole object is not underlined line after line. */
function clip(text: string, offset: number, length: number, firstLineOnly: boolean): { offset: number; length: number } {
  const start = Math.max(0, Math.min(offset, text.length));
  let end = Math.max(start, Math.min(offset + Math.max(0, length), text.length));
  if (firstLineOnly) {
    const nl = text.slice(start, end).search(/[\r\n]/);
    if (nl >= 0) end = start + nl;
  }
  return { offset: start, length: end - start };
}

// SyntaxKind is an ambient const enum, which isolated modules cannot read: its values, from jsonc-parser's typings
// (a unit test feeds nesting through the scanner, so a change of values fails it).
const OPEN_BRACE = 1 as SyntaxKind;
const CLOSE_BRACE = 2 as SyntaxKind;
const OPEN_BRACKET = 3 as SyntaxKind;
const CLOSE_BRACKET = 4 as SyntaxKind;
const EOF = 17 as SyntaxKind;

/** The deepest nesting of the text, stopping as soon as it passes `max` (iterative: safe on any input). */
function nestingBeyond(text: string, max: number): number | undefined {
  const scanner = createScanner(text, false);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      depth++;
      if (depth > max) return scanner.getTokenOffset();
    } else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** The property node (key + value) of `key` directly in `object`, the last one if the key is repeated. */
function propertyOf(object: Node, key: string): Node | undefined {
  let found: Node | undefined;
  for (const p of object.children ?? []) {
    if (p.type === 'property' && p.children?.[0]?.value === key) found = p;
  }
  return found;
}

/**
 * The text a problem at `path` belongs on: the value if it is there; if it is missing, the key of the enclosing
 * property, or else the first line of the enclosing object or array.
 */
function locate(text: string, root: Node, path: Path): { offset: number; length: number } {
  const node = path.length === 0 ? root : findNodeAtLocation(root, [...path]);
  if (node) return clip(text, node.offset, node.length, node.type === 'object' || node.type === 'array');
  for (let n = path.length - 1; n >= 0; n--) {
    const parent = n === 0 ? root : findNodeAtLocation(root, [...path.slice(0, n)]);
    if (!parent) continue;
    const key = parent.parent?.type === 'property' ? parent.parent.children?.[0] : undefined;
    if (key) return clip(text, key.offset, key.length, true);
    return clip(text, parent.offset, parent.length, true);
  }
  return clip(text, root.offset, root.length, true);
}

const EXPECTED: ReadonlySet<string> = new Set<GroupsFileExpected>(['string', 'number', 'boolean', 'array', 'object']);

interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: unknown;
  readonly keys?: readonly string[];
}

/** Duplicate keys anywhere in the tree (iterative). JSON allows them; a reviewer cannot tell which one counts. */
function duplicateKeys(text: string, root: Node, out: GroupsFileProblem[]): void {
  const stack: { node: Node; path: (string | number)[] }[] = [{ node: root, path: [] }];
  while (stack.length > 0 && out.length < GROUPS_FILE_MAX_PROBLEMS) {
    const { node, path } = stack.pop()!;
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const p of node.children ?? []) {
        const key = p.children?.[0];
        const value = p.children?.[1];
        if (!key || typeof key.value !== 'string') continue;
        if (seen.has(key.value)) {
          out.push({ ...clip(text, key.offset, key.length, true), code: 'duplicateKey', path: pathString([...path, key.value]), severity: 'error', key: key.value, alsoReportedByJson: true });
        }
        seen.add(key.value);
        if (value) stack.push({ node: value, path: [...path, key.value] });
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((c, i) => stack.push({ node: c, path: [...path, i] }));
    }
  }
}

/**
 * Whether the contributed schema rejects the raw value that a field rule rejected. It holds the same rules, but on
 * the value as written where ours trim it first, so a blank value can differ. Kept in step with the schema by a test
 * that validates with a JSON schema validator.
 */
function schemaRejectsToo(code: GroupsFileProblemCode, node: Node | undefined, path: Path): boolean {
  // Rules across fields or items, which the schema does not hold.
  if (code === 'duplicateAccount' || code === 'duplicateGroupName') return false;
  // A type 3 group's project: missing or empty passes the schema, blanks do not (its pattern has no spaces).
  if (code === 'projectRequired') return node?.type === 'string' && node.value !== '';
  // A value the schema's type does not allow (null, or the rule's "required" for a value that is missing).
  if (!node || node.type === 'null') return true;
  // Lengths (both count code points), patterns, enums, item counts: trimming cannot turn a value they refuse into one
  // they take. Only "required" for a blank value depends on what the blank is.
  if (code !== 'required') return true;
  const raw = node.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
  // The empty string is below minLength 1; a tab or line break breaks the no-control-characters pattern; the
  // region's pattern refuses spaces as well.
  return raw === '' || (raw !== undefined && (/\p{Cc}/u.test(raw) || (path.length === 1 && path[0] === 'region')));
}

function toProblems(text: string, root: Node, issues: readonly Issue[], out: GroupsFileProblem[]): void {
  const seen = new Set<string>();
  for (const issue of issues) {
    if (out.length >= GROUPS_FILE_MAX_PROBLEMS) return;
    const path = issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
    if (issue.code === 'unrecognized_keys') {
      const object = path.length === 0 ? root : findNodeAtLocation(root, [...path]);
      for (const key of issue.keys ?? []) {
        const prop = object?.type === 'object' ? propertyOf(object, key) : undefined;
        const where = prop?.children?.[0] ? clip(text, prop.children[0].offset, prop.children[0].length, true) : locate(text, root, path);
        out.push({ ...where, code: 'unknownProperty', path: pathString([...path, key]), severity: 'error', key, alsoReportedByJson: true });
      }
      continue;
    }
    const p = pathString(path);
    // One problem per value, the first zod reports (as the forms do).
    if (seen.has(p)) continue;
    seen.add(p);
    const node = path.length === 0 ? root : findNodeAtLocation(root, [...path]);
    const where = locate(text, root, path);
    // A value of the wrong type is "invalid", not "required" (the form rules say required because a form's field is
    // always a string), unless it is null, which is how people write "nothing here".
    if (issue.code === 'invalid_type' && !node) {
      out.push({ ...where, code: 'required', path: p, severity: 'error', alsoReportedByJson: true });
      continue;
    }
    if (issue.code === 'invalid_type' && node && (node.type !== 'null' || path.length === 0) && typeof issue.expected === 'string' && EXPECTED.has(issue.expected)) {
      out.push({ ...where, code: 'wrongType', path: p, severity: 'error', expected: issue.expected as GroupsFileExpected, alsoReportedByJson: true });
      continue;
    }
    if (issue.code === 'invalid_value' && node && node.type !== 'number' && path[path.length - 1] === 'type') {
      out.push({ ...where, code: 'wrongType', path: p, severity: 'error', expected: 'number', alsoReportedByJson: true });
      continue;
    }
    const code = isFieldErrorCode(issue.message) ? issue.message : 'invalid';
    const limit = LIMIT_OF[code];
    out.push({
      ...where, code, path: p, severity: 'error', ...(limit === undefined ? {} : { limit }),
      ...(schemaRejectsToo(code, node, path) ? { alsoReportedByJson: true as const } : {}),
    });
  }
}

/**
 * Parses and checks a groups file. Never throws: any text gives a result, and every problem lies within the text.
 * `value` is set only when there is no error-severity problem.
 */
export function parseGroupsFile(text: string): ParsedGroupsFile {
  if (typeof text !== 'string') return { problems: [{ offset: 0, length: 0, code: 'invalid', path: '', severity: 'error' }] };
  if (text.length > GROUPS_FILE_MAX_CHARS) {
    return { problems: [{ offset: 0, length: 0, code: 'tooLarge', path: '', severity: 'error', limit: GROUPS_FILE_MAX_CHARS / 1_000_000 }] };
  }
  try {
    const deep = nestingBeyond(text, GROUPS_FILE_MAX_DEPTH);
    if (deep !== undefined) return { problems: [{ ...clip(text, deep, 1, true), code: 'tooDeep', path: '', severity: 'error' }] };

    const errors: ParseError[] = [];
    const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
    const problems: GroupsFileProblem[] = [];
    for (const e of errors) {
      if (problems.length >= GROUPS_FILE_MAX_PROBLEMS) break;
      const name = printParseErrorCode(e.error);
      const syntax = (GROUPS_FILE_SYNTAX_ERRORS as readonly string[]).includes(name) ? (name as GroupsFileSyntaxError) : 'InvalidSymbol';
      problems.push({ ...clip(text, e.offset, e.length, true), code: 'syntax', path: '', severity: 'error', syntax, alsoReportedByJson: true });
    }
    // A syntax error makes the tree a guess: report the syntax and nothing the guess would add.
    if (problems.length > 0 || !tree) {
      if (problems.length === 0) problems.push({ offset: 0, length: 0, code: 'syntax', path: '', severity: 'error', syntax: 'ValueExpected' });
      return tree ? { problems, tree } : { problems };
    }
    duplicateKeys(text, tree, problems);
    if (tree.type === 'array' && (tree.children?.length ?? 0) > 0 && problems.length === 0) {
      // Not the format at all; one problem on the first line rather than one per element.
      return { problems: [{ ...clip(text, tree.offset, tree.length, true), code: 'wrongType', path: '', severity: 'error', expected: 'object', alsoReportedByJson: true }], tree };
    }
    const groups = tree.type === 'object' ? findNodeAtLocation(tree, ['groups']) : undefined;
    if (groups?.type === 'array' && (groups.children?.length ?? 0) > GROUPS_FILE_MAX_GROUPS) {
      // Judging every element of an oversized list is work for nothing: the list is refused as a whole.
      problems.push({ ...clip(text, groups.offset, groups.length, true), code: 'tooManyGroups', path: 'groups', severity: 'error', limit: GROUPS_FILE_MAX_GROUPS, alsoReportedByJson: true });
      return { problems, tree };
    }
    const r = groupsFileSchema.safeParse(getNodeValue(tree));
    if (!r.success) toProblems(text, tree, r.error.issues, problems);
    const hasError = problems.some((p) => p.severity === 'error');
    return !hasError && r.success ? { value: r.data, problems, tree } : { problems, tree };
  } catch {
    // Defence in depth (a stack overflow on an input the depth check missed): a problem, never a crash.
    return { problems: [{ offset: 0, length: 0, code: 'invalid', path: '', severity: 'error' }] };
  }
}

/** The text range of a value of a parsed file (e.g. `['groups', 2, 'accounts', 0]`), for callers' own findings. */
export function locateInGroupsFile(text: string, tree: Node, path: Path): { offset: number; length: number } {
  try {
    return locate(text, tree, path);
  } catch {
    return { offset: 0, length: 0 };
  }
}

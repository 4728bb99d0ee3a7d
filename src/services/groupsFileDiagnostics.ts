// Diagnostics and quick fixes of `*.dwgroups.json` files: the text parser's problems (src/shared/groupsFileText.ts,
// reached through dist/deferred.js) as you type, then what only DataWorks can judge (groupsFileCheck.ts) with the
// active profile through the read cache. Started by dist/extension.js when the first groups file is open, never at
// startup. Requests: on open and save only, and only with a profile; while typing, checks use what is already read.
import * as vscode from 'vscode';
import { GROUPS_FILE_SUFFIX } from '../constants';
import type { GroupsFileProblem, GroupsFileProblemCode, locateInGroupsFile, parseGroupsFile } from '../shared/groupsFileText';
import { inertText } from '../util/inertText';
import { checkGroupsFileOnServer, regionFinding } from './groupsFileCheck';
import type { GroupsFileFinding, GroupsFileFindingCode, GroupsFileLookups } from './groupsFileCheck';

export const GROUPS_DIAGNOSTIC_SOURCE = 'DataWorks';
/** Quiet time after the last keystroke before the text is checked again. */
export const GROUPS_CHECK_DEBOUNCE_MS = 300;

/** The parser, from dist/deferred.js. */
export interface GroupsFileParser {
  readonly parseGroupsFile: typeof parseGroupsFile;
  readonly locateInGroupsFile: typeof locateInGroupsFile;
}

export interface GroupsFileDiagnosticsDeps {
  readonly loadParser: () => Promise<GroupsFileParser>;
  /** The active profile and the region it is on (the status bar's), or undefined: then no request at all. */
  readonly activeProfile: () => { readonly name: string; readonly region: string } | undefined;
  /** Fires when the active profile, its region or its credentials change. */
  readonly onDidChangeProfile: vscode.Event<unknown>;
  /** Reads for the file's region with the profile's credentials; `network` false: answers from the cache only. */
  readonly lookups: (profileName: string, region: string, network: boolean) => GroupsFileLookups;
  readonly log: { warn(message: string): void };
}

const t = vscode.l10n.t;

const SYNTAX_TEXT: Record<NonNullable<GroupsFileProblem['syntax']>, () => string> = {
  CommaExpected: () => t('A comma is missing.'),
  ColonExpected: () => t('A colon is missing after the property name.'),
  PropertyNameExpected: () => t('A property name in double quotes is expected.'),
  ValueExpected: () => t('A value is expected.'),
  CloseBraceExpected: () => t('A closing brace is missing.'),
  CloseBracketExpected: () => t('A closing bracket is missing.'),
  EndOfFileExpected: () => t('Nothing may follow the file\'s object.'),
  UnexpectedEndOfString: () => t('This string is not closed.'),
  UnexpectedEndOfComment: () => t('This comment is not closed.'),
  InvalidEscapeCharacter: () => t('This escape sequence is not valid JSON.'),
  InvalidUnicode: () => t('This escape sequence is not valid JSON.'),
  InvalidCharacter: () => t('A string cannot hold a line break or control character; write it as an escape sequence.'),
  InvalidSymbol: () => t('This is not valid JSON.'),
  InvalidNumberFormat: () => t('This is not valid JSON.'),
  UnexpectedEndOfNumber: () => t('This is not valid JSON.'),
  InvalidCommentToken: () => t('This is not valid JSON.'),
};

const EXPECTED_TEXT: Record<NonNullable<GroupsFileProblem['expected']>, () => string> = {
  string: () => t('Expected a string.'),
  number: () => t('Expected a number.'),
  boolean: () => t('Expected true or false.'),
  array: () => t('Expected a list in square brackets.'),
  object: () => t('Expected an object in braces.'),
};

/** The sentence of a parser problem; the form's sentences where they fit a file, the file's own otherwise. */
export function problemText(p: GroupsFileProblem): string {
  const key = inertText(p.key ?? '');
  const limit = p.limit ?? 0;
  const texts: Record<GroupsFileProblemCode, () => string> = {
    syntax: () => SYNTAX_TEXT[p.syntax ?? 'InvalidSymbol'](),
    wrongType: () => EXPECTED_TEXT[p.expected ?? 'object'](),
    unknownProperty: () => t('{0} is not part of the groups file format (it never holds an endpoint, a profile or a credential).', key),
    duplicateKey: () => t('{0} is written twice in this object; keep one.', key),
    tooLarge: () => t('This file is too large to check (over {0} MB).', limit),
    tooDeep: () => t('This file nests too deeply to be a groups file.'),
    required: () => t('This field is required.'),
    nameTooLong: () => t('Enter at most {0} characters.', limit),
    descriptionTooLong: () => t('Enter at most {0} characters.', limit),
    valueTooLong: () => t('Enter at most {0} characters.', limit),
    controlCharacters: () => t('Remove control characters such as line breaks.'),
    typeRequired: () => t('Use type 1 (Alibaba Cloud accounts and RAM users), 2 (RAM roles) or 3 (MaxCompute roles).'),
    projectRequired: () => t('A type 3 group needs projectName: the MaxCompute project that holds the roles.'),
    projectInvalid: () => t('Use a letter followed by letters, digits or underscores (at most {0} characters).', limit),
    accountsRequired: () => t('Add at least one account.'),
    tooManyAccounts: () => t('A group can have at most {0} accounts.', limit),
    duplicateAccount: () => t('An account is listed twice.'),
    tooManyGroups: () => t('A groups file can hold at most {0} groups.', limit),
    duplicateGroupName: () => t('Another group in this file has the same name.'),
    workspaceRequired: () => t('This value is not valid.'),
    apiGatewayGroupIdInvalid: () => t('This value is not valid.'),
    nameTaken: () => t('This value is not valid.'),
    groupNotLoaded: () => t('This value is not valid.'),
    invalid: () => t('This value is not valid.'),
  };
  return texts[p.code]();
}

/** The sentence of a server finding; every name in it is outside text. */
export function findingText(f: GroupsFileFinding): string {
  const [a = '', b = '', c = ''] = f.args.map(inertText);
  const texts: Record<GroupsFileFindingCode, () => string> = {
    otherRegion: () => t('This file is for region {0}, but the active profile {1} is on {2}. Plan and Apply would read and change the groups of {0}, with the credentials of {1}.', a, b, c),
    unknownOwner: () => t('{0} is not an account of this tenant.', a),
    unknownAccount: () => t('{0} is not an account of this tenant.', a),
    accountIsRole: () => t('{0} is a RAM role: type 1 groups hold Alibaba Cloud accounts and RAM users. Use type 2 for roles.', a),
    accountIsNotRole: () => t('{0} is not a RAM role: type 2 groups hold RAM roles such as role:name.', a),
    unknownRole: () => t('MaxCompute project {1} has no role {0}.', a, b),
    notChecked: () => t('Owners, accounts and roles were not checked against DataWorks: the request failed. Save the file to try again.'),
  };
  return texts[f.code]();
}

const severity = (s: 'error' | 'warning' | 'info'): vscode.DiagnosticSeverity =>
  s === 'error' ? vscode.DiagnosticSeverity.Error : s === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;

/**
 * Whether VS Code's JSON support checks this document with the contributed schema: then it already shows syntax
 * errors and the schema's rules, and ours would only repeat them.
 */
export function jsonValidates(doc: vscode.TextDocument): boolean {
  return (doc.languageId === 'json' || doc.languageId === 'jsonc')
    && vscode.workspace.getConfiguration('json', doc.uri).get<boolean>('validate.enable', true) !== false;
}

export function isGroupsFile(doc: vscode.TextDocument): boolean {
  return (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled') && doc.uri.path.toLowerCase().endsWith(GROUPS_FILE_SUFFIX);
}

interface DocState {
  timer?: ReturnType<typeof setTimeout>;
  abort?: AbortController;
  /** Quick fixes of the last check: replacement names per diagnostic range. */
  fixes: Map<string, readonly string[]>;
}

const rangeKey = (r: vscode.Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

export class GroupsFileDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];
  private readonly collection = vscode.languages.createDiagnosticCollection('dataworks-groups');
  private readonly docs = new Map<string, DocState>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: GroupsFileDiagnosticsDeps) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0, true)),
      vscode.workspace.onDidSaveTextDocument((d) => this.schedule(d, 0, true)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document, GROUPS_CHECK_DEBOUNCE_MS, false);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      deps.onDidChangeProfile(() => this.checkAll(true)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('json.validate.enable')) this.checkAll(false);
      }),
      vscode.languages.registerCodeActionsProvider(
        [{ scheme: 'file', pattern: `**/*${GROUPS_FILE_SUFFIX}` }, { scheme: 'untitled', pattern: `**/*${GROUPS_FILE_SUFFIX}` }],
        this,
        { providedCodeActionKinds: GroupsFileDiagnostics.providedCodeActionKinds },
      ),
    );
    this.checkAll(true);
  }

  /** Checks every open groups file again (started, profile changed). */
  checkAll(network: boolean): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0, network);
  }

  /** Resolves when the document's current check is done (tests). */
  async checkNow(doc: vscode.TextDocument, network = true): Promise<void> {
    await this.check(doc, network);
  }

  private schedule(doc: vscode.TextDocument, delayMs: number, network: boolean): void {
    if (!isGroupsFile(doc)) return;
    const state = this.state(doc.uri);
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.check(doc, network);
    }, delayMs);
  }

  private state(uri: vscode.Uri): DocState {
    const key = uri.toString();
    let s = this.docs.get(key);
    if (!s) {
      s = { fixes: new Map() };
      this.docs.set(key, s);
    }
    return s;
  }

  private forget(uri: vscode.Uri): void {
    const s = this.docs.get(uri.toString());
    if (s?.timer) clearTimeout(s.timer);
    s?.abort?.abort();
    this.docs.delete(uri.toString());
    this.collection.delete(uri);
  }

  private async check(doc: vscode.TextDocument, network: boolean): Promise<void> {
    if (doc.isClosed || !isGroupsFile(doc)) return;
    const state = this.state(doc.uri);
    state.abort?.abort();
    const abort = new AbortController();
    state.abort = abort;
    const version = doc.version;
    const current = (): boolean => !abort.signal.aborted && !doc.isClosed && doc.version === version;
    try {
      const parser = await this.deps.loadParser();
      if (!current()) return;
      const text = doc.getText();
      const parsed = parser.parseGroupsFile(text);
      // What the JSON service reports is shown once, by it; the plan and the apply still refuse on every problem.
      const repeated = jsonValidates(doc);
      const diagnostics = parsed.problems
        .filter((p) => !(repeated && p.alsoReportedByJson))
        .map((p) => this.diagnostic(doc, p.offset, p.length, problemText(p), p.severity, p.code));
      const fixes = new Map<string, readonly string[]>();
      const tree = parsed.tree;
      const place = (findings: readonly GroupsFileFinding[]): void => {
        for (const f of findings) {
          const at = tree ? parser.locateInGroupsFile(text, tree, f.path) : { offset: 0, length: 0 };
          const d = this.diagnostic(doc, at.offset, at.length, findingText(f), f.severity, f.code);
          diagnostics.push(d);
          if (f.suggestions?.length) fixes.set(rangeKey(d.range), f.suggestions);
        }
      };
      const profile = parsed.value && parsed.tree ? this.deps.activeProfile() : undefined;
      if (profile && parsed.value) {
        const region = regionFinding(parsed.value, profile.name, profile.region);
        if (region) place([region]);
      }
      this.publish(doc, state, diagnostics, fixes);
      if (!profile || !parsed.value) return;
      const lookups = this.deps.lookups(profile.name, parsed.value.region, network);
      const findings = await checkGroupsFileOnServer(parsed.value, lookups, abort.signal);
      if (!current()) return;
      place(findings);
      this.publish(doc, state, diagnostics, fixes);
    } catch (e) {
      // The checks never take the editor down; what failed is in the log (redacted there).
      this.deps.log.warn(`[groups file] check failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private publish(doc: vscode.TextDocument, state: DocState, diagnostics: vscode.Diagnostic[], fixes: Map<string, readonly string[]>): void {
    if (doc.isClosed) return;
    state.fixes = fixes;
    this.collection.set(doc.uri, [...diagnostics]);
  }

  private diagnostic(doc: vscode.TextDocument, offset: number, length: number, message: string, level: 'error' | 'warning' | 'info', code: string): vscode.Diagnostic {
    const range = new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + length));
    const d = new vscode.Diagnostic(range, message, severity(level));
    d.source = GROUPS_DIAGNOSTIC_SOURCE;
    d.code = code;
    return d;
  }

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const fixes = this.docs.get(doc.uri.toString())?.fixes;
    if (!fixes) return [];
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== GROUPS_DIAGNOSTIC_SOURCE) continue;
      for (const [i, name] of (fixes.get(rangeKey(d.range)) ?? []).entries()) {
        const action = new vscode.CodeAction(t('Change to {0}', inertText(name)), vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        // The name goes in as a JSON string: quotes and backslashes in it stay data.
        action.edit.replace(doc.uri, d.range, JSON.stringify(name));
        action.diagnostics = [d];
        action.isPreferred = i === 0;
        actions.push(action);
      }
    }
    return actions;
  }

  dispose(): void {
    for (const s of this.docs.values()) {
      if (s.timer) clearTimeout(s.timer);
      s.abort?.abort();
    }
    this.docs.clear();
    for (const d of this.disposables) d.dispose();
  }
}

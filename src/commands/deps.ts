import type * as vscode from 'vscode';
import type { ProfileStore } from '../auth/profileStore';
import type { AuthState } from '../services/authState';
import type { ReportError } from '../services/errorReporter';
import type { ReadCache } from '../services/readCache';
import type { OperationStore } from '../services/operationStore';
import type { ServiceProvider } from '../services/serviceProvider';
import type { GroupKindCache } from '../services/userGroupKind';
import type { ExplorerModel } from '../tree/explorerModel';
import type { ExplorerView } from '../tree/explorerView';
import type { OperationNode } from '../tree/operationsView';
import type { FormContext } from '../webview/forms';
import type { Locale } from '../base/errors';
import type { Logger } from '../util/log';
import type { Prompts } from '../util/prompts';
import type { Redactor } from '../util/redact';

/** What Add Profile remembers after a cancel or a failed verification: never a secret. */
export interface AddProfileDraft {
  name?: string;
  region?: string;
  accessKeyId?: string;
}

/**
 * The services every command may use, built once by createCore() (src/core.ts): on the first command, tree question
 * or restored form after activation, not in activate(), which only registers.
 */
export interface Deps {
  readonly context: vscode.ExtensionContext;
  readonly channel: vscode.LogOutputChannel;
  readonly log: Logger;
  readonly redactor: Redactor;
  readonly profiles: ProfileStore;
  readonly services: ServiceProvider;
  readonly cache: ReadCache;
  readonly model: ExplorerModel;
  readonly view: ExplorerView;
  readonly auth: AuthState;
  /** User groups' types and projects as the server's answers settled them (the list does not carry them). */
  readonly groupKinds: GroupKindCache;
  readonly drafts: { addProfile?: AddProfileDraft };
  /** Recent Operations: every write, kept across restarts. */
  readonly operations: { readonly store: OperationStore; readonly view: vscode.TreeView<OperationNode> };
  locale(): Locale;
  /** The one way a failure is logged and a rejected key marked (see createErrorReporter). */
  readonly reportError: ReportError;
  /** The forms' view of the active profile; throws a UserFacingError without one. */
  formContext(): FormContext;
  /** Modal questions (util/prompts.ts): what the extension-host tests answer. */
  readonly prompts: Prompts;
}

export type CommandHandler = (...args: unknown[]) => unknown;
export type CommandFactory = (deps: Deps) => CommandHandler;

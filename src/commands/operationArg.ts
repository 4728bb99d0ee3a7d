import * as vscode from 'vscode';
import type { OperationEntry } from '../services/operations';
import type { OperationNode } from '../tree/operationsView';
import { UserFacingError } from '../util/errors';
import type { Deps } from './deps';

function entryOf(v: unknown): OperationEntry | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const n = v as Partial<OperationNode>;
  return (n.kind === 'operation' || n.kind === 'detail') && typeof n.entry?.id === 'string' ? n.entry : undefined;
}

/** The operation a Recent Operations command acts on (its row, or the row selected), as the store holds it now. */
export function operationArg(deps: Deps, arg: unknown): OperationEntry {
  const entry = entryOf(arg) ?? deps.operations.view.selection.map(entryOf).find((e) => e !== undefined);
  if (!entry) throw new UserFacingError(vscode.l10n.t('Select an operation in Recent Operations first.'));
  return deps.operations.store.get(entry.id) ?? entry;
}

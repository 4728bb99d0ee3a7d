// The Recent Operations view: one row per write (newest first) with its outcome, children with the details.
// Every text that came from outside (names, owners, accounts, server messages) is a plain TreeItem string: the tree
// renders no markdown, links or icons in labels, descriptions and string tooltips.
import * as vscode from 'vscode';
import { NodeContext } from '../constants';
import type { OperationEntry, OperationStatus } from '../services/operations';
import { operationTarget } from '../services/operations';
import type { OperationStore } from '../services/operationStore';

export type OperationNode =
  | { readonly kind: 'operation'; readonly entry: OperationEntry }
  | { readonly kind: 'detail'; readonly entry: OperationEntry; readonly key: string; readonly label: string; readonly value: string; readonly icon: string };

export function isOperationNode(v: unknown): v is Extract<OperationNode, { kind: 'operation' }> {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'operation' && typeof (v as { entry?: { id?: unknown } }).entry?.id === 'string';
}

export function actionLabel(entry: OperationEntry): string {
  switch (entry.input.action) {
    case 'createBusinessProcess': return vscode.l10n.t('Create business process');
    case 'saveUserGroups': return entry.input.groups.some((g) => g.id !== undefined) ? vscode.l10n.t('Update user group') : vscode.l10n.t('Add user groups');
    case 'deleteUserGroups': return vscode.l10n.t('Delete user groups');
  }
}

export function statusLabel(status: OperationStatus): string {
  switch (status) {
    case 'running': return vscode.l10n.t('Running');
    case 'succeeded': return vscode.l10n.t('Succeeded');
    case 'failed': return vscode.l10n.t('Failed');
    case 'unknown': return vscode.l10n.t('Unknown outcome');
  }
}

function statusIcon(status: OperationStatus): vscode.ThemeIcon {
  switch (status) {
    case 'running': return new vscode.ThemeIcon('loading~spin');
    case 'succeeded': return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'failed': return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    case 'unknown': return new vscode.ThemeIcon('question', new vscode.ThemeColor('list.warningForeground'));
  }
}

const time = (ms: number): string => new Date(ms).toLocaleString(vscode.env.language);

function details(entry: OperationEntry): OperationNode[] {
  const rows: [key: string, label: string, value: string, icon: string][] = [];
  rows.push(['requestId', vscode.l10n.t('Request ID'), entry.requestId ?? vscode.l10n.t('none received'), 'key']);
  if (entry.error) rows.push(['error', entry.error.code, entry.error.message, 'warning']);
  const input = entry.input;
  switch (input.action) {
    case 'createBusinessProcess':
      rows.push(['name', vscode.l10n.t('Name'), input.name, 'symbol-namespace']);
      rows.push(['workspace', vscode.l10n.t('Workspace ID'), String(input.projectId), 'folder']);
      rows.push(['apiGroup', vscode.l10n.t('API Gateway group'), input.apiGatewayGroupId, 'cloud']);
      if (entry.createdId) rows.push(['createdId', vscode.l10n.t('Business process ID'), entry.createdId, 'symbol-key']);
      break;
    case 'saveUserGroups':
      input.groups.forEach((g, i) => rows.push([
        `group-${i}`, g.name,
        [g.id === undefined ? vscode.l10n.t('new') : vscode.l10n.t('ID {0}', g.id), vscode.l10n.t('owner {0}', g.owner), vscode.l10n.t('{0} account(s)', g.accounts.length)].join(' · '),
        'organization',
      ]));
      break;
    case 'deleteUserGroups':
      rows.push(['ids', vscode.l10n.t('User group IDs'), input.ids.join(', '), 'organization']);
      break;
  }
  if (entry.recovered) rows.push(['recovered', vscode.l10n.t('Answer lost'), vscode.l10n.t('the result was found by a lookup, not by resending'), 'search']);
  if (entry.interrupted) rows.push(['interrupted', vscode.l10n.t('Interrupted'), vscode.l10n.t('the window was reloaded or closed before the answer arrived'), 'debug-disconnect']);
  if (entry.verified) {
    const found = entry.verified.found === 'all' ? vscode.l10n.t('carried out') : entry.verified.found === 'none' ? vscode.l10n.t('not carried out') : vscode.l10n.t('partly carried out');
    rows.push(['verified', vscode.l10n.t('Verified {0}', time(entry.verified.at)), found, 'check-all']);
  }
  return rows.map(([key, label, value, icon]) => ({ kind: 'detail', entry, key, label, value, icon }));
}

export class OperationsProvider implements vscode.TreeDataProvider<OperationNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly store: OperationStore) {
    this.subscription = store.onDidChange(() => this.emitter.fire(undefined));
  }

  async getChildren(element?: OperationNode): Promise<OperationNode[]> {
    if (!element) return (await this.store.list()).map((entry) => ({ kind: 'operation', entry }));
    return element.kind === 'operation' ? details(element.entry) : [];
  }

  getParent(element: OperationNode): OperationNode | undefined {
    return element.kind === 'detail' ? { kind: 'operation', entry: element.entry } : undefined;
  }

  getTreeItem(node: OperationNode): vscode.TreeItem {
    if (node.kind === 'detail') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.id = `${node.entry.id}/${node.key}/${node.entry.updatedAt}`;
      item.description = node.value;
      item.tooltip = `${node.label}: ${node.value}`;
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.contextValue = NodeContext.operationDetail;
      return item;
    }
    const e = node.entry;
    const item = new vscode.TreeItem(`${actionLabel(e)}: ${operationTarget(e.input)}`, vscode.TreeItemCollapsibleState.Collapsed);
    // The status is part of the id: a row whose outcome changed is drawn anew (icon, menus) by VS Code.
    item.id = `${e.id}/${e.status}/${e.updatedAt}`;
    item.description = [statusLabel(e.status), time(e.startedAt), e.profile, e.region].join(' · ');
    item.tooltip = [
      `${actionLabel(e)}: ${operationTarget(e.input)}`,
      vscode.l10n.t('Outcome: {0}', statusLabel(e.status)),
      vscode.l10n.t('Started: {0}', time(e.startedAt)),
      vscode.l10n.t('Profile: {0}', e.profile),
      vscode.l10n.t('Region: {0}', e.region),
      vscode.l10n.t('Request ID: {0}', e.requestId ?? '-'),
      ...(e.error ? [`${e.error.code}: ${e.error.message}`] : []),
    ].join('\n');
    item.iconPath = statusIcon(e.status);
    item.contextValue = `${NodeContext.operation}.${e.status}${e.requestId ? '+rid' : ''}`;
    item.accessibilityInformation = { label: `${actionLabel(e)} ${operationTarget(e.input)}, ${statusLabel(e.status)}` };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

// Reaching the explorer's internals from extension-host tests: through the handle activate() returns in test mode.
import type * as vscode from 'vscode';
import type { DataWorksTestApi, DataWorksTestHandle } from '../../src/extension';
import type { TreeNode } from '../../src/tree/node';
import { activateLikeAUser, emulator } from './helpers';

export type { DataWorksTestApi, TreeNode };

export async function explorerApi(): Promise<DataWorksTestApi> {
  const ext: vscode.Extension<unknown> = await activateLikeAUser();
  const handle = ext.exports as DataWorksTestHandle | undefined;
  if (!handle) throw new Error('activate() returned no test handle: is the extension running in test mode?');
  return handle.testApi();
}

export async function children(api: DataWorksTestApi, node?: TreeNode): Promise<TreeNode[]> {
  return (await api.tree.getChildren(node)) ?? [];
}

export function labels(nodes: readonly TreeNode[]): string[] {
  return nodes.map((n) => n.view().label);
}

export function find(nodes: readonly TreeNode[], label: string): TreeNode {
  const node = nodes.find((n) => n.view().label === label);
  if (!node) throw new Error(`no node "${label}" among ${labels(nodes).join(', ')}`);
  return node;
}

/** Requests per action the emulator has answered so far. */
export async function emulatorCounts(): Promise<Record<string, number>> {
  const res = await fetch(`${emulator.url ?? ''}/__admin/counts`);
  return (await res.json()) as Record<string, number>;
}

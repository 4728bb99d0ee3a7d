import type { TreeNode } from '../tree/node';
import type { CommandFactory } from './deps';

/** Title bar: reload everything of the active profile; on a node: reload that node. */
export const refresh: CommandFactory = (deps) => (arg?: unknown) => {
  const node = typeof arg === 'object' && arg !== null && 'id' in arg ? (arg as TreeNode) : undefined;
  if (!node) {
    const profile = deps.profiles.active();
    if (profile) deps.auth.clear(profile.name);
    deps.services.clear();
  }
  deps.model.refresh(node);
};

import type { ResourceRef, TreeNode } from '../tree/node';

/** The resource of the node a menu passed, if it stands for one. */
export function resourceArg(arg: unknown): ResourceRef | undefined {
  if (typeof arg !== 'object' || arg === null || !('id' in arg)) return undefined;
  return (arg as TreeNode).resource;
}

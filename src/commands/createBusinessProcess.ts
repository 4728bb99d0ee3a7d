import { WorkspaceNode } from '../tree/resourceNodes';
import { openBusinessProcessForm } from '../webview/forms';
import { nodeArg, requireProfile } from './pickers';
import type { CommandFactory } from './deps';

/** From a workspace: the form with that workspace chosen; from the palette: the form lets the user pick one. */
export const createBusinessProcess: CommandFactory = (deps) => (arg?: unknown) => {
  const profile = requireProfile(deps);
  const node = nodeArg(arg, WorkspaceNode);
  const region = node?.resource.region ?? deps.profiles.activeRegion(profile);
  openBusinessProcessForm(deps.formContext(), node ? { region, projectId: node.workspace.id } : { region });
};

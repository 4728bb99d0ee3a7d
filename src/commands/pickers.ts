import * as vscode from 'vscode';
import type { Profile } from '../auth/profile';
import { regionIds, regionName } from '../base/regions';
import { isChinese } from '../services/settings';
import type { UserGroupsFolderNode } from '../tree/folderNodes';
import type { TreeNode } from '../tree/node';
import type { UserGroupNode, WorkspaceNode } from '../tree/resourceNodes';
import { UserCancelledError, UserFacingError } from '../util/errors';
import type { Deps } from './deps';
import { inertText } from '../util/inertText';

export function requireProfile(deps: Deps): Profile {
  const profile = deps.profiles.active();
  if (!profile) throw new UserFacingError(vscode.l10n.t('Add a DataWorks profile first.'));
  return profile;
}

/** The node passed by a menu or a tree click, when it is of the wanted class. */
export function nodeArg<T extends TreeNode>(arg: unknown, cls: abstract new (...args: never[]) => T): T | undefined {
  return arg instanceof cls ? arg : undefined;
}

export function regionItems(selected: readonly string[]): (vscode.QuickPickItem & { id: string })[] {
  const zh = isChinese();
  return regionIds().map((id) => ({ id, label: regionName(id, zh), description: id, picked: selected.includes(id) }));
}

export async function pickProfile(deps: Deps, placeHolder: string, filter: (p: Profile) => boolean = () => true): Promise<Profile> {
  const active = deps.profiles.active()?.name;
  const items = deps.profiles.list().filter(filter).map((p) => ({
    label: inertText(p.name),
    description: [p.region, p.source === 'environment' ? vscode.l10n.t('environment variables') : p.accessKeyIdHint].filter(Boolean).join(' · '),
    detail: p.name === active ? vscode.l10n.t('Active profile') : undefined,
    profile: p,
  }));
  if (items.length === 0) throw new UserFacingError(vscode.l10n.t('There is no profile to choose from.'));
  const pick = await vscode.window.showQuickPick(items, { placeHolder, ignoreFocusOut: true });
  if (!pick) throw new UserCancelledError();
  return pick.profile;
}

/** The region's (by default the active region's) User Groups folder, with its node created even while the view was never shown. */
export async function userGroupsFolder(deps: Deps, inRegion?: string): Promise<{ folder: UserGroupsFolderNode; region: string }> {
  const profile = requireProfile(deps);
  const region = inRegion ?? deps.profiles.activeRegion(profile);
  await deps.model.roots();
  const folder = deps.model.region(region)?.userGroups;
  if (!folder) throw new UserFacingError(vscode.l10n.t('The credentials of profile {0} are missing or unreadable. Enter them again.', profile.name));
  return { folder, region };
}

/** Palette fallback for commands that work on a workspace: the active region's workspaces. */
export async function pickWorkspace(deps: Deps, placeHolder: string): Promise<WorkspaceNode> {
  const profile = requireProfile(deps);
  const region = deps.profiles.activeRegion(profile);
  await deps.model.roots();
  const folder = deps.model.region(region)?.workspaces;
  if (!folder) throw new UserFacingError(vscode.l10n.t('The credentials of profile {0} are missing or unreadable. Enter them again.', profile.name));
  await folder.children();
  const items = folder.loadedItems.map((w) => ({ label: inertText(w.name || w.identifier), description: inertText(w.identifier), detail: `ID ${w.id}`, id: w.id }));
  if (items.length === 0) throw new UserFacingError(vscode.l10n.t('No workspaces in this region.'));
  const pick = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, ignoreFocusOut: true });
  if (!pick) throw new UserCancelledError();
  const node = folder.findWorkspace(pick.id);
  if (!node) throw new UserCancelledError();
  return node;
}

/** Palette fallback for commands that work on a user group. */
export async function pickUserGroup(deps: Deps, placeHolder: string): Promise<UserGroupNode> {
  const { folder } = await userGroupsFolder(deps);
  await folder.children();
  const items = folder.loadedItems.map((g) => ({ label: inertText(g.name), description: inertText(g.owner), detail: `ID ${g.id}`, id: g.id }));
  if (items.length === 0) throw new UserFacingError(vscode.l10n.t('No user groups in this region.'));
  const pick = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, ignoreFocusOut: true });
  if (!pick) throw new UserCancelledError();
  const node = folder.findGroup((g) => g.id === pick.id);
  if (!node) throw new UserCancelledError();
  return node;
}

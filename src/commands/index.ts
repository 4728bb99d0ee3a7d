import type { CommandId } from '../constants';
import { Commands } from '../constants';
import { addProfile } from './addProfile';
import { addUserGroup } from './addUserGroup';
import { clearFilter } from './clearFilter';
import { copyAsJson } from './copyAsJson';
import { copyId } from './copyId';
import { copyName } from './copyName';
import { copyPath } from './copyPath';
import { createBusinessProcess } from './createBusinessProcess';
import { deleteUserGroup } from './deleteUserGroup';
import type { CommandFactory } from './deps';
import { editUserGroup } from './editUserGroup';
import { filterUserGroups } from './filterUserGroups';
import { filterWorkspaces } from './filterWorkspaces';
import { importProfiles } from './importProfiles';
import { loadAll } from './loadAll';
import { loadMore } from './loadMore';
import { openInConsole } from './openInConsole';
import { refresh } from './refresh';
import { removeProfile } from './removeProfile';
import { retry } from './retry';
import { showLogs } from './showLogs';
import { showRegions } from './showRegions';
import { switchProfile } from './switchProfile';
import { switchRegion } from './switchRegion';
import { updateCredentials } from './updateCredentials';
import { copyRequestId } from './copyRequestId';
import { showOperationRequest } from './showOperationRequest';
import { openOperationInConsole } from './openOperationInConsole';
import { verifyOperation } from './verifyOperation';
import { retryOperation } from './retryOperation';
import { clearOperations } from './clearOperations';
import { refreshOperations } from './refreshOperations';
import { groupsPlan } from './groupsPlan';
import { groupsApply } from './groupsApply';
import { groupsExport } from './groupsExport';
import { findUserGroupsOfAccount } from './findUserGroupsOfAccount';

/**
 * The handler of every command: dist/extension.js registers each id of `Commands` and hands the call to dist/core.js,
 * which runs it from here. package.json contributes exactly these (a test checks both ways).
 */
export const COMMAND_TABLE: Readonly<Record<CommandId, CommandFactory>> = {
  [Commands.addProfile]: addProfile,
  [Commands.importProfiles]: importProfiles,
  [Commands.switchProfile]: switchProfile,
  [Commands.switchRegion]: switchRegion,
  [Commands.removeProfile]: removeProfile,
  [Commands.updateCredentials]: updateCredentials,
  [Commands.showRegions]: showRegions,
  [Commands.refresh]: refresh,
  [Commands.retry]: retry,
  [Commands.loadMore]: loadMore,
  [Commands.loadAll]: loadAll,
  [Commands.filterUserGroups]: filterUserGroups,
  [Commands.filterWorkspaces]: filterWorkspaces,
  [Commands.clearFilter]: clearFilter,
  [Commands.createBusinessProcess]: createBusinessProcess,
  [Commands.addUserGroup]: addUserGroup,
  [Commands.editUserGroup]: editUserGroup,
  [Commands.deleteUserGroup]: deleteUserGroup,
  [Commands.copyId]: copyId,
  [Commands.copyName]: copyName,
  [Commands.copyAsJson]: copyAsJson,
  [Commands.copyPath]: copyPath,
  [Commands.openInConsole]: openInConsole,
  [Commands.showLogs]: showLogs,
  [Commands.copyRequestId]: copyRequestId,
  [Commands.showOperationRequest]: showOperationRequest,
  [Commands.openOperationInConsole]: openOperationInConsole,
  [Commands.verifyOperation]: verifyOperation,
  [Commands.retryOperation]: retryOperation,
  [Commands.clearOperations]: clearOperations,
  [Commands.refreshOperations]: refreshOperations,
  [Commands.groupsPlan]: groupsPlan,
  [Commands.groupsApply]: groupsApply,
  [Commands.groupsExport]: groupsExport,
  [Commands.findUserGroupsOfAccount]: findUserGroupsOfAccount,
};

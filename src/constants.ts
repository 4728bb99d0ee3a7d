// One source of truth for identifiers shared by package.json, the code and the tests. No vscode import:
// the unit tests read it too.

export const EXTENSION_ID = 'dataworks-tools.dataworks-vscode';
export const VIEW_CONTAINER_ID = 'dataworks';
export const EXPLORER_VIEW_ID = 'dataworks.explorer';
export const OPERATIONS_VIEW_ID = 'dataworks.operations';
/** The read-only documents of Show Request (Recent Operations). */
export const OPERATION_DOC_SCHEME = 'dataworks-operation';
export const OUTPUT_CHANNEL_NAME = 'DataWorks';

export const Commands = {
  addProfile: 'dataworks.addProfile',
  importProfiles: 'dataworks.importProfiles',
  switchProfile: 'dataworks.switchProfile',
  switchRegion: 'dataworks.switchRegion',
  removeProfile: 'dataworks.removeProfile',
  updateCredentials: 'dataworks.updateCredentials',
  showRegions: 'dataworks.showRegions',
  refresh: 'dataworks.refresh',
  retry: 'dataworks.retry',
  loadMore: 'dataworks.loadMore',
  loadAll: 'dataworks.loadAll',
  filterUserGroups: 'dataworks.filterUserGroups',
  filterWorkspaces: 'dataworks.filterWorkspaces',
  clearFilter: 'dataworks.clearFilter',
  createBusinessProcess: 'dataworks.createBusinessProcess',
  addUserGroup: 'dataworks.addUserGroup',
  editUserGroup: 'dataworks.editUserGroup',
  deleteUserGroup: 'dataworks.deleteUserGroup',
  copyId: 'dataworks.copyId',
  copyName: 'dataworks.copyName',
  copyAsJson: 'dataworks.copyAsJson',
  copyPath: 'dataworks.copyPath',
  openInConsole: 'dataworks.openInConsole',
  showLogs: 'dataworks.showLogs',
  copyRequestId: 'dataworks.copyRequestId',
  showOperationRequest: 'dataworks.showOperationRequest',
  openOperationInConsole: 'dataworks.openOperationInConsole',
  verifyOperation: 'dataworks.verifyOperation',
  retryOperation: 'dataworks.retryOperation',
  clearOperations: 'dataworks.clearOperations',
  refreshOperations: 'dataworks.refreshOperations',
  groupsPlan: 'dataworks.groups.plan',
  groupsApply: 'dataworks.groups.apply',
  groupsExport: 'dataworks.groups.export',
  findUserGroupsOfAccount: 'dataworks.findUserGroupsOfAccount',
} as const;

/** The webview panel types of the two forms; package.json activates on `onWebviewPanel:` of each. */
export const FORM_VIEW_TYPE = { businessProcess: 'dataworks.form.businessProcess', userGroup: 'dataworks.form.userGroup' } as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

export const ContextKeys = {
  hasProfile: 'dataworks.hasProfile',
  hasFilter: 'dataworks.hasFilter',
} as const;

/** TreeItem.contextValue of each node kind; package.json menus match on these. */
export const NodeContext = {
  region: 'dataworks.region',
  workspacesFolder: 'dataworks.workspacesFolder',
  userGroupsFolder: 'dataworks.userGroupsFolder',
  workspace: 'dataworks.workspace',
  businessProcess: 'dataworks.businessProcess',
  /** A Data Service API under its business process (read-only). */
  dataServiceApi: 'dataworks.dataServiceApi',
  userGroup: 'dataworks.userGroup',
  account: 'dataworks.account',
  loadMore: 'dataworks.loadMore',
  placeholder: 'dataworks.placeholder',
  error: 'dataworks.error',
  /** An error because the credentials were rejected or are gone: offers Sign In Again too. */
  credentialsError: 'dataworks.credentialsError',
  signIn: 'dataworks.signIn',
  /** A Recent Operations row: `dataworks.operation.<status>`, plus `+rid` when it has a request ID. */
  operation: 'dataworks.operation',
  operationDetail: 'dataworks.operationDetail',
} as const;

export const Settings = {
  section: 'dataworks',
  endpointOverride: 'endpointOverride',
  cacheTtlSeconds: 'cacheTtlSeconds',
  requestsPerSecond: 'requestsPerSecond',
  useVpcEndpoint: 'useVpcEndpoint',
  languageModelToolsEnabled: 'languageModelTools.enabled',
} as const;

export const DEFAULT_CACHE_TTL_SECONDS = 300;
export const DEFAULT_REQUESTS_PER_SECOND = 4;
/** The DataWorks list APIs accept at most 100 per page. */
export const PAGE_SIZE = 100;

export const README_URL = 'https://github.com/dataworks-tools/dataworks-vscode#readme';

/**
 * The language model tools (Copilot agent mode); package.json contributes exactly these (a unit test checks both
 * ways). Registered at activation as stubs (src/extension.ts); run by src/commands/lmTools.ts.
 */
export const LM_TOOL_NAMES = [
  'dataworks_listWorkspaces',
  'dataworks_listBusinessProcesses',
  'dataworks_listUserGroups',
  'dataworks_getUserGroup',
  'dataworks_findUserGroupsOfAccount',
  'dataworks_listTenantUsers',
  'dataworks_proposeBusinessProcess',
  'dataworks_proposeUserGroupChanges',
] as const;
export type LmToolName = (typeof LM_TOOL_NAMES)[number];
/** The UI test's way to call a tool: registered only with the test wiring (src/extension.ts), not in package.json. */
export const LM_TOOL_TEST_COMMAND = 'dataworks.test.invokeLmTool';
/** User groups as code: the file name pattern VS Code matches (jsonValidation, CodeLens, diagnostics) and its suffix. */
export const GROUPS_FILE_GLOB = '**/*.dwgroups.json';
export const GROUPS_FILE_SUFFIX = '.dwgroups.json';

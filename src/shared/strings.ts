// The keys of the texts the host translates and sends to the webviews in `init`, so the webviews need no l10n
// runtime. The host's table is typed Record<StringKey, string>: a key added here and not translated fails to compile.
import type { FieldErrorCode } from './schemas';

export const STRING_KEYS = [
  'common.review', 'common.back', 'common.sending', 'common.loading', 'common.reload', 'common.request',
  'common.action', 'common.region', 'common.parameter', 'common.value', 'common.cli', 'common.copyCli',
  'common.copyId', 'common.reveal', 'common.requestId', 'common.errorCode', 'common.draftRestored', 'common.clear',
  'common.noMatches', 'common.loadFailed', 'common.manualEntry', 'common.truncated', 'common.errorSummary',
  'common.checking', 'common.optional', 'common.reviewIntro', 'common.sendingStatus', 'common.serverSaid',
  'bp.title', 'bp.intro', 'bp.workspace', 'bp.workspaceHint', 'bp.selectWorkspace', 'bp.apiGroupList',
  'bp.apiGroupListHint', 'bp.apiGroupPick', 'bp.apiGroupId', 'bp.apiGroupIdHint', 'bp.name', 'bp.nameHint',
  'bp.nameFree', 'bp.description', 'bp.descriptionHint', 'bp.create', 'bp.successTitle', 'bp.recovered',
  'bp.groupId', 'bp.another', 'bp.ambiguousTitle', 'bp.verdict.created', 'bp.verdict.not-created',
  'bp.verdict.unknown', 'bp.workspaceN',
  'ug.titleAdd', 'ug.titleEdit', 'ug.intro', 'ug.group', 'ug.name', 'ug.nameHint', 'ug.owner', 'ug.ownerHint',
  'ug.type', 'ug.type1', 'ug.type2', 'ug.type3', 'ug.typeUnknown', 'ug.typeResolving', 'ug.typeSelect', 'ug.projectUnknown', 'ug.projectNotListed', 'ug.project', 'ug.projectHint', 'ug.loadRoles',
  'ug.accounts', 'ug.accountsHint', 'ug.selected', 'ug.noneSelected', 'ug.remove', 'ug.paste', 'ug.pasteHint',
  'ug.pasteAdd', 'ug.pasteUnknown', 'ug.pasteAdded', 'ug.pasteUnchecked', 'ug.notInList', 'ug.addRow',
  'ug.removeRow', 'ug.rowLimit', 'ug.save', 'ug.successTitle', 'ug.savedId', 'ug.idUnknown', 'ug.again',
  'ug.changes', 'ug.field', 'ug.before', 'ug.after', 'ug.added', 'ug.removed', 'ug.nameTakenBy', 'ug.rolesFirst',
  'ug.moreMatches',
] as const;

export type StringKey = (typeof STRING_KEYS)[number] | `err.${FieldErrorCode}`;

/** Whether a form's page uses a text: the common ones, the field errors, and its own (`bp.` or `ug.`). */
export function isFormString(key: string, form: 'bp' | 'ug'): boolean {
  return !/^(bp|ug)\./.test(key) || key.startsWith(`${form}.`);
}

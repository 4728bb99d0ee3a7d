import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SkippedCliProfile } from '../auth/cliConfig';
import { cliConfigPath, readCliConfig } from '../auth/cliConfig';
import { DEFAULT_REGION } from '../auth/environment';
import { ENVIRONMENT_PROFILE_NAME } from '../auth/profile';
import { UserCancelledError, UserFacingError } from '../util/errors';
import { inertText } from '../util/inertText';
import type { CommandFactory } from './deps';

/** Why a profile was skipped; undefined for an invalid name, which is only counted (the name is never shown). */
function skipText(s: SkippedCliProfile): string | undefined {
  const name = inertText(s.name) || vscode.l10n.t('(no name)');
  switch (s.reason.kind) {
    case 'unsupportedMode': return vscode.l10n.t('{0}: mode {1} is not supported (only AK and StsToken)', name, inertText(s.reason.mode));
    case 'incomplete': return vscode.l10n.t('{0}: missing {1}', name, s.reason.missing.join(', '));
    case 'noName': return vscode.l10n.t('{0}: the profile has no name', name);
    case 'invalidRegion': return vscode.l10n.t('{0}: region_id is not a valid region ID (lower-case letters, digits and dashes, such as cn-hangzhou)', name);
    case 'invalidName': return undefined;
  }
}

function skipTexts(skipped: readonly SkippedCliProfile[]): string[] {
  const texts = skipped.map(skipText).filter((t): t is string => t !== undefined);
  const invalid = skipped.filter((s) => s.reason.kind === 'invalidName').length;
  if (invalid > 0) {
    texts.push(vscode.l10n.t('{0} profile(s) whose name is not a valid profile name (a line break, "/", more than 64 characters, or a name used twice)', invalid));
  }
  return texts;
}

/** Copies AK and StsToken profiles of the Alibaba Cloud CLI into our store. Never writes the CLI's file. */
export const importProfiles: CommandFactory = (deps) => async () => {
  const file = cliConfigPath(os.homedir(), (...parts) => path.join(...parts));
  const result = await readCliConfig(file, (p) => fs.readFile(p, 'utf8'), async (p) => (await fs.stat(p)).size);
  if (!result.ok) {
    switch (result.problem) {
      case 'missing': throw new UserFacingError(vscode.l10n.t('No Alibaba Cloud CLI configuration found at {0}.', file));
      case 'unreadable': throw new UserFacingError(vscode.l10n.t('Cannot read {0}: {1}', file, result.detail ?? ''));
      case 'tooLarge': throw new UserFacingError(vscode.l10n.t('{0} is {1} MB, too large for an Alibaba Cloud CLI configuration (at most 1 MB). It was not read.', file, (result.bytes / 1024 / 1024).toFixed(1)));
      case 'malformed': throw new UserFacingError(result.at
        ? vscode.l10n.t('{0} is not valid JSON (line {1}, column {2}).', file, result.at.line, result.at.column)
        : vscode.l10n.t('{0} is not a valid Alibaba Cloud CLI configuration: it has no "profiles" list.', file));
    }
  }
  const skipped = skipTexts(result.skipped);
  for (const s of skipped) deps.log.info(`CLI import skipped ${s}`);
  if (result.profiles.length === 0) {
    throw new UserFacingError(vscode.l10n.t('No profile in {0} can be imported. {1}', file, skipped.join('; ')));
  }
  const existing = new Set(deps.profiles.list().filter((p) => p.source === 'stored').map((p) => p.name));
  const items = result.profiles.map((p) => {
    const own = p.name === ENVIRONMENT_PROFILE_NAME ? `${p.name} (CLI)` : p.name;
    // Add Profile refuses names that differ only in case: such a profile is the one it replaces.
    const name = [...existing].find((e) => e.toLowerCase() === own.toLowerCase()) ?? own;
    return {
      label: inertText(name),
      description: [inertText(p.region ?? DEFAULT_REGION), p.credentials.securityToken ? 'StsToken' : 'AK', p.current ? vscode.l10n.t('current') : undefined].filter(Boolean).join(' · '),
      detail: existing.has(name) ? vscode.l10n.t('Replaces the existing profile of this name') : undefined,
      picked: !existing.has(name),
      candidate: p,
      name,
    };
  });
  const picks = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: vscode.l10n.t('Import Profiles from Alibaba Cloud CLI'),
    placeHolder: skipped.length ? vscode.l10n.t('Skipped: {0}', skipped.join('; ')) : vscode.l10n.t('Select the profiles to import'),
    ignoreFocusOut: true,
  });
  if (!picks || picks.length === 0) throw new UserCancelledError();
  for (const pick of picks) {
    const c = pick.candidate;
    await deps.profiles.save({ name: pick.name, region: c.region ?? DEFAULT_REGION, mode: c.credentials.securityToken ? 'sts' : 'ak' }, c.credentials);
    deps.log.info(`Imported CLI profile ${pick.name}`);
  }
  deps.services.clear();
  const current = picks.find((p) => p.candidate.current) ?? picks[0];
  if (current && existing.size === 0) await deps.profiles.setActive(current.name);
  const message = vscode.l10n.t('Imported {0} profile(s) from the Alibaba Cloud CLI.', picks.length);
  void vscode.window.showInformationMessage(skipped.length ? `${message} ${vscode.l10n.t('Skipped: {0}', skipped.join('; '))}` : message);
};

import * as vscode from 'vscode';
import type { ProfileStore } from './auth/profileStore';
import { Commands } from './constants';
import type { AuthState } from './services/authState';
import { inertText } from './util/inertText';

/** `$(cloud) profile@region`; click switches profile; error colours while the server rejects the credentials. */
export class ProfileStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('dataworks.profile', vscode.StatusBarAlignment.Left, 50);

  constructor(private readonly profiles: ProfileStore, private readonly auth: AuthState) {
    this.item.name = vscode.l10n.t('DataWorks Profile');
    this.item.command = Commands.switchProfile;
    this.update();
  }

  update(): void {
    const profile = this.profiles.active();
    if (!profile) {
      this.item.hide();
      return;
    }
    const region = this.profiles.activeRegion(profile);
    const rejected = this.auth.isRejected(profile.name);
    this.item.text = `$(cloud) ${inertText(profile.name)}@${region}`;
    this.item.tooltip = rejected
      ? vscode.l10n.t('DataWorks: the credentials of profile {0} were rejected. Click to switch profile.', inertText(profile.name))
      : vscode.l10n.t('DataWorks profile {0} in {1}. Click to switch profile.', inertText(profile.name), region);
    this.item.backgroundColor = rejected ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.color = rejected ? new vscode.ThemeColor('statusBarItem.errorForeground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

import * as vscode from 'vscode';
import type { Credentials } from '../api';
import type { AskStep, Verdict, WizardAnswers, WizardStep } from '../auth/credentialsWizard';
import { runCredentialsWizard } from '../auth/credentialsWizard';
import { withCancellableProgress } from '../util/progress';
import { BACK } from '../util/steps';
import { DEFAULT_REGION } from '../auth/environment';
import type { Profile } from '../auth/profile';
import type { ProfileNameProblem } from '../auth/profileStore';
import { profileNameProblem } from '../auth/profileStore';
import { stepForRejection } from '../auth/verification';
import { regionName } from '../base/regions';
import { isChinese } from '../services/settings';
import { classify } from '../base/errors';
import { showPickStep, showTextStep } from '../util/quickInput';
import { regionItems } from './pickers';
import type { Deps } from './deps';
import { inertText } from '../util/inertText';

function nameProblemText(p: ProfileNameProblem): string {
  switch (p) {
    case 'empty': return vscode.l10n.t('Enter a profile name.');
    case 'tooLong': return vscode.l10n.t('The name is too long (at most 64 characters).');
    case 'invalid': return vscode.l10n.t('The name cannot contain slashes, tabs or line breaks.');
    case 'reserved': return vscode.l10n.t('"Environment" is reserved for the environment-variable profile.');
    case 'duplicate': return vscode.l10n.t('A profile with this name exists already.');
  }
}

/**
 * Add Profile, and Sign In Again for an existing profile (`existing`). The key is verified with one cheap
 * call before anything is saved; a rejected key sends the user back to the step to fix, with the server's
 * verdict shown on it. On cancel the non-secret answers are kept so that the next run resumes.
 */
export async function runCredentialsFlow(deps: Deps, existing?: Profile): Promise<void> {
  const draft = existing ? undefined : deps.drafts.addProfile;
  const answers: WizardAnswers = {
    name: existing?.name ?? draft?.name ?? '',
    region: existing?.region ?? draft?.region ?? DEFAULT_REGION,
    accessKeyId: draft?.accessKeyId ?? '',
    secret: '',
    token: '',
  };
  const steps: readonly WizardStep[] = existing ? ['accessKeyId', 'secret', 'token'] : ['name', 'region', 'accessKeyId', 'secret', 'token'];
  const title = existing ? vscode.l10n.t('Sign In Again: {0}', existing.name) : vscode.l10n.t('Add DataWorks Profile');
  const others = deps.profiles.list().map((p) => p.name).filter((n) => n !== existing?.name);
  let saved = false;
  try {
    await runCredentialsWizard(steps, answers, askStep(title, others), (a) => verify(deps, a));
    const credentials = toCredentials(answers);
    const name = answers.name;
    await deps.profiles.save({ name, region: answers.region, mode: credentials.securityToken ? 'sts' : 'ak', ...(existing?.endpoint ? { endpoint: existing.endpoint } : {}) }, credentials, { activate: !existing });
    saved = true;
    deps.drafts.addProfile = undefined;
    deps.auth.clear(name);
    deps.services.clear();
    deps.log.info(`Saved profile ${name} (${answers.region}, ${credentials.securityToken ? 'STS' : 'AccessKey'})`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Profile {0} is ready ({1}).', inertText(name), regionName(answers.region, isChinese())));
  } finally {
    if (!saved && !existing) deps.drafts.addProfile = { name: answers.name, region: answers.region, accessKeyId: answers.accessKeyId };
  }
}

function askStep(title: string, others: readonly string[]): AskStep {
  return async (r, a) => {
    const info = { title, step: r.index, totalSteps: r.total };
    switch (r.step) {
      case 'name':
        return showTextStep({
          ...info, value: a.name, initialError: r.error,
          prompt: vscode.l10n.t('A name for this profile, e.g. prod or sandbox'),
          validate: (v) => {
            const p = profileNameProblem(v, others);
            return p ? nameProblemText(p) : undefined;
          },
        });
      case 'region': {
        const items = regionItems([a.region]);
        const picked = await showPickStep({
          ...info, items, active: items.find((i) => i.id === a.region),
          placeholder: vscode.l10n.t('Default region of this profile'),
        });
        return picked === BACK ? BACK : picked.id;
      }
      case 'accessKeyId':
        return showTextStep({
          ...info, value: a.accessKeyId, initialError: r.error,
          prompt: vscode.l10n.t('AccessKey ID'),
          validate: (v) => (/^[A-Za-z0-9.]{8,}$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter the AccessKey ID (letters and digits).')),
        });
      case 'secret':
        return showTextStep({
          ...info, value: a.secret, initialError: r.error, password: true,
          prompt: vscode.l10n.t('AccessKey secret (stored in VS Code\'s secret storage only)'),
          validate: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the AccessKey secret.')),
        });
      case 'token':
        return showTextStep({
          ...info, value: a.token, initialError: r.error, password: true,
          prompt: vscode.l10n.t('STS security token (leave empty for a long-term AccessKey)'),
        });
    }
  };
}

function toCredentials(a: Readonly<WizardAnswers>): Credentials {
  return a.token
    ? { accessKeyId: a.accessKeyId, accessKeySecret: a.secret, securityToken: a.token }
    : { accessKeyId: a.accessKeyId, accessKeySecret: a.secret };
}

/** One ListProjects call of one item: the cheapest call that proves the key works in that region. */
async function verify(deps: Deps, a: Readonly<WizardAnswers>): Promise<Verdict> {
  const credentials = toCredentials(a);
  deps.redactor.add(credentials.accessKeyId, credentials.accessKeySecret, credentials.securityToken);
  try {
    await withCancellableProgress(vscode.l10n.t('Verifying the credentials…'), async (signal) => {
      const service = await deps.services.createUnsaved(a.region, credentials);
      await service.listWorkspaces({ pageNumber: 1, pageSize: 1 }, { signal });
    });
    return { ok: true };
  } catch (e) {
    // Not reportError: these keys belong to no profile yet, so there is nothing to mark rejected.
    const { kind, message } = classify(e, deps.locale());
    if (kind === 'cancelled') return { ok: false, step: 'token', message: vscode.l10n.t('Verification was cancelled. Press Enter to try again.') };
    deps.log.failure('Verifying new credentials failed:', e);
    const step = stepForRejection(e);
    if (step) return { ok: false, step, message: inertText(deps.redactor.redact(message)) };
    // The key was accepted but may not list workspaces (a RAM user scoped to user groups, an edition without the API):
    // the credentials themselves are fine, so the profile can be saved.
    if (kind === 'forbidden') {
      deps.log.warn('The key was accepted but may not list workspaces; saving the profile anyway.');
      return { ok: true };
    }
    return { ok: false, step: 'token', message: inertText(deps.redactor.redact(vscode.l10n.t('Could not verify the credentials: {0}', message))) };
  }
}

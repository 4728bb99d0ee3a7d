// Keys of the forms' panels and drafts (workspaceState): one per form, profile, region and target. Here rather than
// with the forms so that removing a profile (src/auth/profileStore.ts) can find its drafts without loading the forms.

const PREFIX = 'dataworks.forms/';

export function formKey(form: string, profile: string, region: string, target: string): string {
  return `${PREFIX}${form}/${encodeURIComponent(profile)}/${region}/${target}`;
}

/** Whether `key` is a form key (a panel's or its draft's) of `profile`. */
export function isFormKeyOf(key: string, profile: string): boolean {
  if (!key.startsWith(PREFIX)) return false;
  return key.slice(PREFIX.length).split('/')[1] === encodeURIComponent(profile);
}

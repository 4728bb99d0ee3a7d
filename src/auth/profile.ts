import type { Credentials } from '../api';

export type CredentialMode = 'ak' | 'sts';

/** The non-secret part of a profile, as kept in globalState. */
export interface ProfileInfo {
  readonly name: string;
  /** The default region. */
  readonly region: string;
  readonly mode: CredentialMode;
  /** `http(s)://host[:port]`; takes precedence over the dataworks.endpointOverride setting. */
  readonly endpoint?: string;
  /** First and last characters of the AccessKey ID, to tell profiles apart in pickers. */
  readonly accessKeyIdHint?: string;
}

export type ProfileSource = 'stored' | 'environment';

export interface Profile extends ProfileInfo {
  readonly source: ProfileSource;
}

/** What the profile UI lets a user change per profile; remembered in globalState. */
export interface ProfileViewState {
  /** The region the status bar shows and palette commands use; defaults to the profile's region. */
  readonly activeRegion?: string;
  /** Extra regions shown as roots next to the active one (Show Regions…). */
  readonly extraRegions?: readonly string[];
  /** Server-side name search on user groups. */
  readonly userGroupFilter?: string;
  /** Client-side narrowing of the workspace list. */
  readonly workspaceFilter?: string;
}

export type CredentialsResult =
  | { readonly ok: true; readonly credentials: Credentials }
  | { readonly ok: false; readonly reason: 'missing' | 'unreadable' };

export const ENVIRONMENT_PROFILE_NAME = 'Environment';

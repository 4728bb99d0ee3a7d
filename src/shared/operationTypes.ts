// The shape of one Recent Operations entry, types only: the codec and the recorder (dist/deferred.js) and the store
// and view (dist/core.js) share them, and a type costs neither chunk anything.
import type { WriteRequest } from './requests';

export type OperationStatus = 'running' | 'succeeded' | 'failed' | 'unknown';
export type OperationAction = 'createBusinessProcess' | 'saveUserGroups' | 'deleteUserGroups';

export interface OperationGroup {
  readonly id?: number;
  readonly name: string;
  readonly owner: string;
  readonly type: 1 | 2 | 3;
  readonly accounts: readonly string[];
  readonly projectName?: string;
}

export type OperationInput =
  | { readonly action: 'createBusinessProcess'; readonly projectId: number; readonly apiGatewayGroupId: string; readonly name: string; readonly description: string }
  | { readonly action: 'saveUserGroups'; readonly groups: readonly OperationGroup[] }
  | { readonly action: 'deleteUserGroups'; readonly ids: readonly number[] };

export interface RecordedRequest {
  readonly product: 'dataworks-public';
  readonly version: '2020-05-18';
  readonly action: WriteRequest['action'];
  readonly method: 'POST';
  readonly region: string;
  readonly query: readonly (readonly [string, string])[];
  readonly body: readonly (readonly [string, string])[];
}

export interface OperationEntry {
  /** Random, unique across windows: entries are merged by it. */
  readonly id: string;
  /** The extension-host session that sent the request; another session's 'running' entry was interrupted. */
  readonly session: string;
  readonly startedAt: number;
  readonly updatedAt: number;
  readonly profile: string;
  readonly region: string;
  readonly input: OperationInput;
  readonly request: RecordedRequest;
  readonly status: OperationStatus;
  readonly requestId?: string;
  /** The ID the server gave a created business process. */
  readonly createdId?: string;
  /** The request failed ambiguously and the API layer found the result by a lookup instead of resending. */
  readonly recovered?: boolean;
  /** Still running when its window was reloaded or closed. */
  readonly interrupted?: boolean;
  readonly error?: { readonly code: string; readonly message: string };
  /** What the last Verify found: all / none / some of what the write asked for. */
  readonly verified?: { readonly at: number; readonly found: 'all' | 'none' | 'some' };
}

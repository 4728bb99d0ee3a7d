// Helpers shared by the extension-host tests. Everything here runs inside the real extension host.
import * as vscode from 'vscode';
import manifestJson from '../../package.json';
import { callEmulatorAdmin } from '../support/emulatorAdmin';
import { waitFor } from '../support/waitFor';

export interface Manifest {
  name: string;
  publisher: string;
  activationEvents?: string[];
  contributes?: {
    commands?: { command: string; title: string; category?: string }[];
    viewsContainers?: Record<string, { id: string; title: string }[]>;
    views?: Record<string, { id: string; name: string }[]>;
    menus?: Record<string, { command: string; when?: string }[]>;
    configuration?: unknown;
  };
}

/** package.json as it was when the tests were bundled (the same file the extension host loaded). */
export const manifest = manifestJson as unknown as Manifest;
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

export function getExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded in this extension host`);
  return ext;
}

/** The poller every suite shares (test/support/waitFor.ts). */
export { waitFor };

/** The DataWorks emulator started by run.mjs (undefined while the emulator is not part of the tree yet). */
export const emulator = {
  url: process.env.DATAWORKS_TEST_EMULATOR_URL,
  endpoint: process.env.DATAWORKS_TEST_EMULATOR_ENDPOINT,
};

/**
 * Calls the emulator's admin endpoint: `GET /__admin/counts`, `POST /__admin/faults` (JSON body),
 * `DELETE /__admin/faults`. Returns the parsed JSON answer (undefined for an empty one).
 */
export function emulatorAdmin(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
  return callEmulatorAdmin(emulator.url, method, path, body);
}

/** Opens the DataWorks view container (the activity-bar entry) the way a click on it does. */
export async function openDataWorksView(): Promise<void> {
  const container = manifest.contributes?.viewsContainers?.activitybar?.[0];
  if (!container) throw new Error('package.json contributes no activity-bar view container');
  await vscode.commands.executeCommand(`workbench.view.extension.${container.id}`);
}

/** The extension activated as a user would activate it: through its view if it has one, else through a command. */
export async function activateLikeAUser(): Promise<vscode.Extension<unknown>> {
  const ext = getExtension();
  if (!ext.isActive) {
    if (manifest.contributes?.viewsContainers?.activitybar?.length) await openDataWorksView();
    else {
      const cmd = manifest.contributes?.commands?.[0]?.command;
      if (!cmd) throw new Error('package.json contributes neither a view container nor a command');
      await vscode.commands.executeCommand(cmd);
    }
  }
  await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive, 20_000);
  // isActive is also true when activate() threw; activate() rethrows that error.
  await ext.activate().then(undefined, (err: unknown) => {
    throw new Error(`activating ${EXTENSION_ID} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  });
  return ext;
}

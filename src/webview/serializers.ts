// Brings open forms back after a window reload. Registered during activation, so it stays small: the form hosts,
// their zod schemas and the protocol are imported when VS Code actually hands back a panel.
import * as vscode from 'vscode';
import { FORM_VIEW_TYPE } from '../constants';
import { loadForms } from './loadForms';
import type * as Forms from './forms';
import type { FormContext } from './forms';

type Restore = (forms: typeof Forms, ctx: FormContext, panel: vscode.WebviewPanel, saved: unknown) => boolean;

/** What restoring needs of the explorer's core: the forms' context, and the one error reporter for what goes wrong. */
export interface RestoreHost {
  formContext(): FormContext;
  reportError(error: unknown, where: string): unknown;
}

/**
 * Call once from activate() with a getter of the core (which may load the explorer's code first); package.json needs
 * the activation events `onWebviewPanel:` of both form view types. A panel whose saved state does not parse, or that
 * belongs to another profile than the active one, is closed (its draft stays in workspaceState for the next opening).
 */
export function registerFormSerializers(getCore: () => Promise<RestoreHost>): vscode.Disposable {
  const serializer = (restore: Restore): vscode.WebviewPanelSerializer => ({
    async deserializeWebviewPanel(panel, state: unknown) {
      const saved = typeof state === 'object' && state !== null && 'restore' in state ? state.restore : undefined;
      try {
        const [forms, core] = await Promise.all([loadForms(), getCore()]);
        if (!restore(forms, core.formContext(), panel, saved)) panel.dispose();
      } catch (e) {
        // No profile, or no longer signed in: nothing to restore into. Logged, since a form that does not come back is
        // looked for there; when the core itself did not load there is no log to write to.
        panel.dispose();
        await getCore().then((core) => core.reportError(e, `Restoring the ${panel.viewType} form`), () => undefined);
      }
    },
  });
  return vscode.Disposable.from(
    vscode.window.registerWebviewPanelSerializer(FORM_VIEW_TYPE.businessProcess, serializer((f, ctx, p, s) => f.restoreBusinessProcessForm(ctx, p, s))),
    vscode.window.registerWebviewPanelSerializer(FORM_VIEW_TYPE.userGroup, serializer((f, ctx, p, s) => f.restoreUserGroupForm(ctx, p, s))),
  );
}

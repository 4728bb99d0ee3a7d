// Brings open forms back after a window reload. Registered during activation, so it stays small: the form hosts,
// their zod schemas and the protocol are imported when VS Code actually hands back a panel.
import * as vscode from 'vscode';
import { FORM_VIEW_TYPE } from '../constants';
import { loadForms } from './loadForms';
import type * as Forms from './forms';
import type { FormContext } from './forms';

type Restore = (forms: typeof Forms, ctx: FormContext, panel: vscode.WebviewPanel, saved: unknown) => boolean;

/**
 * Call once from activate() with a getter of the current form context (which may load the explorer's code first);
 * package.json needs the activation events `onWebviewPanel:` of both form view types. A panel whose saved state does
 * not parse, or that belongs to another profile than the active one, is closed (its draft stays in workspaceState for
 * the next opening).
 */
export function registerFormSerializers(getContext: () => Promise<FormContext>): vscode.Disposable {
  const serializer = (restore: Restore): vscode.WebviewPanelSerializer => ({
    async deserializeWebviewPanel(panel, state: unknown) {
      const saved = typeof state === 'object' && state !== null && 'restore' in state ? state.restore : undefined;
      try {
        const [forms, ctx] = await Promise.all([loadForms(), getContext()]);
        if (!restore(forms, ctx, panel, saved)) panel.dispose();
      } catch {
        // No profile, or no longer signed in: nothing to restore into.
        panel.dispose();
      }
    },
  });
  return vscode.Disposable.from(
    vscode.window.registerWebviewPanelSerializer(FORM_VIEW_TYPE.businessProcess, serializer((f, ctx, p, s) => f.restoreBusinessProcessForm(ctx, p, s))),
    vscode.window.registerWebviewPanelSerializer(FORM_VIEW_TYPE.userGroup, serializer((f, ctx, p, s) => f.restoreUserGroupForm(ctx, p, s))),
  );
}

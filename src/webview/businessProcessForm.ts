// The Create Business Process form's panel (the logic is src/forms/businessProcess.ts).
import * as vscode from 'vscode';
import { BusinessProcessController, type BpTexts } from '../forms/businessProcess';
import { bpInitSchema, bpToHostSchema, bpToWebviewSchema, type BpRestore } from '../shared/protocol';
import { rawBusinessProcessSchema } from '../shared/schemas';
import { mountForm, openOrReveal, takeOver } from './formHost';
import type { BusinessProcessFormTarget, FormContext } from './forms';
import { formKey } from './hostSupport';

function panelKey(ctx: FormContext, target: BusinessProcessFormTarget): string {
  const targetKey = target.projectId === undefined ? 'any' : `project-${target.projectId}`;
  return formKey('businessProcess', ctx.profileName, target.region, targetKey);
}

export function openBusinessProcessPanel(ctx: FormContext, target: BusinessProcessFormTarget): void {
  const key = panelKey(ctx, target);
  openOrReveal(key, () => mount(ctx, target, key));
}

/** Takes over a panel restored after a window reload; false when it cannot be (the caller closes it). */
export function restoreBusinessProcessPanel(ctx: FormContext, panel: vscode.WebviewPanel, restore: BpRestore): boolean {
  const target: BusinessProcessFormTarget = { region: restore.region, ...(restore.projectId === undefined ? {} : { projectId: restore.projectId }) };
  const key = panelKey(ctx, target);
  return takeOver(ctx, restore.profile, key, () => mount(ctx, target, key, panel));
}

const texts: BpTexts = {
  created: (name, groupId) => vscode.l10n.t('Business process {0} created (ID {1}).', name, groupId),
  createFailed: (name, line) => vscode.l10n.t('Creating business process {0} failed: {1}', name, line),
};

function mount(ctx: FormContext, target: BusinessProcessFormTarget, key: string, existing?: vscode.WebviewPanel): { start(): void } {
  return mountForm(ctx, target.region, {
    form: 'businessProcess',
    key,
    title: vscode.l10n.t('Create Business Process'),
    toHost: bpToHostSchema,
    toWebview: bpToWebviewSchema,
    draft: rawBusinessProcessSchema,
    init: bpInitSchema,
  }, existing, texts, (env) => new BusinessProcessController(env, target));
}

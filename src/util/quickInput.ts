import * as vscode from 'vscode';
import { BACK } from './steps';
import { UserCancelledError } from './errors';

// One step of a multi-step QuickInput flow. Resolves with the value, or BACK when the user pressed the back
// button; rejects with UserCancelledError when the input was hidden (Escape, focus elsewhere is ignored).

export type StepResult<T> = T | typeof BACK;

export interface StepInfo {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
}

export interface TextStep extends StepInfo {
  readonly value?: string;
  readonly prompt: string;
  readonly placeholder?: string;
  readonly password?: boolean;
  /** Shown from the start: the server's verdict on what was typed before. */
  readonly initialError?: string;
  readonly validate?: (value: string) => string | undefined;
}

export function showTextStep(s: TextStep): Promise<StepResult<string>> {
  const input = vscode.window.createInputBox();
  input.title = s.title;
  input.step = s.step;
  input.totalSteps = s.totalSteps;
  input.value = s.value ?? '';
  input.prompt = s.prompt;
  input.placeholder = s.placeholder;
  input.password = s.password ?? false;
  input.ignoreFocusOut = true;
  input.buttons = s.step > 1 ? [vscode.QuickInputButtons.Back] : [];
  input.validationMessage = s.initialError;
  return new Promise<StepResult<string>>((resolve, reject) => {
    let settled = false;
    const done = (f: () => void): void => {
      if (settled) return;
      settled = true;
      f();
      input.dispose();
    };
    input.onDidChangeValue((v) => {
      input.validationMessage = s.validate?.(v);
    });
    input.onDidAccept(() => {
      const problem = s.validate?.(input.value);
      if (problem) {
        input.validationMessage = problem;
        return;
      }
      done(() => resolve(input.value));
    });
    input.onDidTriggerButton((b) => {
      if (b === vscode.QuickInputButtons.Back) done(() => resolve(BACK));
    });
    input.onDidHide(() => done(() => reject(new UserCancelledError())));
    input.show();
  });
}

export interface PickStep<T extends vscode.QuickPickItem> extends StepInfo {
  readonly items: readonly T[];
  readonly active?: T;
  readonly placeholder: string;
}

export function showPickStep<T extends vscode.QuickPickItem>(s: PickStep<T>): Promise<StepResult<T>> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = s.title;
  pick.step = s.step;
  pick.totalSteps = s.totalSteps;
  pick.items = s.items;
  pick.placeholder = s.placeholder;
  pick.matchOnDescription = true;
  pick.ignoreFocusOut = true;
  if (s.active) pick.activeItems = [s.active];
  pick.buttons = s.step > 1 ? [vscode.QuickInputButtons.Back] : [];
  return new Promise<StepResult<T>>((resolve, reject) => {
    let settled = false;
    const done = (f: () => void): void => {
      if (settled) return;
      settled = true;
      f();
      pick.dispose();
    };
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (chosen) done(() => resolve(chosen));
    });
    pick.onDidTriggerButton((b) => {
      if (b === vscode.QuickInputButtons.Back) done(() => resolve(BACK));
    });
    pick.onDidHide(() => done(() => reject(new UserCancelledError())));
    pick.show();
  });
}

import * as vscode from 'vscode';

/**
 * The modal questions of the user groups plan page: one seam, because a test extension host refuses modal dialogs
 * (VS Code throws "refused to show dialog in tests"), so the extension-host tests answer them through RecordingPrompts.
 */
export interface Prompts {
  /** A modal warning; the button chosen, undefined for Cancel. */
  modal(message: string, detail: string, ...buttons: string[]): Promise<string | undefined>;
}

export const windowPrompts: Prompts = {
  modal: async (message, detail, ...buttons) => vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons),
};

/** One modal as RecordingPrompts saw it. */
export interface ShownModal {
  readonly message: string;
  readonly detail: string;
  readonly buttons: readonly string[];
}

/**
 * The extension-host tests' Prompts (only in ExtensionMode.Test, through the test API): records every modal and,
 * while `answer` is set, answers it (a button's text, undefined for Cancel) instead of the window.
 */
export class RecordingPrompts implements Prompts {
  readonly shown: ShownModal[] = [];
  answer: ((m: ShownModal) => string | undefined) | undefined;

  constructor(private readonly real: Prompts) {}

  async modal(message: string, detail: string, ...buttons: string[]): Promise<string | undefined> {
    const shown = { message, detail, buttons };
    this.shown.push(shown);
    if (!this.answer) return this.real.modal(message, detail, ...buttons);
    const pick = this.answer(shown);
    return pick !== undefined && buttons.includes(pick) ? pick : undefined;
  }
}

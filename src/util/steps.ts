// No vscode import: the step logic (src/auth/credentialsWizard.ts) runs in the unit tests without VS Code.

/** What a step of a multi-step flow answers when the user pressed Back (src/util/quickInput.ts). */
export const BACK = Symbol('back');

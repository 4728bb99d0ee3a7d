// No vscode import: the tree model and the error reporter take a Translate, so that the unit tests can pass their own.

/** A string with `{0}`-style placeholders, as vscode.l10n.t takes it. */
export type Translate = (message: string, ...args: (string | number | boolean)[]) => string;

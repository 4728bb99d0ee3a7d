import type * as vscode from 'vscode';

// Composition root: builds the services once and registers everything. No logic and no network here.
export function activate(_context: vscode.ExtensionContext): void {
  // Filled in by the explorer issue.
}

export function deactivate(): void {
  // Nothing to release yet.
}

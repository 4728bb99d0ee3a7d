import * as vscode from 'vscode';

/**
 * A cancellable notification around `task`. The API layer and the tree take an AbortSignal, VS Code's Cancel button
 * gives a CancellationToken: the button aborts the signal, and the listener goes with the notification.
 */
export function withCancellableProgress<T>(
  title: string,
  task: (signal: AbortSignal, progress: vscode.Progress<{ message?: string }>) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      return await task(abort.signal, progress);
    } finally {
      sub.dispose();
    }
  });
}

import * as vscode from 'vscode';

/**
 * Reads files of this extension's own installation — the form pages' script and stylesheet, which a page then carries
 * inline — and nothing else: any other Uri (another scheme or authority, outside the folder, or with `..` in its path)
 * is refused before the file system is asked. Never a workspace file.
 */
export function extensionFileReader(extensionUri: vscode.Uri): (uri: vscode.Uri) => Thenable<Uint8Array> {
  const root = extensionUri.path.endsWith('/') ? extensionUri.path : `${extensionUri.path}/`;
  return (uri) => {
    const inside = uri.scheme === extensionUri.scheme && uri.authority === extensionUri.authority
      && uri.path.startsWith(root) && !uri.path.split('/').includes('..');
    if (!inside) return Promise.reject(new Error(`not a file of this extension: ${uri.toString()}`));
    return vscode.workspace.fs.readFile(uri);
  };
}

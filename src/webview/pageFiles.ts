// The page's own code and style, read once per extension host and kept for every later page (pages carry them
// inline, so a page loads nothing at all).
import * as vscode from 'vscode';
import type { PageName } from './html';

export interface PageFiles {
  readonly script: string;
  readonly style: string;
}

/** Reads one of the extension's own files; only ever called with the two paths of PAGE_FILES. */
export type ExtensionFileReader = (uri: vscode.Uri) => Thenable<Uint8Array>;

const PAGE_FILES = (form: PageName) => ({ script: ['dist', 'webview', `${form}.js`], style: ['media', 'form.css'] }) as const;

const pageFiles = new Map<string, PageFiles | Promise<PageFiles>>();

/** The files of a form's page: at once when read before, else a promise (a failed read is tried again next time). */
export function loadPageFiles(extensionUri: vscode.Uri, read: ExtensionFileReader, form: PageName): PageFiles | Promise<PageFiles> {
  const key = `${extensionUri.toString()}#${form}`;
  const known = pageFiles.get(key);
  if (known) return known;
  const paths = PAGE_FILES(form);
  const text = async (p: readonly string[]) => new TextDecoder('utf-8', { fatal: true }).decode(await read(vscode.Uri.joinPath(extensionUri, ...p)));
  const loading = Promise.all([text(paths.script), text(paths.style)]).then(
    ([script, style]) => {
      const files = { script, style };
      pageFiles.set(key, files);
      return files;
    },
    (e: unknown) => {
      pageFiles.delete(key);
      throw e;
    },
  );
  pageFiles.set(key, loading);
  return loading;
}

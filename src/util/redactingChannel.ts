import type * as vscode from 'vscode';

/**
 * The DataWorks log channel as handed to the forms: same channel, but every message passes the redactor
 * first, so code outside the explorer cannot write a secret to the log by accident. Disposing it leaves the
 * shared channel open.
 */
export function redactingChannel(channel: vscode.LogOutputChannel, redact: (text: string) => string): vscode.LogOutputChannel {
  const clean = (v: unknown): unknown => {
    if (typeof v === 'string') return redact(v);
    if (v instanceof Error) return redact(`${v.name}: ${v.message}`);
    try {
      return redact(JSON.stringify(v) ?? String(v));
    } catch {
      return '[unprintable]';
    }
  };
  return {
    get name() {
      return channel.name;
    },
    get logLevel() {
      return channel.logLevel;
    },
    onDidChangeLogLevel: channel.onDidChangeLogLevel,
    trace: (message: string, ...args: unknown[]) => channel.trace(redact(message), ...args.map(clean)),
    debug: (message: string, ...args: unknown[]) => channel.debug(redact(message), ...args.map(clean)),
    info: (message: string, ...args: unknown[]) => channel.info(redact(message), ...args.map(clean)),
    warn: (message: string, ...args: unknown[]) => channel.warn(redact(message), ...args.map(clean)),
    error: (error: string | Error, ...args: unknown[]) => channel.error(String(clean(error)), ...args.map(clean)),
    append: (value: string) => channel.append(redact(value)),
    appendLine: (value: string) => channel.appendLine(redact(value)),
    replace: (value: string) => channel.replace(redact(value)),
    clear: () => channel.clear(),
    show: (columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean) => {
      if (typeof columnOrPreserveFocus === 'boolean' || columnOrPreserveFocus === undefined) channel.show(columnOrPreserveFocus);
      else channel.show(columnOrPreserveFocus, preserveFocus);
    },
    hide: () => channel.hide(),
    dispose: () => undefined,
  };
}

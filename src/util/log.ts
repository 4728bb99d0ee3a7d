import type { ApiLogger } from '../api';
import { asDataWorksError } from '../base/errors';
import type { Redactor } from './redact';

/** The part of vscode.LogOutputChannel the logger writes to (tests pass a recording fake). */
export interface LogSink {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Every line the extension logs goes through here and is redacted first. The channel itself follows
 * VS Code's log level (Developer: Set Log Level), so no level setting of our own.
 */
export class Logger implements ApiLogger {
  constructor(private readonly sink: LogSink, private readonly redactor: Redactor) {}

  trace(message: string): void {
    this.sink.trace(this.redactor.redact(message));
  }

  debug(message: string): void {
    this.sink.debug(this.redactor.redact(message));
  }

  info(message: string): void {
    this.sink.info(this.redactor.redact(message));
  }

  warn(message: string): void {
    this.sink.warn(this.redactor.redact(message));
  }

  error(message: string): void {
    this.sink.error(this.redactor.redact(message));
  }

  /**
   * Logs an error with its code, request ID and stack (the stack only at debug level). An API error is logged as the
   * user was told (in English): our explanation and what DataWorks said, plus its raw message when that adds something
   * (a network error's cause).
   */
  failure(context: string, e: unknown): void {
    const o = typeof e === 'object' && e !== null ? (e as Record<string, unknown>) : {};
    const raw = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const shown = asDataWorksError(e)?.userMessage('en');
    const parts = [
      context,
      typeof o.code === 'string' ? `code=${o.code}` : undefined,
      typeof o.requestId === 'string' ? `requestId=${o.requestId}` : undefined,
      typeof o.httpStatus === 'number' ? `status=${o.httpStatus}` : undefined,
      shown,
      shown === undefined ? raw : e instanceof Error && shown.includes(e.message) ? undefined : `(${raw})`,
    ].filter(Boolean);
    this.error(parts.join(' '));
    if (e instanceof Error && e.stack) this.debug(e.stack);
  }
}

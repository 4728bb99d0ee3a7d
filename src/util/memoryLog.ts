import type { LogSink } from './log';

/** Forwards to a sink and keeps the last lines (already redacted) for the test API. */
export class TeeLogSink implements LogSink {
  private readonly lines: string[] = [];

  constructor(private readonly target: LogSink, private readonly keep = 500) {}

  get recent(): readonly string[] {
    return this.lines;
  }

  trace(m: string): void { this.target.trace(m); this.push(m); }
  debug(m: string): void { this.target.debug(m); this.push(m); }
  info(m: string): void { this.target.info(m); this.push(m); }
  warn(m: string): void { this.target.warn(m); this.push(m); }
  error(m: string): void { this.target.error(m); this.push(m); }

  private push(m: string): void {
    this.lines.push(m);
    if (this.lines.length > this.keep) this.lines.splice(0, this.lines.length - this.keep);
  }
}

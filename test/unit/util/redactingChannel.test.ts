import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { redactingChannel } from '../../../src/util/redactingChannel';
import { Emitter } from '../../../src/util/event';

/** Records what reaches the real channel. */
function recordingChannel(lines: string[]): vscode.LogOutputChannel {
  const rec = (...parts: unknown[]): void => {
    lines.push(parts.map(String).join(' '));
  };
  return {
    name: 'DataWorks',
    logLevel: 2,
    onDidChangeLogLevel: new Emitter<vscode.LogLevel>().event,
    trace: rec, debug: rec, info: rec, warn: rec, error: rec,
    append: rec, appendLine: rec, replace: rec,
    clear: () => undefined, show: () => undefined, hide: () => undefined, dispose: () => lines.push('disposed'),
  };
}

describe('redactingChannel', () => {
  it('redacts every message, argument and error before it reaches the channel', () => {
    const lines: string[] = [];
    const ch = redactingChannel(recordingChannel(lines), (s) => s.split('canary-9').join('***'));
    ch.info('a canary-9', 'b canary-9', { k: 'canary-9' });
    ch.warn('canary-9');
    ch.error(new Error('boom canary-9'));
    ch.appendLine('canary-9');
    ch.append('canary-9');
    ch.replace('canary-9');
    ch.trace('canary-9');
    ch.debug('canary-9');
    assert.equal(lines.length, 8);
    assert.ok(lines.every((l) => !l.includes('canary-9')), lines.join('\n'));
  });

  it('leaves the shared channel open when disposed', () => {
    const lines: string[] = [];
    redactingChannel(recordingChannel(lines), (s) => s).dispose();
    assert.deepEqual(lines, []);
  });
});

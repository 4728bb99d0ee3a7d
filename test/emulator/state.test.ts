// Persistence across restarts and the command-line entry point.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CREDENTIALS, startEmulator } from './index';
import { call, makeClient } from './helpers';

describe('emulator state file and CLI', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dw-emulator-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps writes across a restart and writes atomically', async () => {
    const statePath = join(dir, 'nested', 'state.json');
    const first = await startEmulator({ statePath, seed: 'empty' });
    const gw = first.snapshot().regions['cn-shanghai']?.apiGatewayGroups[0]?.groupId ?? '';
    const c = makeClient(first);
    await call(c, 'DsgUserGroupAddOrUpdate', { query: { UserGroups: JSON.stringify([{ Name: 'persisted', Owner: 'alice', Accounts: ['user:bob'], UserGroupType: 1 }]) } });
    await first.close();
    assert.deepEqual(readdirSync(join(dir, 'nested')), ['state.json']);

    // The seed argument is ignored once the file exists.
    const second = await startEmulator({ statePath, seed: 'demo' });
    try {
      const d = second.snapshot();
      assert.equal(d.seed, 'empty');
      assert.deepEqual(d.userGroups.map((g) => g.name), ['persisted']);
      // An empty tenant has no workspace to create a business process in.
      assert.equal(d.regions['cn-shanghai']?.workspaces.length, 0);
      assert.ok(gw);
      const list = (await call(makeClient(second), 'DsgUserGroupQueryList', { method: 'GET', query: { PageNumber: '1', PageSize: '10' } })).PageData as { TotalCount: number };
      assert.equal(list.TotalCount, 1);
    } finally {
      await second.close();
    }
  });

  it('refuses a file that is not emulator state', async () => {
    const statePath = join(dir, 'bad.json');
    writeFileSync(statePath, '{"hello":1}');
    await assert.rejects(startEmulator({ statePath }), /not an emulator state file/);
  });

  it('runs from the command line, prints the URL and the demo keys, and stops on SIGTERM', async function () {
    this.timeout(20_000);
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'cli.ts'), '--port', '0', '--seed', 'empty'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 15_000);
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m && out.includes('\n')) {
          clearTimeout(timer);
          resolve(m[0]);
        }
      });
      child.on('exit', (code) => reject(new Error(`exited ${String(code)}: ${out}`)));
    });
    const counts = (await (await fetch(`${url}/__admin/counts`)).json()) as Record<string, number>;
    assert.deepEqual(counts, { __total: 0 });
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(out.includes(DEMO_CREDENTIALS.accessKeyId) && out.includes(DEMO_CREDENTIALS.accessKeySecret), out);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });
});

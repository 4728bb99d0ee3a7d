// Persistence across restarts and the command-line entry point.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CREDENTIALS, startEmulator } from './index';
import { call, clientAt, makeClient } from './helpers';

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
    const cli = await startCli(['--port', '0', '--seed', 'empty', '--dsg-case', 'camel', '--dsg-error-codes', 'numeric', '--dsg-list-shape', 'rich']);
    const counts = (await (await fetch(`${cli.url}/__admin/counts`)).json()) as Record<string, number>;
    assert.deepEqual(counts, { __total: 0 });
    const settings = (await (await fetch(`${cli.url}/__admin/settings`)).json()) as Record<string, string>;
    assert.deepEqual(settings, { edition: 'Enterprise', dsgErrorStyle: 'body', dsgErrorCodes: 'numeric', dsgCase: 'camel', dsgListShape: 'rich', dsgKindFilters: 'applied' });
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(cli.out().includes(DEMO_CREDENTIALS.accessKeyId) && cli.out().includes(DEMO_CREDENTIALS.accessKeySecret), cli.out());
    assert.equal(await cli.stop(), 0);
  });

  it('takes the secret of --access-key-id from DATAWORKS_EMULATOR_ACCESS_KEY_SECRET, off the command line', async function () {
    this.timeout(20_000);
    const creds = { accessKeyId: 'LTAICLIENVKEY000001', accessKeySecret: 'env-only-secret-7f3a' };
    const cli = await startCli(['--port', '0', '--seed', 'empty', '--access-key-id', creds.accessKeyId], { DATAWORKS_EMULATOR_ACCESS_KEY_SECRET: creds.accessKeySecret });
    try {
      const port = Number(new URL(cli.url).port);
      const endpoint = `127.0.0.1:${port}`;
      assert.ok((await call(clientAt(endpoint, creds), 'DsgUserGroupQueryUserList', { method: 'GET' })).Success);
      await assert.rejects(call(clientAt(endpoint, DEMO_CREDENTIALS), 'ListProjects'), /InvalidAccessKeyId\.NotFound/);
      assert.ok(!cli.out().includes(creds.accessKeySecret) && !cli.out().includes(DEMO_CREDENTIALS.accessKeySecret), cli.out());
    } finally {
      await cli.stop();
    }
    // The key ID without any secret is refused, naming where the secret goes.
    const refused = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'cli.ts'), '--port', '0', '--access-key-id', 'X'], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DATAWORKS_EMULATOR_ACCESS_KEY_SECRET: '' } });
    let err = '';
    refused.stderr.on('data', (b: Buffer) => (err += b.toString()));
    assert.equal(await new Promise((resolve) => refused.on('exit', resolve)), 2);
    assert.match(err, /DATAWORKS_EMULATOR_ACCESS_KEY_SECRET/);
  });
});

interface Cli {
  readonly url: string;
  out(): string;
  /** SIGTERM; resolves the exit code. */
  stop(): Promise<number | null>;
}

async function startCli(args: string[], env: Record<string, string> = {}): Promise<Cli> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'cli.ts'), ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
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
  return {
    url,
    out: () => out,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

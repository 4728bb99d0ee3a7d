// `npm run emulator -- --port 18080 [--seed demo|empty|large] [--access-key-id ID --access-key-secret SECRET]
//  [--state FILE] [--faults JSON] [--edition E] [--dsg-error-style body|http] [--max-skew-seconds N]`
import { parseArgs } from 'node:util';
import { DEMO_CREDENTIALS, DEMO_STS_CREDENTIALS, RESTRICTED_CREDENTIALS, startEmulator } from './index';
import type { Edition, EmulatorOptions, FaultConfig } from './index';

const DEFAULT_PORT = 18080;

function fail(message: string): never {
  console.error(`emulator: ${message}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      'access-key-id': { type: 'string' },
      'access-key-secret': { type: 'string' },
      state: { type: 'string' },
      faults: { type: 'string' },
      edition: { type: 'string' },
      'dsg-error-style': { type: 'string' },
      'max-skew-seconds': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log('usage: npm run emulator -- [--port 18080] [--seed demo|empty|large] [--access-key-id ID --access-key-secret SECRET] [--state FILE] [--faults JSON] [--edition Basic|Standard|Professional|Enterprise|Ultimate] [--dsg-error-style body|http] [--max-skew-seconds 900]');
    return;
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid --port ${values.port ?? ''}`);
  const seed = values.seed ?? 'demo';
  if (seed !== 'demo' && seed !== 'empty' && seed !== 'large') fail(`invalid --seed ${seed}`);
  if ((values['access-key-id'] === undefined) !== (values['access-key-secret'] === undefined)) {
    fail('--access-key-id and --access-key-secret go together');
  }
  const opts: EmulatorOptions = { port, seed };
  if (values['access-key-id'] !== undefined) opts.accessKeyId = values['access-key-id'];
  if (values['access-key-secret'] !== undefined) opts.accessKeySecret = values['access-key-secret'];
  if (values.state !== undefined) opts.statePath = values.state;
  if (values.faults !== undefined) {
    try {
      opts.faults = JSON.parse(values.faults) as FaultConfig;
    } catch {
      fail('--faults must be JSON, e.g. \'{"throttleRate":0.2}\'');
    }
  }
  if (values.edition !== undefined) opts.edition = values.edition as Edition;
  const style = values['dsg-error-style'];
  if (style !== undefined) {
    if (style !== 'body' && style !== 'http') fail('--dsg-error-style must be body or http');
    opts.dsgErrorStyle = style;
  }
  if (values['max-skew-seconds'] !== undefined) opts.maxSkewSeconds = Number(values['max-skew-seconds']);

  const emu = await startEmulator(opts);
  console.log(`DataWorks emulator listening on ${emu.url} (endpoint ${emu.endpoint}, seed ${seed}${opts.statePath ? `, state ${opts.statePath}` : ''})`);
  if (opts.accessKeyId === undefined) {
    console.log(`  demo key pair:        AccessKeyId=${DEMO_CREDENTIALS.accessKeyId} AccessKeySecret=${DEMO_CREDENTIALS.accessKeySecret}`);
  }
  console.log(`  STS pair:             AccessKeyId=${DEMO_STS_CREDENTIALS.accessKeyId} AccessKeySecret=${DEMO_STS_CREDENTIALS.accessKeySecret} SecurityToken=${DEMO_STS_CREDENTIALS.securityToken}`);
  console.log(`  restricted pair:      AccessKeyId=${RESTRICTED_CREDENTIALS.accessKeyId} AccessKeySecret=${RESTRICTED_CREDENTIALS.accessKeySecret}`);
  console.log(`  admin:                ${emu.url}/__admin/counts | /__admin/faults | /__admin/state | /__admin/settings`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`emulator: ${signal}, shutting down`);
    emu.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));

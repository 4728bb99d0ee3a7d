// `npm run emulator -- --help` for the flags. The secret of --access-key-id is best passed in the environment
// (DATAWORKS_EMULATOR_ACCESS_KEY_SECRET): a command line is readable by every user of the machine through `ps`.
import { parseArgs } from 'node:util';
import { DEMO_CREDENTIALS, DEMO_STS_CREDENTIALS, RESTRICTED_CREDENTIALS, startEmulator } from './index';
import type { Edition, EmulatorOptions, FaultConfig } from './index';
import { applyDsgSettings, DEFAULT_DSG_WIRE } from './wire';

const DEFAULT_PORT = 18080;
const SECRET_ENV = 'DATAWORKS_EMULATOR_ACCESS_KEY_SECRET';

const HELP = `usage: npm run emulator -- [options]
  --port N                      default 18080; 0 = any free port
  --seed demo|empty|large       default demo (ignored when --state exists)
  --state FILE                  keep the data in FILE (loaded if it exists, every write saved)
  --access-key-id ID            replace the demo key pair; the secret comes from the environment variable
                                ${SECRET_ENV} (or --access-key-secret, which \`ps\` shows to everyone)
  --faults JSON                 e.g. '{"throttleRate":0.2,"latencyMs":300}'
  --edition Basic|Standard|Professional|Enterprise|Ultimate
  --dsg-error-style body|http   DSG failures as HTTP 200 + Success:false (default body) or as 4xx/5xx
  --dsg-error-codes symbolic|numeric
                                USERGROUP.ID.ERROR… (default) or numeric codes such as 1029030003 (our mapping)
  --dsg-case pascal|camel       DSG body keys as the SDK models name them (default) or lower camel at every level
  --dsg-list-shape sdk|rich     DsgUserGroupQueryList items as the SDK models them (default) or with
                                UserGroupType and ProjectName added (the emulator's old shape)
  --dsg-kind-filters applied|ignored
                                whether DsgUserGroupQueryList applies its userGroupType and ProjectName filters
  --max-skew-seconds N          default 900
  -h, --help`;

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
      'dsg-error-codes': { type: 'string' },
      'dsg-case': { type: 'string' },
      'dsg-list-shape': { type: 'string' },
      'dsg-kind-filters': { type: 'string' },
      'max-skew-seconds': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid --port ${values.port ?? ''}`);
  const seed = values.seed ?? 'demo';
  if (seed !== 'demo' && seed !== 'empty' && seed !== 'large') fail(`invalid --seed ${seed}`);
  const envSecret = process.env[SECRET_ENV];
  const secret = values['access-key-secret'] ?? (envSecret === '' ? undefined : envSecret);
  if ((values['access-key-id'] === undefined) !== (secret === undefined)) {
    fail(`--access-key-id needs its secret in ${SECRET_ENV} (or --access-key-secret), and the secret needs --access-key-id`);
  }
  if (values['access-key-secret'] !== undefined) {
    console.error(`emulator: warning: --access-key-secret is visible to every user of this machine (ps); prefer ${SECRET_ENV}`);
  }
  const opts: EmulatorOptions = { port, seed };
  if (values['access-key-id'] !== undefined) opts.accessKeyId = values['access-key-id'];
  if (secret !== undefined) opts.accessKeySecret = secret;
  if (values.state !== undefined) opts.statePath = values.state;
  if (values.faults !== undefined) {
    try {
      opts.faults = JSON.parse(values.faults) as FaultConfig;
    } catch {
      fail('--faults must be JSON, e.g. \'{"throttleRate":0.2}\'');
    }
  }
  if (values.edition !== undefined) opts.edition = values.edition as Edition;
  const dsg = {
    dsgErrorStyle: values['dsg-error-style'], dsgErrorCodes: values['dsg-error-codes'],
    dsgCase: values['dsg-case'], dsgListShape: values['dsg-list-shape'],
    dsgKindFilters: values['dsg-kind-filters'],
  };
  try {
    // Validation only: the option names are the same, startEmulator applies them.
    applyDsgSettings({ ...DEFAULT_DSG_WIRE }, dsg);
  } catch (e) {
    const flag = (name: string): string => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    fail((e instanceof Error ? e.message : String(e)).replace(/^\w+/, flag));
  }
  Object.assign(opts, Object.fromEntries(Object.entries(dsg).filter(([, v]) => v !== undefined)));
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

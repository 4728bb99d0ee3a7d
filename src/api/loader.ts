// Finds the transport at run time. In the packaged extension it is dist/api.js next to dist/extension.js, a
// separate bundle so that activation never parses @alicloud/*. Under tsx (tests) it is the TypeScript module.

import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { TransportModule } from './transport';

function asTransportModule(mod: unknown): TransportModule {
  const m = mod as Partial<TransportModule> | undefined;
  if (!m || typeof m.createTransport !== 'function') throw new Error('The API transport module has no createTransport');
  return m as TransportModule;
}

export async function defaultLoadTransport(): Promise<TransportModule> {
  // `__dirname` exists in the CommonJS bundle and under tsx (the package is CommonJS).
  const dir = typeof __dirname === 'string' ? __dirname : undefined;
  const bundled = dir === undefined ? undefined : path.join(dir, 'api.js');
  if (bundled && fs.existsSync(bundled)) return asTransportModule(createRequire(bundled)(bundled));
  // A non-literal specifier, so esbuild leaves it alone instead of inlining the SDK into dist/extension.js.
  const specifier = ['.', 'openApiTransport'].join('/');
  return asTransportModule(await import(specifier));
}

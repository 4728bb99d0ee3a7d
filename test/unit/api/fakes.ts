// Test doubles that implement the real seams (Transport, RateLimiter, clock), so the service runs unchanged.

import type { ServiceConfig } from '../../../src/api/config';
import type { DataWorksService } from '../../../src/api/dataWorksService';
import { createDataWorksService, type ServiceDeps } from '../../../src/api';
import type { RateLimiter } from '../../../src/api/rateLimiter';
import {
  type SendOptions, type Transport, TransportError, type TransportErrorInit, type TransportRequest, type TransportResponse,
} from '../../../src/api/transport';

export type Reply = TransportResponse | TransportError | ((req: TransportRequest, opts: SendOptions) => Promise<TransportResponse>);

export class FakeTransport implements Transport {
  readonly requests: TransportRequest[] = [];
  readonly options: SendOptions[] = [];
  private readonly replies: Reply[] = [];
  /** Used when the queue is empty. */
  fallback: Reply | undefined;

  reply(...replies: Reply[]): this {
    this.replies.push(...replies);
    return this;
  }

  actions(): string[] {
    return this.requests.map((r) => r.action);
  }

  async send(req: TransportRequest, opts: SendOptions): Promise<TransportResponse> {
    this.requests.push(req);
    this.options.push(opts);
    const next = this.replies.shift() ?? this.fallback;
    if (next === undefined) throw new Error(`FakeTransport: no reply queued for ${req.action}`);
    if (typeof next === 'function') return next(req, opts);
    if (next instanceof TransportError) throw next;
    return next;
  }
}

export function ok(body: unknown, headers: Record<string, string> = {}): TransportResponse {
  return { statusCode: 200, headers, body };
}

export function httpError(statusCode: number, code: string, message: string, requestId = 'REQ-ERR', extra: Partial<TransportErrorInit> = {}): TransportError {
  return new TransportError({
    kind: 'http', sendState: 'maybe-sent', statusCode, code, requestId,
    message: `${code}: code: ${statusCode}, ${message} request id: ${requestId}`,
    body: { RequestId: requestId, Code: code, Message: message, statusCode },
    ...extra,
  });
}

export function networkError(code: string, sendState: 'not-sent' | 'maybe-sent', message = `${code} POST http://127.0.0.1:9/?UserGroups=x&Signature=abc failed.`): TransportError {
  return new TransportError({ kind: 'network', sendState, code, message });
}

export function readTimeout(): TransportError {
  return new TransportError({ kind: 'timeout', sendState: 'maybe-sent', code: 'ReadTimeout', message: 'ReadTimeout(100). POST http://h/?a=b failed.' });
}

/** Never settles (a hung server); resolves its abort-less promise only when the test ends. */
export function hang(): Reply {
  return () => new Promise<TransportResponse>(() => undefined);
}

export const noLimit: RateLimiter = { acquire: () => Promise.resolve() };

export interface Harness {
  readonly svc: DataWorksService;
  readonly fake: FakeTransport;
  readonly sleeps: number[];
  readonly logs: string[];
}

export const TEST_CONFIG: ServiceConfig = {
  region: 'cn-shanghai',
  credentials: { accessKeyId: 'AKID-test', accessKeySecret: 'super-secret-value' },
};

export function harness(config: Partial<ServiceConfig> = {}, deps: Partial<ServiceDeps> = {}): Harness {
  const fake = new FakeTransport();
  const sleeps: number[] = [];
  const logs: string[] = [];
  let now = 1_000_000;
  const svc = createDataWorksService({
    ...TEST_CONFIG,
    logger: {
      debug: (m) => logs.push(m), info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m),
    },
    ...config,
  }, {
    loadTransport: () => Promise.resolve({ createTransport: () => fake }),
    sleep: (ms) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
    now: () => now,
    random: () => 0.5,
    rateLimiter: noLimit,
    ...deps,
  });
  return { svc, fake, sleeps, logs };
}

/** Fails unless the promise rejects; returns the reason. */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

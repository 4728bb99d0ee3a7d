// A small forward proxy on 127.0.0.1 for the proxy tests: absolute-URI forwarding for http targets, CONNECT
// tunnels for https targets, optional Basic proxy authentication, and counters of what it carried. `route` lets a
// test send a tunnel for a real host name (dataworks.cn-shanghai.aliyuncs.com:443) to a local TLS server, so the
// real endpoints can be exercised without the network.

import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import * as net from 'node:net';

export interface ProxyStats {
  /** TCP connections accepted from clients. */
  readonly connections: number;
  /** Plain-http requests forwarded (absolute-URI form). */
  readonly forwarded: number;
  /** CONNECT tunnels opened. */
  readonly tunnels: number;
  /** Requests refused with 407 (missing or wrong credentials). */
  readonly refused: number;
  /** host:port of every forwarded request and tunnel, in order. */
  readonly targets: readonly string[];
  /** The x-acs-action header of every forwarded (plain http) request, in order. */
  readonly actions: readonly string[];
}

export interface LoopbackProxy {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  stats(): ProxyStats;
  reset(): void;
  close(): Promise<void>;
}

export interface LoopbackProxyOptions {
  readonly auth?: { readonly user: string; readonly password: string };
  readonly route?: (host: string, port: number) => { host: string; port: number };
}

export async function startLoopbackProxy(opts: LoopbackProxyOptions = {}): Promise<LoopbackProxy> {
  let connections = 0;
  let forwarded = 0;
  let tunnels = 0;
  let refused = 0;
  let targets: string[] = [];
  let actions: string[] = [];
  const sockets = new Set<Socket>();
  const expected = opts.auth ? `Basic ${Buffer.from(`${opts.auth.user}:${opts.auth.password}`).toString('base64')}` : undefined;
  const authorised = (req: http.IncomingMessage): boolean => expected === undefined || req.headers['proxy-authorization'] === expected;
  const route = opts.route ?? ((host: string, port: number) => ({ host, port }));

  const server = http.createServer((req, res) => {
    if (!authorised(req)) {
      refused++;
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="loopback"', 'content-type': 'text/plain' }).end('proxy authentication required');
      return;
    }
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute URI expected');
      return;
    }
    if (target.protocol !== 'http:') {
      res.writeHead(400).end('only http:// is forwarded; use CONNECT for https');
      return;
    }
    forwarded++;
    actions.push(String(req.headers['x-acs-action'] ?? ''));
    const port = Number(target.port || 80);
    targets.push(`${target.hostname}:${port}`);
    const to = route(target.hostname, port);
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = http.request({ host: to.host, port: to.port, method: req.method, path: `${target.pathname}${target.search}`, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    // Unreachable upstream: what real proxies answer, an HTML 502 page; a drop mid-answer resets the client instead.
    upstream.on('error', () => {
      if (res.headersSent) res.destroy();
      else res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    });
    req.pipe(upstream);
  });

  server.on('connection', (s: Socket) => {
    connections++;
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });

  server.on('connect', (req: http.IncomingMessage, client: Socket, head: Buffer) => {
    if (!authorised(req)) {
      refused++;
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="loopback"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(req.url ?? '');
    if (!m?.[1] || !m[2]) {
      client.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    tunnels++;
    targets.push(`${m[1]}:${m[2]}`);
    const to = route(m[1], Number(m[2]));
    const upstream = net.connect(to.port, to.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.once('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats: () => ({ connections, forwarded, tunnels, refused, targets: [...targets], actions: [...actions] }),
    reset: () => {
      connections = 0;
      forwarded = 0;
      tunnels = 0;
      refused = 0;
      targets = [];
      actions = [];
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

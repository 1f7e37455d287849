/**
 * Real hosts, served from this machine: one local port answers plain HTTP and TLS (a self-signed
 * certificate), and Chromium's `--host-resolver-rules` sends the chosen host names to it. Pages and
 * feeds are then served under their real URLs, so the extension sees exactly what it would see on the
 * outlet's site (match patterns, host permissions, HSTS-upgraded `https://`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { connect, createServer as createNetServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RealHostResponse {
  status?: number;
  type: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/** Answers a request for a full URL (`https://www.example.com/a?b`), or null for a 404. */
export type RealHostHandler = (url: URL, request: IncomingMessage) => RealHostResponse | null | Promise<RealHostResponse | null>;

export interface RealHostServer {
  port: number;
  /** Chromium flags that send `hosts` here and accept the self-signed certificate. */
  chromiumArgs: string[];
  /** Every URL asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

let certificate: { key: string; cert: string } | null = null;

/** A throwaway self-signed certificate (openssl, once per process); Chromium is told to accept it. */
function selfSignedCertificate(): { key: string; cert: string } {
  if (certificate !== null) return certificate;
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cert-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=parallax-test', '-days', '2', '-keyout', key, '-out', cert],
      { stdio: 'ignore' },
    );
    certificate = { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
    return certificate;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts the server. `hosts` are the names Chromium sends here; `'*'` sends every name (IP literals such
 * as 127.0.0.1 are never resolved, so loopback servers keep working).
 */
export async function startRealHostServer(options: { hosts: readonly string[] | '*'; handle: RealHostHandler }): Promise<RealHostServer> {
  const requests: string[] = [];
  const respond = (scheme: 'http' | 'https') => (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(`${scheme}://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`);
    url.port = '';
    requests.push(url.href);
    void Promise.resolve()
      .then(() => options.handle(url, request))
      .then((answer) => {
        if (answer === null) {
          response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
          response.end('Not found');
          return;
        }
        response.writeHead(answer.status ?? 200, { 'content-type': answer.type, 'cache-control': 'no-store', ...answer.headers });
        response.end(answer.body);
      })
      .catch(() => {
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Server error');
      });
  };
  const plain = createHttpServer(respond('http'));
  const tls = createTlsServer(selfSignedCertificate(), respond('https'));
  const listen = (server: Server) =>
    new Promise<number>((ok, fail) => {
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        ok(typeof address === 'object' && address ? address.port : 0);
      });
    });
  const [plainPort, tlsPort] = await Promise.all([listen(plain), listen(tls)]);
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  // One port for both schemes: a TLS connection opens with a handshake record (first byte 0x16), and the
  // connection is relayed to the plain or the TLS server.
  const front = createNetServer((socket) => {
    track(socket);
    socket.once('data', (first) => {
      const inner = connect(first[0] === 0x16 ? tlsPort : plainPort, '127.0.0.1');
      track(inner);
      inner.write(first);
      socket.pipe(inner).pipe(socket);
      inner.on('close', () => socket.destroy());
      socket.on('close', () => inner.destroy());
    });
  });
  await listen(front);
  const address = front.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const rules = options.hosts === '*' ? [`MAP * 127.0.0.1:${port}`] : options.hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`);
  return {
    port,
    requests,
    chromiumArgs: [`--host-resolver-rules=${rules.join(', ')}`, '--ignore-certificate-errors'],
    close: () =>
      new Promise((ok) => {
        for (const socket of sockets) socket.destroy();
        plain.close();
        tls.close();
        front.close(() => ok());
      }),
  };
}

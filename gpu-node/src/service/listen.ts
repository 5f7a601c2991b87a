/**
 * Binding and closing both servers; shared by `main` and the tests, which
 * bind port 0 and read the port the OS chose.
 */
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as grpc from '@grpc/grpc-js';

/** Binds the native gRPC server (plaintext); resolves to the bound port. */
export function listenGrpc(server: grpc.Server, host: string, port: number): Promise<number> {
  const address = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  return new Promise((resolve, reject) => {
    server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (err, bound) =>
      err ? reject(err) : resolve(bound),
    );
  });
}

/** Binds the gRPC-Web HTTP server; resolves to the bound port. */
export function listenHttp(server: HttpServer, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops both: no new calls, running ones finish (or are cut after `graceMs`). */
export async function closeServers(grpcServer: grpc.Server, http: HttpServer, graceMs = 5000): Promise<void> {
  const cut = setTimeout(() => {
    grpcServer.forceShutdown();
    http.closeAllConnections();
  }, graceMs);
  await Promise.all([
    new Promise<void>((resolve) => grpcServer.tryShutdown(() => resolve())),
    new Promise<void>((resolve) => {
      http.close(() => resolve());
      http.closeIdleConnections();
    }),
  ]);
  clearTimeout(cut);
}

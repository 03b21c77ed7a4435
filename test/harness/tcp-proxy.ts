import net from 'node:net';

/**
 * A TCP proxy in front of a real service (Postgres, Redis) that a test can cut and restore, to
 * see what the service does when a dependency goes away, without stopping the shared server.
 */
export interface TcpProxy {
  readonly port: number;
  cut(): void;
  restore(): void;
  /** Keep connections open but pass nothing either way (a hung service); `restore` resumes. */
  stall(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let up = true;
  let stalled = false;
  const server = net.createServer((client) => {
    if (!up) return client.destroy();
    if (stalled) {
      // A stalled service accepts and then says nothing (like a host that stopped answering).
      sockets.add(client);
      client.on('close', () => sockets.delete(client));
      client.on('error', () => {});
      return client.pause();
    }
    const upstream = net.connect({ host: targetHost, port: targetPort });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    cut() {
      up = false;
      for (const s of sockets) s.destroy();
    },
    restore() {
      up = true;
      stalled = false;
      for (const s of sockets) s.resume();
    },
    stall() {
      stalled = true;
      for (const s of sockets) s.pause();
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

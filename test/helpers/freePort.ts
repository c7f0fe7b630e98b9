// A free loopback port for a test that starts the real entry point in a child process.
import * as net from 'net';

export const freePort = (): Promise<number> => new Promise<number>((resolve, reject) => {
  const s = net.createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address() as net.AddressInfo;
    s.close(() => resolve(port));
  });
});

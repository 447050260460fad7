import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedPostgresError, findFreePort, startEmbeddedPostgres } from './embedded-postgres.js';

describe('startEmbeddedPostgres', () => {
  it('refuses a data folder made by another PostgreSQL major version, saying what to do', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pg-old-'));
    writeFileSync(path.join(dataDir, 'PG_VERSION'), '15\n');
    const start = startEmbeddedPostgres({ dataDir, port: await findFreePort(), password: 'x' });
    await expect(start).rejects.toThrow(EmbeddedPostgresError);
    await expect(
      startEmbeddedPostgres({ dataDir, port: await findFreePort(), password: 'x' }),
    ).rejects.toThrow(/made by PostgreSQL 15, but the embedded server is PostgreSQL 18/);
  });

  it('refuses a port that is already in use, naming the variable to change', async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    try {
      await expect(
        startEmbeddedPostgres({ dataDir: path.join(os.tmpdir(), 'pg-unused'), port, password: 'x' }),
      ).rejects.toThrow(/Port \d+ on 127.0.0.1 is already in use.*EMBEDDED_PG_PORT/);
    } finally {
      blocker.close();
    }
  });
});

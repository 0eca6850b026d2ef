// Make it yours: "Attach Redis". No file edited: REDIS_URL in the environment is
// the whole task, so the app as it stands (the run's shared test build of it) is what runs.
import { describeWithRedis, spawnServer, startRedis, type SpawnedServer, type TestRedis } from 'twelvepack/testing';
import { VISITS_KEY } from '../../src/server/countVisit';
import { builtDemoDir } from '../support/builtDemo';

describeWithRedis('Make it yours: attach Redis (no file edit: set REDIS_URL)', () => {
  let redis: TestRedis | undefined;
  let server: SpawnedServer | undefined;
  let url: string;

  beforeAll(async () => {
    redis = await startRedis();
    server = spawnServer({ dir: builtDemoDir(), env: { REDIS_URL: redis.url } });
    url = await server.ready();
  });

  afterAll(async () => {
    server?.kill();
    await redis?.stop();
  });

  it("opens the store on Redis: the 'store opened' line says redis", async () => {
    const opened = await server!.waitForLog((line) => line.msg === 'store opened');
    expect(opened.store).toBe('redis');
  });

  it('counts POST /api/visits in Redis', async () => {
    const first = await (await fetch(`${url}/api/visits`, { method: 'POST' })).json();
    const second = await (await fetch(`${url}/api/visits`, { method: 'POST' })).json();
    expect(first).toEqual({ visits: 1, store: 'redis' });
    expect(second).toEqual({ visits: 2, store: 'redis' });
    // The raw RESP reply: a bulk string of one byte, "2".
    expect(await redis!.command('GET', VISITS_KEY)).toBe('$1\r\n2\r\n');
  });
});

import { get } from 'node:http';

/**
 * Which process answers the fixture's `/api/greeting` on a new connection (keep-alive would pin one worker;
 * the cluster primary hands new connections round-robin).
 */
export const servedBy = (url: string): Promise<number> =>
  new Promise<number>((resolve, reject) => {
    get(`${url}/api/greeting`, { agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve((JSON.parse(body) as { servedBy: number }).servedBy));
    }).on('error', reject);
  });

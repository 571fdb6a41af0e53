import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { promotedDuring } from '../../test/support/gcPromotion';
import { appMessageClasses } from './appMessageClasses';
import { createDrainingServer } from './drainingServer';

async function servePosts(withClasses: boolean, requests: number) {
  const app = express();
  app.use(express.json());
  app.post('/echo', (req, res) => void res.json({ n: (req.body as { n: number }).n, host: req.hostname }));
  const { server } = createDrainingServer(app, withClasses ? appMessageClasses(app) : {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const agent = new http.Agent({ keepAlive: true });
  const post = (n: number) =>
    new Promise<{ n: number; host: string }>((resolve, reject) => {
      const body = JSON.stringify({ n, text: 'x'.repeat(200) });
      const req = http.request(
        {
          agent,
          host: '127.0.0.1',
          port: (server.address() as AddressInfo).port,
          path: '/echo',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(JSON.parse(text) as { n: number; host: string }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const answers: { n: number; host: string }[] = [];
  try {
    const promoted = await promotedDuring(async () => {
      for (let round = 0; round < requests / 30; round++) {
        answers.push(...(await Promise.all(Array.from({ length: 30 }, (_, i) => post(round * 30 + i)))));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    });
    return { promoted: promoted.bytes / answers.length, scavenges: promoted.scavenges, answers };
  } finally {
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('requests born with the app’s prototypes', () => {
  it('when the server makes its requests and responses with the app’s classes, then express’s helpers work on them', async () => {
    const { answers } = await servePosts(true, 30);
    expect(answers).toHaveLength(30);
    expect(answers[7]).toEqual({ n: 7, host: '127.0.0.1' });
  });

  it('when thousands of requests have been answered, then what their handling allocated died young instead of being moved to the old generation', async () => {
    // Without the classes about 8 KB per request; with them under 1 KB.
    const { promoted, scavenges } = await servePosts(true, 3_000);
    expect(scavenges).toBeGreaterThan(0);
    expect(promoted).toBeLessThan(2_500);
  });
});

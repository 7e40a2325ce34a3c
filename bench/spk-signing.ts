/**
 * Benchmark (issue 14 item 6): does the server keep answering while SPKs are rendered and signed?
 * The real /healthz route is served from this process while ten SPKs are rendered and signed at
 * once, first on the request thread (how it was done before the PDF pool) and then through the PDF
 * worker pool (how the server does it now). A separate process polls /healthz every 10 ms and
 * records each answer's latency; another does the same with a simple GraphQL query (`{ ok }`, executed
 * by graphql-js in the server process), the "simple query" of the target.
 *
 *   npm run bench:spk                 # ten SPKs at once, three rounds per side
 *   BENCH_SPKS=20 npm run bench:spk
 *
 * Prints a JSON report (also written to bench/results/spk-signing.json): p50/p99/max of /healthz
 * idle, during the main-thread signing and during the pooled signing, and their ratios.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { buildSchema, graphql } from 'graphql';
import { healthRoutes } from '../server/src/http/health';
import { closePdfPool, renderSpk, signSpkPdf } from '../server/src/pdf';
import { renderSpkPdf } from '../server/src/spk/document';
import { generateDevIdentity, signPdf, type SigningIdentity } from '../server/src/spk/document/sign';
import { vpsTwelveMonths } from '../test/spk/document/fixtures';

const SPKS = Number(process.env.BENCH_SPKS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** The poller: its own process, so its timings are not held up by what the server process does. */
const POLLER = `
const url = process.argv[2];
const latencies = [];
let stop = false;
process.on('message', () => { stop = true; });
(async () => {
  await fetch(url).then((r) => r.arrayBuffer());
  process.send('ready');
  while (!stop) {
    const t = performance.now();
    // A reset keep-alive connection (the server's idle timer fires while it was busy) is retried: the
    // latency counted is until an answer arrives.
    for (let tries = 0; tries < 3; tries++) {
      try {
        await fetch(url).then((r) => r.arrayBuffer());
        break;
      } catch {}
    }
    latencies.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 10));
  }
  process.send(latencies, () => process.exit(0));
})();
`;

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

async function measure(urls: string[], work: () => Promise<unknown>): Promise<{ ms: number; latencies: number[][] }> {
  const script = path.join(__dirname, 'results', 'healthz-poller.cjs');
  fs.mkdirSync(path.dirname(script), { recursive: true });
  fs.writeFileSync(script, POLLER);
  const pollers = urls.map((url) => fork(script, [url], { stdio: 'inherit' }));
  // Timings start once every poller has had its first answer (starting a process takes a while).
  await Promise.all(pollers.map((p) => new Promise((resolve) => p.once('message', resolve))));
  const latencies = pollers.map((p) => new Promise<number[]>((resolve) => p.once('message', (m) => resolve(m as number[]))));
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 100));
  for (const p of pollers) p.send('stop');
  return { ms: Math.round(ms), latencies: await Promise.all(latencies) };
}

function signOne(identity: SigningIdentity, pooled: boolean) {
  const data = vpsTwelveMonths();
  const opts = (box: { page: number; x: number; y: number; width: number; height: number }) => ({
    reason: `Persetujuan ${data.number}`,
    location: 'Jakarta',
    name: 'Bench',
    signingTime: new Date('2026-11-24T03:15:00Z'),
    visible: { box, lines: ['Bench', 'PT Awan Nusantara Teknologi'] },
  });
  return pooled
    ? renderSpk(data).then((r) => signSpkPdf(r.bytes, identity, opts(r.providerSignatureBox)))
    : renderSpkPdf(data).then((r) => signPdf(r.bytes, identity, opts(r.providerSignatureBox)));
}

async function main() {
  const identity = await generateDevIdentity({ commonName: 'Bench', organization: 'PT Awan Nusantara Teknologi' });
  const app = express();
  app.use(healthRoutes(null as never, { accepting: true, listening: () => true }));
  const schema = buildSchema('type Query { ok: Boolean! }');
  app.get('/graphql', (req, res) => {
    void graphql({ schema, source: String(req.query.query), rootValue: { ok: true } }).then((r) => res.json(r));
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const urls = [`${base}/healthz`, `${base}/graphql?query=${encodeURIComponent('{ ok }')}`];

  // Warm both sides: fonts read, workers started, code compiled.
  await signOne(identity, false);
  await Promise.all([signOne(identity, true), signOne(identity, true)]);

  const idle = await measure(urls, () => new Promise((r) => setTimeout(r, 3000)));
  const main: number[] = [];
  const pooled: number[] = [];
  const query = { main: [] as number[], pooled: [] as number[] };
  const wall = { main: [] as number[], pooled: [] as number[] };
  // Alternate which side runs first in each round.
  for (let round = 0; round < ROUNDS; round++) {
    for (const side of round % 2 ? (['pooled', 'main'] as const) : (['main', 'pooled'] as const)) {
      const r = await measure(urls, () => Promise.all(Array.from({ length: SPKS }, () => signOne(identity, side === 'pooled'))));
      (side === 'main' ? main : pooled).push(...r.latencies[0]!);
      query[side].push(...r.latencies[1]!);
      wall[side].push(r.ms);
    }
  }
  server.close();
  await closePdfPool();

  const summary = (l: number[]) => ({ samples: l.length, p50: pct(l, 50), p99: pct(l, 99), max: pct(l, 100) });
  const report = {
    spksAtOnce: SPKS,
    rounds: ROUNDS,
    healthzMs: { idle: summary(idle.latencies[0]!), mainThread: summary(main), workerPool: summary(pooled) },
    simpleQueryMs: { idle: summary(idle.latencies[1]!), mainThread: summary(query.main), workerPool: summary(query.pooled) },
    wallMsPerRound: wall,
    ratios: {
      p99MainThreadOverPool: Math.round((pct(main, 99) / pct(pooled, 99)) * 10) / 10,
      p99PoolOverIdle: Math.round((pct(pooled, 99) / pct(idle.latencies[0]!, 99)) * 10) / 10,
      queryP99MainThreadOverPool: Math.round((pct(query.main, 99) / pct(query.pooled, 99)) * 10) / 10,
    },
  };
  console.log(JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(__dirname, 'results', 'spk-signing.json'), JSON.stringify(report, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

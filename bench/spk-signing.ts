/**
 * Benchmark (issue 14 item 6): does the server keep answering while SPKs are rendered, stamped and signed?
 * The real /healthz route is served from this process while ten SPKs are made at once, in three ways
 * per round (which goes first alternates):
 * - `workerPool`: as signSpk does now (spk/document-work.ts makeSignedSpk): render, sandbox e-Meterai
 *   placement and certified signature, each in the PDF worker pool;
 * - `mainThread`: the same three steps on the request thread, as before the pool;
 * - `plainRender`: plain pdf-lib rendering of the same pages on the request thread (no stamp, no
 *   signature): the baseline for the time an SPK takes.
 * A separate process polls /healthz every 10 ms and records each answer's latency; another does the
 * same with a simple GraphQL query (`{ ok }`, executed by graphql-js in this process), the "simple
 * query" of the target. The idle baseline (`idle`, BENCH_IDLE_MS per round, default 10 s) is the
 * same server with nothing else to do, measured in every round between the others.
 *
 *   npm run bench:spk                 # ten SPKs at once, three rounds
 *   BENCH_SPKS=20 BENCH_ROUNDS=1 npm run bench:spk
 *
 * Prints a JSON report (also written to bench/results/spk-signing.json): p50/p99/max of both pollers
 * idle and during each side, wall time per round, the load average, and the ratios.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { buildSchema, graphql } from 'graphql';
import { healthRoutes } from '../server/src/http/health';
import os from 'node:os';
import { closePdfPool, pdfPool } from '../server/src/pdf';
import { renderSpkPdf } from '../server/src/spk/document';
import { makeSignedSpk } from '../server/src/spk/document-work';
import { generateDevIdentity, signPdf, type SigningIdentity } from '../server/src/spk/document/sign';
import { SandboxStampDutyProvider, sandboxSerialNumber } from '../server/src/spk/stamp-duty';
import { drawSandboxStampPdf } from '../server/src/spk/stamp-duty/sandbox-stamp';
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

type Side = 'idle' | 'workerPool' | 'mainThread' | 'plainRender';
const SIDES: Side[] = ['idle', 'workerPool', 'mainThread', 'plainRender'];
/** How long the idle side lasts in each round: long enough for a p99 of a few hundred samples. */
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 10_000);

let made = 0;
/** One SPK made the given way; each gets its own document id, so the sandbox stamps it afresh. */
async function makeOne(identity: SigningIdentity, side: Exclude<Side, 'idle'>): Promise<number> {
  const data = vpsTwelveMonths();
  const documentId = `bench-${process.pid}-${made++}`;
  const signature = { reason: `Persetujuan ${data.number}`, location: 'Jakarta', name: 'Bench', signingTime: new Date('2026-11-24T03:15:00Z') };
  const lines = ['Bench', 'PT Awan Nusantara Teknologi'];
  if (side === 'workerPool') {
    const r = await makeSignedSpk(data, { documentId, documentCode: data.documentCode, stampDuty: new SandboxStampDutyProvider(), identity, signature: { ...signature, lines } });
    return r.signed.length;
  }
  const rendered = await renderSpkPdf(data);
  if (side === 'plainRender') return rendered.bytes.length;
  const stamped = await drawSandboxStampPdf(rendered.bytes, rendered.stampBox, sandboxSerialNumber(documentId, rendered.bytes));
  const signed = await signPdf(stamped, identity, { ...signature, certify: true, visible: { box: rendered.providerSignatureBox, lines } });
  return signed.length;
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

  // Warm every side: fonts read, workers started, code compiled.
  for (const side of SIDES) if (side !== 'idle') await Promise.all([makeOne(identity, side), makeOne(identity, side)]);

  const load = [os.loadavg()[0]!];
  const healthz: Record<Side, number[]> = { idle: [], workerPool: [], mainThread: [], plainRender: [] };
  const query: Record<Side, number[]> = { idle: [], workerPool: [], mainThread: [], plainRender: [] };
  const wall: Record<Side, number[]> = { idle: [], workerPool: [], mainThread: [], plainRender: [] };
  const poolJobsBefore = { ...pdfPool().started };
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate which side runs first in each round.
    for (const side of SIDES.map((_, i) => SIDES[(i + round) % SIDES.length]!)) {
      const r = await measure(urls, () =>
        side === 'idle' ? new Promise((resolve) => setTimeout(resolve, IDLE_MS)) : Promise.all(Array.from({ length: SPKS }, () => makeOne(identity, side))),
      );
      healthz[side].push(...r.latencies[0]!);
      query[side].push(...r.latencies[1]!);
      wall[side].push(r.ms);
    }
    load.push(os.loadavg()[0]);
  }
  const poolJobs = Object.fromEntries(Object.entries(pdfPool().started).map(([op, n]) => [op, n - (poolJobsBefore[op as keyof typeof poolJobsBefore] ?? 0)]));
  server.close();
  await closePdfPool();

  const summary = (l: number[]) => ({ samples: l.length, p50: pct(l, 50), p99: pct(l, 99), max: pct(l, 100) });
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const per = (side: Side) => wall[side].map((ms) => ms / SPKS);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const report = {
    spksAtOnce: SPKS,
    rounds: ROUNDS,
    cores: os.availableParallelism(),
    loadAverage1m: { min: Math.min(...load), max: Math.max(...load) },
    healthzMs: { idle: summary(healthz.idle), workerPool: summary(healthz.workerPool), mainThread: summary(healthz.mainThread), plainRender: summary(healthz.plainRender) },
    simpleQueryMs: { idle: summary(query.idle), workerPool: summary(query.workerPool), mainThread: summary(query.mainThread), plainRender: summary(query.plainRender) },
    wallMsPerRound: { workerPool: wall.workerPool, mainThread: wall.mainThread, plainRender: wall.plainRender },
    /** Jobs the pool ran during the measured rounds: render, stamp and sign of each pooled SPK. */
    poolJobs,
    ratios: {
      healthzP99PoolOverIdle: ratio(pct(healthz.workerPool, 99), pct(healthz.idle, 99)),
      queryP99PoolOverIdle: ratio(pct(query.workerPool, 99), pct(query.idle, 99)),
      healthzP99MainThreadOverPool: ratio(pct(healthz.mainThread, 99), pct(healthz.workerPool, 99)),
      queryP99MainThreadOverPool: ratio(pct(query.mainThread, 99), pct(query.workerPool, 99)),
      /** Wall time of ten signed SPKs through the pool over ten plain pdf-lib renderings, per round. */
      wallPoolOverPlainRender: wall.workerPool.map((ms, i) => ratio(ms, wall.plainRender[i]!)),
      wallMainThreadOverPlainRender: wall.mainThread.map((ms, i) => ratio(ms, wall.plainRender[i]!)),
    },
    msPerSpk: { workerPool: Math.round(mean(per('workerPool'))), mainThread: Math.round(mean(per('mainThread'))), plainRender: Math.round(mean(per('plainRender'))) },
  };
  console.log(JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(__dirname, 'results', 'spk-signing.json'), JSON.stringify(report, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

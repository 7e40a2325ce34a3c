import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nextChunkSize } from '../../server/src/billing/chunk-size';

/** The billing pass sizes its chunks from how long the last one held its orders' locks (issue 14 item 2). */
describe('nextChunkSize', () => {
  it('grows a chunk that finished early and shrinks one that held its locks too long, towards the target', () => {
    expect(nextChunkSize(100, 125, 250)).toBe(200);
    expect(nextChunkSize(100, 500, 250)).toBe(50);
    expect(nextChunkSize(100, 200, 250)).toBe(125);
    expect(nextChunkSize(100, 250, 250)).toBe(100);
  });

  it('at most doubles or halves per chunk, so one slow statement does not swing it', () => {
    expect(nextChunkSize(100, 1, 250)).toBe(200);
    expect(nextChunkSize(100, 0, 250)).toBe(200);
    expect(nextChunkSize(100, 60_000, 250)).toBe(50);
  });

  it('stays within its bounds: never an empty chunk, never an unbounded one', () => {
    expect(nextChunkSize(5, 60_000, 250)).toBe(5);
    expect(nextChunkSize(2_000, 1, 250)).toBe(2_000);
    expect(nextChunkSize(1_500, 1, 250)).toBe(2_000);
  });

  it('lives in a module that imports nothing, so this unit test loads no ORM', () => {
    expect(fs.readFileSync('server/src/billing/chunk-size.ts', 'utf8')).not.toMatch(/^\s*import\b|\brequire\(/m);
  });
});

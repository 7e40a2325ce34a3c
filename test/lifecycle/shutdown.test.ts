import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { closeInOrder } from '../../server/src/lifecycle/shutdown';

const logger = pino({ level: 'silent' });

describe('closeInOrder', () => {
  it('closes every step in order; one that throws is reported and the next still closes', async () => {
    const closed: string[] = [];
    const result = await closeInOrder(
      [
        { name: 'http', close: async () => void closed.push('http') },
        { name: 'jobs', close: async () => { throw new Error('boom'); } },
        { name: 'database', close: () => void closed.push('database') },
      ],
      logger,
    );
    expect(closed).toEqual(['http', 'database']);
    expect(result).toEqual({ ok: false, unfinished: ['jobs'] });
  });

  it('gives up at the deadline and names the step that hangs and those never reached', async () => {
    const closed: string[] = [];
    const result = await closeInOrder(
      [
        { name: 'http', close: () => void closed.push('http') },
        { name: 'listener', close: () => new Promise<void>(() => {}) },
        { name: 'database', close: () => void closed.push('database') },
      ],
      logger,
      50,
    );
    expect(closed).toEqual(['http']);
    expect(result).toEqual({ ok: false, unfinished: ['listener', 'database'] });
  });
});

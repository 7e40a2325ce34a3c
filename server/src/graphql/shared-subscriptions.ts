import { print, subscribe, type ExecutionArgs, type ExecutionResult } from 'graphql';

type Outcome = AsyncGenerator<ExecutionResult, void, void> | ExecutionResult;

/**
 * Results one subscriber may have waiting. graphql-ws takes the next result only once the last one was
 * written to the socket, so a client that does not read (a stalled phone, a frozen tab) would keep every
 * later result of its group in memory. Generous, as each is shared with the group (a pointer each). A
 * burst of more notices to one user than their socket drains meanwhile (a large billing pass's staff
 * alerts) is let go the same way: the client reconnects and fetches the list once, rather than taking
 * them one by one.
 */
export const MAX_QUEUED = 1_000;

/**
 * How a subscriber that fell `MAX_QUEUED` behind is let go: its socket is closed with 1013 (Try Again
 * Later). Not by dropping its oldest results: each is a notification of its own, not a state that a
 * newer one replaces, and a dropped one would be lost without a sign. graphql-ws clients retry on 1013
 * (it is not among their fatal codes) and resubscribe, and the back office fetches what it missed on
 * every reconnect (admin/src/notifications/live.ts), as after any lost connection.
 */
export const SLOW_SUBSCRIBER = { code: 1013, reason: 'Subscriber too slow: reconnect and fetch what was missed' } as const;

export interface SlowSubscribers {
  /** Results a subscriber may have waiting (default MAX_QUEUED). */
  maxQueued?: number;
  /**
   * Closes the connection of the subscription with this context (SLOW_SUBSCRIBER), before its results
   * are dropped, so nothing more (not even a `complete`) is sent on it. Without it, the subscription
   * fails with an error instead.
   */
  onSlow?: (contextValue: unknown) => void;
}

const isStream = (o: Outcome): o is AsyncGenerator<ExecutionResult, void, void> => Symbol.asyncIterator in o;

/**
 * One subscriber's view of a shared execution: the results in arrival order. A small queue of its own
 * rather than a Repeater because the group must know at once when a subscriber leaves, and graphql-ws
 * may call `return()` before ever calling `next()` (a client that completes while subscribing), which
 * a Repeater does not report (its executor never runs).
 */
class Member implements AsyncGenerator<ExecutionResult, void, void> {
  private readonly queue: ExecutionResult[] = [];
  private waiting: { resolve: (r: IteratorResult<ExecutionResult, void>) => void; reject: (err: unknown) => void } | null = null;
  private ended = false;
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly onLeave: (m: Member) => void,
    private readonly maxQueued: number,
    private readonly onSlow: (() => void) | null,
  ) {}

  push(result: ExecutionResult) {
    if (this.ended) return;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w.resolve({ value: result, done: false });
    } else if (this.queue.length < this.maxQueued) this.queue.push(result);
    else this.tooSlow();
  }

  /** Fell MAX_QUEUED behind: its connection is closed first (SLOW_SUBSCRIBER), then it leaves with nothing kept. */
  private tooSlow() {
    this.onSlow?.();
    this.queue.length = 0;
    this.end(this.onSlow ? undefined : { error: new Error(`subscriber too slow: ${this.maxQueued} results waiting`) });
    this.onLeave(this);
  }

  /** The stream ended (or failed): what is queued is still delivered, then done (or the error). */
  end(error?: { error: unknown }) {
    if (this.ended) return;
    this.ended = true;
    this.failure = error ?? null;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      this.settle(w);
    }
  }

  private settle(w: { resolve: (r: IteratorResult<ExecutionResult, void>) => void; reject: (err: unknown) => void }) {
    if (this.failure) {
      const { error } = this.failure;
      this.failure = null;
      w.reject(error);
    } else w.resolve({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<ExecutionResult, void>> {
    if (this.queue.length) return Promise.resolve({ value: this.queue.shift()!, done: false });
    return new Promise((resolve, reject) => {
      if (this.ended) this.settle({ resolve, reject });
      else this.waiting = { resolve, reject };
    });
  }

  /** The subscriber left (client complete, socket closed): leaves the group at once. */
  async return(): Promise<IteratorResult<ExecutionResult, void>> {
    this.queue.length = 0;
    if (!this.ended) {
      this.end();
      this.onLeave(this);
    }
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult, void>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  async [Symbol.asyncDispose]() {
    await this.return();
  }
}

/** The subscriptions that share one execution, and the source stream they share. */
class Group {
  readonly members = new Set<Member>();
  private source: AsyncGenerator<ExecutionResult, void, void> | null = null;
  /** Set once it no longer takes members: its stream ended, or its last member left. */
  closed = false;

  constructor(
    readonly started: Promise<Outcome>,
    private readonly forget: () => void,
    private readonly slow: SlowSubscribers & { maxQueued: number },
  ) {}

  /** A member reading this group's stream, or the outcome itself when it is no stream (an error result). */
  async join(contextValue: unknown): Promise<Outcome | null> {
    let outcome: Outcome;
    try {
      outcome = await this.started;
    } catch (err) {
      this.close();
      throw err;
    }
    if (!isStream(outcome)) {
      this.close();
      return outcome;
    }
    if (this.closed) return null;
    const { onSlow } = this.slow;
    const member = new Member((m) => this.leave(m), this.slow.maxQueued, onSlow ? () => onSlow(contextValue) : null);
    this.members.add(member);
    if (!this.source) {
      this.source = outcome;
      void this.pump(outcome);
    }
    return member;
  }

  private async pump(source: AsyncGenerator<ExecutionResult, void, void>) {
    let failure: { error: unknown } | undefined;
    try {
      for await (const result of source) for (const m of this.members) m.push(result);
    } catch (error) {
      failure = { error };
    }
    this.close();
    for (const m of this.members) m.end(failure);
    this.members.clear();
  }

  private leave(member: Member) {
    this.members.delete(member);
    if (this.members.size) return;
    this.close();
    // Ends the pubsub subscription behind it; the pump's loop then finishes with no one to tell.
    void this.source?.return();
  }

  private close() {
    if (this.closed) return;
    this.closed = true;
    this.forget();
  }
}

/**
 * Runs each distinct subscription once and fans its results out (issue 14 item 7). graphql-ws runs
 * every subscription on its own: one event reaching a customer's 1,000 open tabs ran the filter, the
 * auth checker and the resolvers 1,000 times, all with the same answer. Subscriptions with the same
 * document, operation name and variables, of the same viewer, now share one execution: the filter,
 * the access decisions (accounts/access.ts, once per viewer per event) and the resolvers run once per
 * event, and every member receives that one result.
 *
 * What stays per subscription: the session check before each delivery (graphql/live-sockets.ts via
 * graphql-ws's onNext, so a revoked or expired session still stops that socket's deliveries), error
 * formatting, and the message sent. `viewerOf` tells viewers apart (accounts/access.ts `viewerKey`):
 * two different users, or one user in two roles, never share an execution; a different selection or
 * different variables make a different group. A subscriber that falls `maxQueued` results behind is
 * let go (`onSlow`, SLOW_SUBSCRIBER) rather than kept growing the server's memory.
 */
export class SharedSubscriptions {
  private readonly groups = new Map<string, Group>();

  private readonly slow: SlowSubscribers & { maxQueued: number };

  constructor(
    private readonly viewerOf: (contextValue: unknown) => string,
    slow: SlowSubscribers = {},
  ) {
    this.slow = { maxQueued: slow.maxQueued ?? MAX_QUEUED, onSlow: slow.onSlow };
  }

  /** graphql-ws's `subscribe`: the same signature as graphql's own. */
  readonly subscribe = async (args: ExecutionArgs): Promise<Outcome> => {
    const key = JSON.stringify([
      this.viewerOf(args.contextValue),
      args.operationName ?? null,
      args.document.loc?.source.body ?? print(args.document),
      args.variableValues ?? null,
    ]);
    for (;;) {
      let group = this.groups.get(key);
      if (!group) {
        const created: Group = new Group(
          (async () => subscribe(args))(),
          () => {
            if (this.groups.get(key) === created) this.groups.delete(key);
          },
          this.slow,
        );
        this.groups.set(key, created);
        group = created;
      }
      // null: the group closed while this one was joining (its stream ended); start afresh.
      const joined = await group.join(args.contextValue);
      if (joined) return joined;
    }
  };

  /** Executions running now (one per distinct subscription and viewer), for tests and metrics. */
  get executions(): number {
    return this.groups.size;
  }
}

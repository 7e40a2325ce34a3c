import type { Clock } from '../../server/src/common/time';

/** A clock tests can move: starts at `iso` and only changes when told to. */
export class TravelClock implements Clock {
  private current: Date;
  constructor(iso: string) {
    this.current = new Date(iso);
  }
  now() {
    return new Date(this.current);
  }
  set(iso: string) {
    this.current = new Date(iso);
  }
  advanceDays(days: number) {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

/**
 * Real time shifted by whole days. Browser tests use it rather than a TravelClock: time keeps
 * running, so the sessions and tokens of the people in the browser stay valid while the server is
 * made to live in the past (to buy something "40 days ago") and then back in the present.
 */
export class ShiftedClock implements Clock {
  offsetDays = 0;
  now() {
    return new Date(Date.now() + this.offsetDays * 86_400_000);
  }
}

import { setTimeout as sleep } from 'node:timers/promises';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../common/errors';
import { t } from '../common/messages';

/** Longest an attempt on a much-attacked account is held back. */
const MAX_DELAY_MS = 3_000;
const BASE_DELAY_MS = 100;

/**
 * Brute-force protection for login. The account is the user (found by username or email alike), so
 * both spellings share one budget. Every attempt takes its point before the password is checked, so
 * parallel guesses cannot all slip through one check; a success gives the points back.
 * - per IP: every attempt;
 * - per account and IP: failures, then RATE_LIMITED (the attacker's address is blocked, not the user);
 * - per account from anywhere: failures only slow further attempts down (at most MAX_DELAY_MS), so
 *   an attacker spread over many addresses pays in time but cannot lock the real user out.
 * Counters live in this process and each operation on them is atomic (one API process per database
 * is the supported deployment; with several, each limits on its own).
 */
export class LoginLimiter {
  private readonly perIp: RateLimiterMemory;
  private readonly perAccountIp: RateLimiterMemory;
  private readonly perAccount: RateLimiterMemory;
  private readonly maxFailures: number;

  constructor(opts: { maxPerIp: number; maxFailuresPerAccount: number; windowSeconds: number }) {
    this.maxFailures = opts.maxFailuresPerAccount;
    this.perIp = new RateLimiterMemory({ keyPrefix: 'login_ip', points: opts.maxPerIp, duration: opts.windowSeconds });
    this.perAccountIp = new RateLimiterMemory({ keyPrefix: 'login_account_ip', points: opts.maxFailuresPerAccount, duration: opts.windowSeconds });
    this.perAccount = new RateLimiterMemory({ keyPrefix: 'login_account', points: Number.MAX_SAFE_INTEGER, duration: opts.windowSeconds });
  }

  /**
   * Takes this attempt's points (throws RATE_LIMITED when the IP or the account from this IP is over
   * budget), then waits as long as the account's recent failures from anywhere ask for.
   */
  async begin(ip: string, account: string): Promise<void> {
    await this.consume(this.perIp, ip);
    await this.consume(this.perAccountIp, `${account}|${ip}`);
    const failures = (await this.perAccount.get(account))?.consumedPoints ?? 0;
    if (failures >= this.maxFailures) {
      await sleep(Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(failures - this.maxFailures, 10)));
    }
  }

  /** The password was wrong: the account counts one more failure (its account+IP point stays taken). */
  async failed(account: string): Promise<void> {
    await this.perAccount.penalty(account, 1);
  }

  /** The right password: this address's failures on the account are forgiven, and the slowing ends. */
  async succeeded(ip: string, account: string): Promise<void> {
    await this.perAccountIp.delete(`${account}|${ip}`);
    await this.perAccount.delete(account);
  }

  private async consume(limiter: RateLimiterMemory, key: string) {
    try {
      await limiter.consume(key);
    } catch (res) {
      if (res instanceof RateLimiterRes) throw this.limited(res);
      throw res;
    }
  }

  private limited(res: RateLimiterRes) {
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    return new AppError('RATE_LIMITED', t('auth.rateLimited', { seconds }), { retryAfterSeconds: seconds });
  }
}

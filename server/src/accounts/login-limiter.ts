import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../common/errors';
import { t } from '../common/messages';

/**
 * Brute-force protection for login: every attempt counts against the caller's IP, and failed ones
 * against the account, which a success clears. Counters live in this process (one API process per
 * database is the supported deployment; with several, each limits on its own).
 */
export class LoginLimiter {
  private readonly perIp: RateLimiterMemory;
  private readonly perAccount: RateLimiterMemory;

  constructor(opts: { maxPerIp: number; maxFailuresPerAccount: number; windowSeconds: number }) {
    this.perIp = new RateLimiterMemory({ keyPrefix: 'login_ip', points: opts.maxPerIp, duration: opts.windowSeconds });
    this.perAccount = new RateLimiterMemory({
      keyPrefix: 'login_account',
      points: opts.maxFailuresPerAccount,
      duration: opts.windowSeconds,
    });
  }

  /** Throws RATE_LIMITED when the IP or the account is over its budget. */
  async check(ip: string, account: string): Promise<void> {
    const key = account.toLowerCase();
    const accountState = await this.perAccount.get(key);
    if (accountState && accountState.remainingPoints <= 0) throw this.limited(accountState);
    try {
      await this.perIp.consume(ip);
    } catch (res) {
      if (res instanceof RateLimiterRes) throw this.limited(res);
      throw res;
    }
  }

  async failed(account: string): Promise<void> {
    await this.perAccount.penalty(account.toLowerCase(), 1);
  }

  async succeeded(account: string): Promise<void> {
    await this.perAccount.delete(account.toLowerCase());
  }

  private limited(res: RateLimiterRes) {
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    return new AppError('RATE_LIMITED', t('auth.rateLimited', { seconds }), { retryAfterSeconds: seconds });
  }
}

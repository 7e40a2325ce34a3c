import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { audit } from '../audit/audit';
import { AppError, badInput } from '../common/errors';
import { t } from '../common/messages';
import type { Locale } from '../common/request-context';
import type { Config } from '../config/config';
import type { AppServices } from '../app/services';
import { renderEmail } from '../notifications/channels/templates';
import { hashPassword } from './password';
import { PasswordReset } from './password-reset.entity';
import { RefreshToken } from './refresh-token.entity';
import { User } from './user.entity';

/** Where the reset page lives; the token rides in the fragment, which browsers never send to a server or its logs. */
export const resetPasswordPath = (token: string) => `/admin/reset-password#token=${token}`;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * "Forgot password" for customers and staff alike.
 * - The answer is the same whether the address has an account or not, and the e-mail is sent after the
 *   answer, so neither the reply nor its timing tells who is registered.
 * - Rate limited per IP (RATE_LIMITED, which says nothing about the address) and per address (further
 *   requests are quietly not sent, so a mailbox cannot be flooded and the limit reveals nothing either).
 * - The link expires (PASSWORD_RESET_TTL_MINUTES), is good once, and using it ends every session.
 */
export class PasswordResets {
  private readonly perIp: RateLimiterMemory;
  private readonly perAddress: RateLimiterMemory;
  readonly ttlMinutes: number;

  constructor(config: Pick<Config, 'PASSWORD_RESET_TTL_MINUTES' | 'PASSWORD_RESET_MAX_PER_HOUR' | 'PASSWORD_RESET_MAX_PER_IP_PER_HOUR'>) {
    this.ttlMinutes = config.PASSWORD_RESET_TTL_MINUTES;
    this.perIp = new RateLimiterMemory({ keyPrefix: 'reset_ip', points: config.PASSWORD_RESET_MAX_PER_IP_PER_HOUR, duration: 3600 });
    this.perAddress = new RateLimiterMemory({ keyPrefix: 'reset_address', points: config.PASSWORD_RESET_MAX_PER_HOUR, duration: 3600 });
  }

  async request(em: EntityManager, app: AppServices, rawEmail: string, meta: { ip: string }): Promise<boolean> {
    try {
      await this.perIp.consume(meta.ip);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw new AppError('RATE_LIMITED', t('auth.resetRateLimited', { seconds }), { retryAfterSeconds: seconds });
    }
    const email = rawEmail.trim().toLowerCase();
    const allowed = await this.perAddress.consume(email).then(
      () => true,
      (res) => {
        if (res instanceof RateLimiterRes) return false;
        throw res;
      },
    );
    if (!allowed) return true;
    const user = await em.findOne(User, { email, active: true, erasedAt: null });
    if (!user) return true;
    const token = randomBytes(32).toString('base64url');
    const now = app.clock.now();
    em.create(PasswordReset, { user, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + this.ttlMinutes * 60_000), ip: meta.ip.slice(0, 64) });
    audit(em, { id: user.id, role: user.role }, 'user.password_reset_requested', { entityType: 'User', entityId: user.id }, { ip: meta.ip });
    await em.flush();
    // Not through the outbox: its rows would keep a working link in the database. A lost e-mail is
    // asked for again; sending after the reply keeps SMTP's time out of the answer.
    const message = resetEmail(user, `${app.config.publicUrl}${resetPasswordPath(token)}`, this.ttlMinutes, user.locale as Locale);
    void app.notifications.email
      .send({ to: user.email, ...message })
      .catch((err: unknown) => app.logger.warn({ err, userId: user.id }, 'password reset e-mail not sent'));
    return true;
  }

  /** Sets the new password if the token is good (once), and ends every session of the account. */
  async reset(em: EntityManager, app: AppServices, token: string, newPassword: string): Promise<boolean> {
    const now = app.clock.now();
    const row = await em.findOne(PasswordReset, { tokenHash: hashToken(token), usedAt: null, expiresAt: { $gt: now } }, { populate: ['user'] });
    // The conditional UPDATE is what makes the link single-use when two tabs submit at once.
    const claimed = row ? await em.nativeUpdate(PasswordReset, { id: row.id, usedAt: null }, { usedAt: now }) : 0;
    if (!row || claimed !== 1 || !row.user.$.active) throw badInput('token', 'auth.resetInvalid');
    const user = row.user.$;
    user.passwordHash = await hashPassword(newPassword);
    user.tokenVersion += 1;
    await em.nativeUpdate(RefreshToken, { user: user.id, revokedAt: null }, { revokedAt: now });
    // Other links sent before this one die with it.
    await em.nativeUpdate(PasswordReset, { user: user.id, usedAt: null }, { usedAt: now });
    audit(em, { id: user.id, role: user.role }, 'user.password_reset', { entityType: 'User', entityId: user.id });
    await em.flush();
    await app.liveSockets.recheck(user.id);
    return true;
  }
}

function resetEmail(user: User, link: string, ttlMinutes: number, L: Locale) {
  const tr = (id: string, en: string) => (L === 'id' ? id : en);
  const staff = user.role !== 'CUSTOMER';
  return renderEmail(
    {
      audience: staff ? 'staff' : 'customer',
      name: user.fullName,
      subject: tr('Atur ulang kata sandi Anda', 'Reset your password'),
      blocks: [
        { p: tr(`Kami menerima permintaan untuk mengatur ulang kata sandi akun ${user.username}.`, `We received a request to reset the password of the account ${user.username}.`) },
        { link: tr('Atur ulang kata sandi', 'Reset the password'), url: link },
        {
          p: tr(
            `Tautan ini berlaku ${ttlMinutes} menit dan hanya dapat dipakai sekali. Setelah kata sandi diganti, semua sesi yang masih masuk akan keluar.`,
            `This link works for ${ttlMinutes} minutes and only once. Once the password is changed, every signed-in session is signed out.`,
          ),
        },
        { p: tr('Bila Anda tidak memintanya, abaikan e-mail ini: kata sandi Anda tidak berubah.', 'If you did not ask for this, ignore this e-mail: your password stays as it is.') },
      ],
    },
    L,
  );
}

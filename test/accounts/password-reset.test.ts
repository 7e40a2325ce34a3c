import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { startSmtpInbox } from '../support/smtp';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpInbox>>;

beforeAll(async () => {
  smtp = await startSmtpInbox();
  t = await startTestApp({ env: { ...smtp.env, PASSWORD_RESET_MAX_PER_HOUR: '2', PASSWORD_RESET_MAX_PER_IP_PER_HOUR: '30' } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const REQUEST = `mutation($e: String!) { requestPasswordReset(input: { email: $e }) }`;
const RESET = `mutation($t: String!, $p: String!) { resetPassword(input: { token: $t, newPassword: $p }) }`;
const LOGIN = `mutation($l: String!, $p: String!) { login(input: { login: $l, password: $p }) { accessToken } }`;
const emailOf = (u: TestUser) => `${u.username}@example.co.id`;

/** The reset e-mails an address received so far (sent after the reply: waits for the next one). */
async function nextMail(address: string, had: number) {
  while (smtp.to(address).length <= had) await new Promise((r) => setTimeout(r, 20));
  return smtp.to(address)[had]!;
}
const tokenIn = (text: string) => /\/admin\/reset-password#token=([\w-]+)/.exec(text)![1]!;

describe('forgot password', () => {
  it('e-mails a customer a single-use link that sets the password and ends every session', async () => {
    const c = await t.createUser('CUSTOMER');
    expect((await t.ok(REQUEST, { e: emailOf(c).toUpperCase() })).requestPasswordReset).toBe(true);
    const mail = await nextMail(emailOf(c), 0);
    expect(mail.subject).toBe('Atur ulang kata sandi Anda');
    expect(mail.text).toContain(`${t.url}/admin/reset-password#token=`);
    expect(mail.text).toContain('berlaku 60 menit');
    expect(mail.html).toContain('href="http');
    const token = tokenIn(mail.text);

    // The stored row is the token's hash, never the token.
    const rows = await t.app.orm.em.fork().getConnection().execute<{ token_hash: string }[]>(`select token_hash from password_resets where user_id = ?`, [c.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(token);

    expect((await t.ok(RESET, { t: token, p: 'a-brand-new-password' })).resetPassword).toBe(true);
    // Old sessions are over: access token and refresh token alike.
    expect((await t.gql(`{ me { id } }`, {}, c.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(`mutation($r: String!) { refreshToken(refreshToken: $r) { accessToken } }`, { r: c.refreshToken })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(LOGIN, { l: c.username, p: c.password })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.ok(LOGIN, { l: c.username, p: 'a-brand-new-password' })).login.accessToken).toBeTruthy();

    // Single use.
    const again = await t.gql(RESET, { t: token, p: 'yet-another-password' });
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'token' } });
    expect(again.errors?.[0]?.message).toContain('sudah dipakai');
  });

  it('works for staff too, in the staff member’s language', async () => {
    const s = await t.createUser('FINANCE');
    await t.ok(`mutation { updateMyProfile(input: { locale: en }) { id } }`, {}, s.token);
    await t.ok(REQUEST, { e: emailOf(s) });
    const mail = await nextMail(emailOf(s), 0);
    expect(mail.subject).toBe('Reset your password');
    expect(mail.text).toMatch(/^Hello Test FINANCE/);
    await t.ok(RESET, { t: tokenIn(mail.text), p: 'finance-new-password' });
    expect((await t.ok(LOGIN, { l: s.username, p: 'finance-new-password' })).login).toBeTruthy();
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = smtp.inbox.length;
    const known = await t.createUser('CUSTOMER');
    const unknown = await t.gql(REQUEST, { e: 'nobody-here@example.co.id' });
    const existing = await t.gql(REQUEST, { e: emailOf(known) });
    expect(unknown).toEqual(existing);
    await nextMail(emailOf(known), 0);
    expect(smtp.inbox.length - before).toBe(1);
    expect(smtp.to('nobody-here@example.co.id')).toHaveLength(0);
  });

  it('refuses an expired link, a made-up token and a weak password, changing nothing', async () => {
    const c = await t.createUser('CUSTOMER');
    await t.ok(REQUEST, { e: emailOf(c) });
    const token = tokenIn((await nextMail(emailOf(c), 0)).text);
    expect((await t.gql(RESET, { t: token, p: 'short' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(RESET, { t: 'made-up-token', p: 'long-enough-password' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    await t.app.orm.em.fork().getConnection().execute(`update password_resets set expires_at = now() - interval '1 minute' where user_id = ?`, [c.id]);
    expect((await t.gql(RESET, { t: token, p: 'long-enough-password' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect((await t.ok(LOGIN, { l: c.username, p: c.password })).login.accessToken).toBeTruthy();
  });

  it('quietly stops mailing one address after the hourly limit, and limits an IP with RATE_LIMITED', async () => {
    const c = await t.createUser('CUSTOMER');
    for (let i = 0; i < 4; i++) expect((await t.ok(REQUEST, { e: emailOf(c) })).requestPasswordReset).toBe(true);
    await nextMail(emailOf(c), 1);
    const rows = await t.app.orm.em.fork().getConnection().execute<{ n: number }[]>(`select count(*)::int as n from password_resets where user_id = ?`, [c.id]);
    expect(rows[0]!.n).toBe(2);

    let limited: { message: string; extensions?: Record<string, unknown> } | undefined;
    for (let i = 0; i < 40 && !limited; i++) limited = (await t.gql(REQUEST, { e: `probe${i}@example.co.id` })).errors?.[0];
    expect(limited?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited?.message).toMatch(/Terlalu banyak permintaan atur ulang kata sandi/);
  });
});

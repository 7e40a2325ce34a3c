import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { TravelClock } from '../support/clock';

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken secondStep secondStepToken user { id } } }`;
const VERIFY = `mutation($i: TwoFactorLoginInput!) { verifyTwoFactorLogin(input: $i) { accessToken refreshToken } }`;
const BEGIN = `mutation($t: String) { beginTwoFactorEnrolment(secondStepToken: $t) { secret otpauthUrl qrCodeDataUrl } }`;
const CONFIRM = `mutation($i: ConfirmTwoFactorInput!) { confirmTwoFactorEnrolment(input: $i) { recoveryCodes session { accessToken refreshToken } } }`;
const REFRESH = `mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }`;
const ME = `{ me { id twoFactorEnabled } }`;

// Time moves only when told, a TOTP step (30 s) at a time, so codes are fresh without waiting.
const clock = new TravelClock('2026-11-20T03:00:00.000Z');
const tick = (seconds = 30) => clock.set(new Date(clock.now().getTime() + seconds * 1000).toISOString());
const codeFor = (secret: string) => generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });

async function enrol(t: TestApp, token: string) {
  const begin = await t.ok(BEGIN, {}, token);
  tick();
  const done = await t.ok(CONFIRM, { i: { code: await codeFor(begin.beginTwoFactorEnrolment.secret) } }, token);
  return { secret: begin.beginTwoFactorEnrolment.secret as string, ...done.confirmTwoFactorEnrolment };
}

describe('two-factor sign-in (optional for the role)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock, env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' } });
  });
  afterAll(() => t?.close());

  it('enrols from a session: QR of the otpauth URL, 10 recovery codes, a new session; the secret is encrypted at rest', async () => {
    const u = await t.createUser('SUPPORT');
    const begin = await t.ok(BEGIN, {}, u.token);
    expect(begin.beginTwoFactorEnrolment.otpauthUrl).toMatch(new RegExp(`^otpauth://totp/Angsur:${u.username}\\?secret=${begin.beginTwoFactorEnrolment.secret}`));
    expect(begin.beginTwoFactorEnrolment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

    const wrong = await t.gql(CONFIRM, { i: { code: '000000' } }, u.token);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect((await t.ok(ME, {}, u.token)).me.twoFactorEnabled).toBe(false);

    tick();
    const done = (await t.ok(CONFIRM, { i: { code: await codeFor(begin.beginTwoFactorEnrolment.secret) } }, u.token)).confirmTwoFactorEnrolment;
    expect(done.recoveryCodes).toHaveLength(10);
    expect(new Set(done.recoveryCodes).size).toBe(10);
    expect((await t.ok(ME, {}, done.session.accessToken)).me.twoFactorEnabled).toBe(true);
    // The password-only session from before no longer passes, nor can it be refreshed.
    expect((await t.gql(ME, {}, u.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(REFRESH, { t: u.refreshToken })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const [row] = await t.app.orm.em.fork().getConnection().execute(`select totp_secret, totp_pending_secret from users where id = ?`, [u.id]);
    expect(row.totp_secret).toMatch(/^v1\.dev\./);
    expect(row.totp_secret).not.toContain(begin.beginTwoFactorEnrolment.secret);
    expect(row.totp_pending_secret).toBeNull();
    const codes = await t.app.orm.em.fork().getConnection().execute(`select code_hash from two_factor_recovery_codes where user_id = ?`, [u.id]);
    expect(codes).toHaveLength(10);
    for (const c of codes) expect(done.recoveryCodes.map((x: string) => x.replace('-', ''))).not.toContain(c.code_hash);
  });

  it('login answers the second step; a code opens a session once; its refresh token stays two-factor', async () => {
    const u = await t.createUser('FINANCE');
    const { secret } = await enrol(t, u.token);
    const first = (await t.ok(LOGIN, { i: { login: u.username, password: u.password } })).login;
    expect(first).toMatchObject({ accessToken: null, refreshToken: null, user: null, secondStep: 'TOTP' });

    const bad = await t.gql(VERIFY, { i: { secondStepToken: first.secondStepToken, code: '123456' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    tick();
    const code = await codeFor(secret);
    const ok = (await t.ok(VERIFY, { i: { secondStepToken: first.secondStepToken, code } })).verifyTwoFactorLogin;
    expect((await t.ok(ME, {}, ok.accessToken)).me.id).toBe(u.id);
    // The same code again, even with a new password step, is a replay.
    const again = (await t.ok(LOGIN, { i: { login: u.username, password: u.password } })).login;
    expect((await t.gql(VERIFY, { i: { secondStepToken: again.secondStepToken, code } })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const refreshed = (await t.ok(REFRESH, { t: ok.refreshToken })).refreshToken;
    expect((await t.ok(ME, {}, refreshed.accessToken)).me.id).toBe(u.id);
    const rows = await t.app.orm.em.fork().getConnection().execute(`select mfa from refresh_tokens where user_id = ? order by created_at desc limit 1`, [u.id]);
    expect(rows[0].mfa).toBe(true);

    // A token for the wrong step, or a made-up one, is refused.
    expect((await t.gql(VERIFY, { i: { secondStepToken: ok.accessToken, code } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a recovery code works once', async () => {
    const u = await t.createUser('SUPPORT');
    const { recoveryCodes } = await enrol(t, u.token);
    const step = (await t.ok(LOGIN, { i: { login: u.username, password: u.password } })).login;
    const ok = await t.ok(VERIFY, { i: { secondStepToken: step.secondStepToken, code: recoveryCodes[0].toUpperCase() } });
    expect(ok.verifyTwoFactorLogin.accessToken).toBeTruthy();
    const step2 = (await t.ok(LOGIN, { i: { login: u.username, password: u.password } })).login;
    const reused = await t.gql(VERIFY, { i: { secondStepToken: step2.secondStepToken, code: recoveryCodes[0] } });
    expect(reused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const audit = await t.app.orm.em.fork().getConnection().execute(`select data from audit_log where entity_id = ? and action = 'user.2fa_recovery_code_used'`, [u.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].data.left).toBe(9);
  });

  it('wrong codes count against the login limiter: the right code is then refused too', async () => {
    const u = await t.createUser('SUPPORT');
    const { secret } = await enrol(t, u.token);
    const step = (await t.ok(LOGIN, { i: { login: u.username, password: u.password } })).login;
    for (let i = 0; i < 3; i++) {
      expect((await t.gql(VERIFY, { i: { secondStepToken: step.secondStepToken, code: '000000' } })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    tick();
    const limited = await t.gql(VERIFY, { i: { secondStepToken: step.secondStepToken, code: await codeFor(secret) } });
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('turning it off needs the password; then the password alone signs in', async () => {
    const u = await t.createUser('SUPPORT');
    const { session } = await enrol(t, u.token);
    const wrong = await t.gql(`mutation { disableTwoFactor(password: "not-the-password") }`, {}, session.accessToken);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect((await t.ok(ME, {}, session.accessToken)).me.twoFactorEnabled).toBe(true);
    await t.ok(`mutation($p: String!) { disableTwoFactor(password: $p) }`, { p: u.password }, session.accessToken);
    const login = (await t.ok(LOGIN, { i: { login: u.username, password: u.password } })).login;
    expect(login.secondStep).toBeNull();
    expect(login.accessToken).toBeTruthy();
    const [row] = await t.app.orm.em.fork().getConnection().execute(`select totp_secret, (select count(*)::int from two_factor_recovery_codes where user_id = users.id) as codes from users where id = ?`, [u.id]);
    expect(row).toEqual({ totp_secret: null, codes: 0 });
  });

  it('ADMIN resets the 2FA of a colleague who lost phone and codes; the colleague cannot', async () => {
    const u = await t.createUser('FINANCE');
    const { session } = await enrol(t, u.token);
    const RESET = `mutation($id: ID!) { resetTwoFactor(userId: $id) { twoFactorEnabled } }`;
    expect((await t.gql(RESET, { id: u.id }, session.accessToken)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.ok(RESET, { id: u.id }, await t.adminToken())).resetTwoFactor.twoFactorEnabled).toBe(false);
    // Its sessions are over; the password alone signs in again (2FA is not required in this app).
    expect((await t.gql(ME, {}, session.accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(REFRESH, { t: session.refreshToken })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.ok(LOGIN, { i: { login: u.username, password: u.password } })).login.accessToken).toBeTruthy();
    const audit = await t.app.orm.em.fork().getConnection().execute(`select actor_role from audit_log where entity_id = ? and action = 'user.2fa_reset'`, [u.id]);
    expect(audit).toEqual([{ actor_role: 'ADMIN' }]);
  });
});

describe('two-factor sign-in required for ADMIN and FINANCE (STAFF_2FA_REQUIRED=true)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock, env: { STAFF_2FA_REQUIRED: 'true' } });
  });
  afterAll(() => t?.close());

  it('an ADMIN without 2FA gets the ENROL step, no session; enrolling with that token opens one', async () => {
    const step = (await t.ok(LOGIN, { i: { login: 'admin', password: t.adminPassword } })).login;
    expect(step).toMatchObject({ accessToken: null, secondStep: 'ENROL' });
    const begin = (await t.ok(BEGIN, { t: step.secondStepToken })).beginTwoFactorEnrolment;
    tick();
    const done = (await t.ok(CONFIRM, { i: { code: await codeFor(begin.secret), secondStepToken: step.secondStepToken } })).confirmTwoFactorEnrolment;
    const adminToken = done.session.accessToken;
    expect((await t.ok(ME, {}, adminToken)).me.twoFactorEnabled).toBe(true);
    // An ENROL token is not a TOTP token.
    expect((await t.gql(VERIFY, { i: { secondStepToken: step.secondStepToken, code: '123456' } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // FINANCE is held to the same rule; SUPPORT and customers are not.
    const staff = async (role: string) => {
      const username = `${role.toLowerCase()}2fa`;
      await t.ok(`mutation($i: CreateStaffInput!) { createStaff(input: $i) { id } }`, {
        i: { username, email: `${username}@example.co.id`, password: 'rahasia-sekali', fullName: role, phone: '081234567111', role },
      }, adminToken);
      return (await t.ok(LOGIN, { i: { login: username, password: 'rahasia-sekali' } })).login;
    };
    expect(await staff('FINANCE')).toMatchObject({ accessToken: null, secondStep: 'ENROL' });
    const support = await staff('SUPPORT');
    expect(support.secondStep).toBeNull();
    expect(support.accessToken).toBeTruthy();
  });
});

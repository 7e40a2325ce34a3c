import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken user { id username role } } }`;
const REFRESH = `mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }`;
const ME = `{ me { id username phone role } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' } });
});
afterAll(() => t?.close());

describe('register, login, refresh, logout', () => {
  it('registers a customer with a normalized phone and logs them in', async () => {
    const res = await t.ok(
      `mutation($i: RegisterInput!) { register(input: $i) { accessToken refreshToken user { username email phone role } } }`,
      { i: { username: 'sari', email: 'Sari@Example.co.id', password: 'rahasia-sekali', fullName: 'Sari Dewi', phone: '0812-3456-7001' } },
    );
    expect(res.register.user).toEqual({ username: 'sari', email: 'sari@example.co.id', phone: '+6281234567001', role: 'CUSTOMER' });
    const me = await t.ok(ME, {}, res.register.accessToken);
    expect(me.me.username).toBe('sari');

    const login = await t.ok(LOGIN, { i: { login: 'sari@example.co.id', password: 'rahasia-sekali' } });
    expect(login.login.user.role).toBe('CUSTOMER');
  });

  it('refuses a taken username or email with CONFLICT naming the field', async () => {
    const res = await t.gql(`mutation($i: RegisterInput!) { register(input: $i) { user { id } } }`, {
      i: { username: 'sari', email: 'other@example.co.id', password: 'rahasia-sekali', fullName: 'X', phone: '081234567002' },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'username' });
  });

  it.each([
    ['phone', { phone: '12345' }],
    ['nik', { nik: '1234' }],
    ['email', { email: 'not-an-email' }],
    ['password', { password: 'short' }],
    ['username', { username: 'Bad Name!' }],
  ])('bad %s is BAD_USER_INPUT naming the field, and nothing is stored', async (field, bad) => {
    const username = `u${field}`;
    const res = await t.gql(`mutation($i: RegisterInput!) { register(input: $i) { user { id } } }`, {
      i: { username, email: `${username}@example.co.id`, password: 'rahasia-sekali', fullName: 'X', phone: '081234567003', ...bad },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors?.[0]?.message).toMatch(/[a-z]/);
    const count = await t.app.orm.em.fork().getConnection().execute(`select count(*)::int as n from users where username = ?`, [username]);
    expect(count[0].n).toBe(0);
  });

  it('answers in English when asked', async () => {
    const res = await t.gql(LOGIN, { i: { login: 'nobody', password: 'whatever-123' } }, undefined, { 'accept-language': 'en-US,en;q=0.9' });
    expect(res.errors?.[0]).toMatchObject({ message: 'Wrong username or password.', extensions: { code: 'UNAUTHENTICATED' } });
    const id = await t.gql(LOGIN, { i: { login: 'nobody', password: 'whatever-123' } });
    expect(id.errors?.[0]?.message).toBe('Nama pengguna atau kata sandi salah.');
  });

  it('rotates refresh tokens and revokes the family when an old one is replayed', async () => {
    const u = await t.createUser('CUSTOMER');
    const first = await t.ok(REFRESH, { t: u.refreshToken });
    expect(first.refreshToken.refreshToken).not.toBe(u.refreshToken);
    // Replaying the used token is theft: it fails and kills the newer token too.
    const replay = await t.gql(REFRESH, { t: u.refreshToken });
    expect(replay.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const after = await t.gql(REFRESH, { t: first.refreshToken.refreshToken });
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a refresh token is single-use even when presented twice at once', async () => {
    const u = await t.createUser('CUSTOMER');
    const results = await Promise.all([t.gql(REFRESH, { t: u.refreshToken }), t.gql(REFRESH, { t: u.refreshToken })]);
    expect(results.filter((r) => r.data?.refreshToken).length).toBeLessThanOrEqual(1);
  });

  it('logout ends the session; logoutEverywhere also kills live access tokens', async () => {
    const u = await t.createUser('CUSTOMER');
    await t.ok(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: u.refreshToken });
    expect((await t.gql(REFRESH, { t: u.refreshToken })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const second = await t.ok(LOGIN, { i: { login: u.username, password: u.password } });
    const token = second.login.accessToken;
    expect((await t.ok(ME, {}, token)).me.username).toBe(u.username);
    await t.ok(`mutation { logoutEverywhere }`, {}, token);
    expect((await t.gql(ME, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(REFRESH, { t: second.login.refreshToken })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('concurrent checks of one session share one read of the account; a revocation is seen by the next check', async () => {
    const u = await t.createUser('CUSTOMER');
    const bearer = `Bearer ${u.token}`;
    const reads: string[] = [];
    const knex = t.app.orm.em.getConnection().getKnex();
    const onQuery = (q: { sql: string }) => void (/from "users"/.test(q.sql) && reads.push(q.sql));
    knex.on('query', onQuery);
    try {
      const checks = t.app.services.sessionChecks;
      const users = await Promise.all(Array.from({ length: 8 }, () => checks.check(bearer)));
      expect(users.every((user) => user?.id === u.id)).toBe(true);
      expect(reads.length).toBe(1);
      // Only the columns the check needs: the personal (encrypted) fields are not read.
      expect(reads[0]).not.toMatch(/full_name|email|phone/);
      await checks.check(bearer);
      expect(reads.length).toBe(2); // nothing kept once a check settles
      await t.ok(`mutation { logoutEverywhere }`, {}, u.token);
      await expect(checks.check(bearer)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    } finally {
      knex.off('query', onQuery);
    }
  });

  it('rate-limits failed logins per account, with a retry time', async () => {
    const u = await t.createUser('CUSTOMER');
    for (let i = 0; i < 3; i++) {
      const res = await t.gql(LOGIN, { i: { login: u.username, password: 'wrong-password' } });
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const limited = await t.gql(LOGIN, { i: { login: u.username, password: u.password } });
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('a bad or expired bearer token is UNAUTHENTICATED, not anonymous', async () => {
    const res = await t.gql(ME, {}, 'not-a-token');
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('roles and ownership', () => {
  it('a customer calling a staff mutation gets FORBIDDEN and nothing changes', async () => {
    const c = await t.createUser('CUSTOMER');
    const before = await t.app.orm.em.fork().getConnection().execute(`select count(*)::int as n from users`);
    const res = await t.gql(
      `mutation($i: CreateStaffInput!) { createStaff(input: $i) { id } }`,
      { i: { username: 'sneaky', email: 'sneaky@example.co.id', password: 'rahasia-sekali', fullName: 'S', phone: '081234567009', role: 'ADMIN' } },
      c.token,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const after = await t.app.orm.em.fork().getConnection().execute(`select count(*)::int as n from users`);
    expect(after[0].n).toBe(before[0].n);
    expect((await t.gql(`{ users { total } }`, {}, c.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('customers edit their own profile (phone normalized, NIK checked); staff edit anyone', async () => {
    const c = await t.createUser('CUSTOMER');
    const updated = await t.ok(
      `mutation($i: ProfileInput!) { updateMyProfile(input: $i) { phone nik address } }`,
      { i: { phone: '6281298765432', nik: '3171014501900001', address: 'Jl. Sudirman 1, Jakarta' } },
      c.token,
    );
    expect(updated.updateMyProfile).toEqual({ phone: '+6281298765432', nik: '3171014501900001', address: 'Jl. Sudirman 1, Jakarta' });
    const bad = await t.gql(`mutation($i: ProfileInput!) { updateMyProfile(input: $i) { id } }`, { i: { nik: '3171013201900001' } }, c.token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nik' });

    const support = await t.createUser('SUPPORT');
    const edited = await t.ok(`mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { note } }`, { id: c.id, i: { note: 'Minta dihubungi via WA' } }, support.token);
    expect(edited.updateUser.note).toBe('Minta dihubungi via WA');
    // Only ADMIN changes role or active.
    const denied = await t.gql(`mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id } }`, { id: c.id, i: { active: false } }, support.token);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('deactivating a user cuts their sessions and logins; the audit log records who did it', async () => {
    const c = await t.createUser('CUSTOMER');
    const admin = await t.adminToken();
    await t.ok(`mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { active } }`, { id: c.id }, admin);
    expect((await t.gql(ME, {}, c.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(LOGIN, { i: { login: c.username, password: c.password } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const log = await t.ok(`query($f: AuditFilter) { auditLog(filter: $f) { items { action actorRole data } } }`, { f: { entityId: c.id, action: 'user.update' } }, admin);
    expect(log.auditLog.items[0]).toMatchObject({ action: 'user.update', actorRole: 'ADMIN', data: { active: false } });
  });

  it('staff list customers with search and paging; a bad sort field is BAD_USER_INPUT', async () => {
    const admin = await t.adminToken();
    const res = await t.ok(`{ users(filter: { staff: false, q: "pelanggan" }, perPage: 5, sortField: "username") { total items { username role } } }`, {}, admin);
    expect(res.users.items.every((u: { role: string }) => u.role === 'CUSTOMER')).toBe(true);
    expect(res.users.items.map((u: { username: string }) => u.username)).toContain('pelanggan');
    const bad = await t.gql(`{ users(sortField: "passwordHash") { total } }`, {}, admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sortField' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

/**
 * Issue 11 item 6. TRUST_PROXY lets each request say which address it comes from
 * (X-Forwarded-For), so one test plays the attacker and the real user from different places.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { TRUST_PROXY: 'true', LOGIN_MAX_FAILURES_PER_ACCOUNT: '5', LOGIN_MAX_PER_IP: '1000' } });
});
afterAll(() => t?.close());

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`;
const login = (name: string, password: string, ip: string) => t.gql(LOGIN, { i: { login: name, password } }, undefined, { 'x-forwarded-for': ip });
const codeOf = (res: Awaited<ReturnType<typeof login>>) => res.errors?.[0]?.extensions?.code ?? 'OK';

describe('login limiter', () => {
  it('20 parallel wrong passwords on one account: only the budget is checked, the rest are RATE_LIMITED', async () => {
    const victim = await t.createUser('CUSTOMER');
    const results = await Promise.all(Array.from({ length: 20 }, () => login(victim.username, 'wrong-password', '203.0.113.7')));
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(15);
    // The attacker's address stays blocked on that account, even with the right password.
    expect(codeOf(await login(victim.username, victim.password, '203.0.113.7'))).toBe('RATE_LIMITED');
  });

  it('the real user, from another address, still gets in after an attacker used up the budget', async () => {
    const victim = await t.createUser('CUSTOMER');
    for (const ip of ['198.51.100.1', '198.51.100.2']) {
      await Promise.all(Array.from({ length: 6 }, () => login(victim.username, 'wrong-password', ip)));
    }
    const real = await login(victim.username, victim.password, '192.0.2.55');
    expect(codeOf(real)).toBe('OK');
    expect(real.data.login.accessToken).toEqual(expect.any(String));
  });

  it('username and email share one budget: switching spelling does not buy more guesses', async () => {
    const victim = await t.createUser('CUSTOMER');
    const email = `${victim.username}@example.co.id`;
    const ip = '203.0.113.9';
    for (let i = 0; i < 3; i++) expect(codeOf(await login(victim.username, 'wrong-password', ip))).toBe('UNAUTHENTICATED');
    for (let i = 0; i < 2; i++) expect(codeOf(await login(email.toUpperCase(), 'wrong-password', ip))).toBe('UNAUTHENTICATED');
    expect(codeOf(await login(email, 'wrong-password', ip))).toBe('RATE_LIMITED');
    expect(codeOf(await login(victim.username, 'wrong-password', ip))).toBe('RATE_LIMITED');
    // A normal query still answers.
    expect((await t.gql(`{ products(perPage: 1) { total } }`)).errors).toBeUndefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignInReply, SignedInUser } from '../core/auth/wire';
import { resetPassword } from './auth/accounts';
import { createNodePasswordHasher } from './auth/crypto';
import type { ServerDb } from './database/open';
import { createTestDb, dbKinds, type TestDb } from './testing/databases';
import { seedTeam, T0, testHasher, testServer, type SeededTeam, type TeamMember, type TestServer } from './testing/harness';

/*
 * Sign-in, tokens, revocation and rate limiting over HTTP, on every database kind. One database per
 * kind serves the whole file; each test makes its own team (names prefixed) and its own client
 * address, so the tests do not see each other's accounts or failed sign-ins.
 */

const MIN = 60_000;

async function audit(db: ServerDb, subjectId: string): Promise<{ action: string; actor_id: string; details: string }[]> {
  const { rows } = await db.query<{ action: string; actor_id: string; details: string }>(
    `SELECT action, actor_id, details FROM audit_log WHERE subject_id = $1 ORDER BY id`,
    [subjectId],
  );
  return rows;
}

async function signIn(s: TestServer, who: TeamMember, ip = '10.0.0.1'): Promise<SignInReply> {
  const r = await s.call<SignInReply>('POST', '/auth/sign-in', { body: { login: who.name, password: who.password }, ip });
  if (!r.body.ok) throw new Error(`sign-in failed: ${JSON.stringify(r.body)}`);
  return r.body.value;
}

for (const kind of dbKinds()) {
  describe(`auth over HTTP (${kind})`, () => {
    let t: TestDb;
    let db: ServerDb;
    beforeAll(async () => {
      t = await createTestDb(kind);
      db = t.db;
    }, 120_000);
    afterAll(() => t?.drop(), 60_000);

    it('signs in by name or by phone and answers /auth/me; the sign-in is audited', async () => {
      const team = await seedTeam(db, '甲');
      await db.query(`UPDATE accounts SET phone = '+8613800138001' WHERE id = $1`, [team.agent.id]);
      const s = testServer(db);
      const byName = await signIn(s, team.agent);
      expect(byName.user).toEqual({ id: team.agent.id, name: '甲王芳', role: 'agent', teamId: team.teamId, isAdmin: false });
      expect(byName.expiresAt).toBe(T0 + 15 * MIN);
      expect(byName.refreshExpiresAt).toBe(T0 + 30 * 24 * 60 * MIN);
      const byPhone = await s.call<SignInReply>('POST', '/auth/sign-in', { body: { login: '138 0013 8001', password: team.agent.password } });
      expect(byPhone.status).toBe(200);
      const me = await s.call<SignedInUser>('GET', '/auth/me', { token: byName.accessToken });
      expect(me.body).toEqual({ ok: true, value: byName.user });
      expect(me.headers.get('cache-control')).toBe('no-store');
      const rows = await audit(db, team.agent.id);
      expect(rows.map((r) => r.action)).toEqual(['account.created', 'auth.sign_in', 'auth.sign_in']);
      expect(JSON.parse(rows[1]!.details)).toEqual({ ip: '10.0.0.1' });
    });

    it('refuses a wrong password and an unknown login alike, and audits both', async () => {
      const team = await seedTeam(db, '乙');
      const s = testServer(db);
      const wrong = await s.call('POST', '/auth/sign-in', { body: { login: team.agent.name, password: 'not-it-at-all' }, ip: '10.0.1.1' });
      const unknown = await s.call('POST', '/auth/sign-in', { body: { login: '乙无此人', password: 'whatever1' }, ip: '10.0.1.1' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Wrong name, phone number or password.' } });
      expect((await audit(db, team.agent.id)).map((r) => [r.action, JSON.parse(r.details).reason])).toEqual([
        ['account.created', undefined],
        ['auth.sign_in_failed', 'wrong_password'],
      ]);
      const { rows } = await db.query(`SELECT actor_id FROM audit_log WHERE action = 'auth.sign_in_failed' AND details LIKE '%unknown_login%'`);
      expect(rows).toEqual([{ actor_id: 'unknown' }]);
      expect((await db.query(`SELECT 1 FROM refresh_tokens WHERE account_id = $1`, [team.agent.id])).rows).toEqual([]);
    });

    it('a disabled user is refused at sign-in, and the tokens already issued stop working at once', async () => {
      const team = await seedTeam(db, '丙');
      const s = testServer(db);
      const admin = await signIn(s, team.admin);
      const agent = await signIn(s, team.agent);
      s.clock.now += MIN;
      const disabled = await s.call('POST', `/admin/users/${team.agent.id}/disable`, { token: admin.accessToken });
      expect(disabled.body).toMatchObject({ ok: true, value: { id: team.agent.id, disabledAt: T0 + MIN } });
      const me = await s.call('GET', '/auth/me', { token: agent.accessToken });
      expect(me.status).toBe(401);
      expect(me.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', details: { reason: 'disabled' } } });
      expect((await s.call('POST', '/auth/refresh', { body: { refreshToken: agent.refreshToken } })).status).toBe(401);
      const again = await s.call('POST', '/auth/sign-in', { body: { login: team.agent.name, password: team.agent.password }, ip: '10.0.2.1' });
      expect(again.status).toBe(401);
      expect(again.body).toMatchObject({ ok: false, error: { details: { reason: 'disabled' } } });
      // Disabling again changes nothing; an admin cannot disable themself.
      expect((await s.call('POST', `/admin/users/${team.agent.id}/disable`, { token: admin.accessToken })).status).toBe(200);
      expect((await s.call('POST', `/admin/users/${team.admin.id}/disable`, { token: admin.accessToken })).status).toBe(409);
      expect((await audit(db, team.agent.id)).map((r) => r.action)).toEqual([
        'account.created',
        'auth.sign_in',
        'account.disabled',
        'auth.sign_in_failed',
      ]);
    });

    it('an access token expires after 15 minutes; refreshing rotates the refresh token', async () => {
      const team = await seedTeam(db, '丁');
      const s = testServer(db);
      const first = await signIn(s, team.agent);
      s.clock.now += 15 * MIN - 1;
      expect((await s.call('GET', '/auth/me', { token: first.accessToken })).status).toBe(200);
      s.clock.now += 1;
      const expired = await s.call('GET', '/auth/me', { token: first.accessToken });
      expect(expired.status).toBe(401);
      expect(expired.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', details: { reason: 'expired' } } });
      const second = await s.call<SignInReply>('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
      expect(second.status).toBe(200);
      if (!second.body.ok) throw new Error('refresh failed');
      expect(second.body.value.refreshToken).not.toBe(first.refreshToken);
      expect(second.body.value.expiresAt).toBe(s.clock.now + 15 * MIN);
      expect((await s.call('GET', '/auth/me', { token: second.body.value.accessToken })).status).toBe(200);
      // A refresh token is good for 30 days from its issue, then refused.
      s.clock.now += 30 * 24 * 60 * MIN;
      expect((await s.call('POST', '/auth/refresh', { body: { refreshToken: second.body.value.refreshToken } })).status).toBe(401);
    });

    it('presenting a rotated refresh token again ends the whole chain, and is audited', async () => {
      const team = await seedTeam(db, '戊');
      const s = testServer(db);
      const first = await signIn(s, team.agent);
      const other = await signIn(s, team.agent); // a second session (another window) must survive
      const second = await s.call<SignInReply>('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
      if (!second.body.ok) throw new Error('refresh failed');
      const replay = await s.call('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
      expect(replay.status).toBe(401);
      expect(replay.body).toMatchObject({ ok: false, error: { details: { reason: 'reused' } } });
      expect((await s.call('POST', '/auth/refresh', { body: { refreshToken: second.body.value.refreshToken } })).status).toBe(401);
      expect((await s.call('GET', '/auth/me', { token: second.body.value.accessToken })).status).toBe(401);
      expect((await s.call('GET', '/auth/me', { token: other.accessToken })).status).toBe(200);
      expect((await s.call('POST', '/auth/refresh', { body: { refreshToken: other.refreshToken } })).status).toBe(200);
      const reuse = (await audit(db, team.agent.id)).filter((r) => r.action === 'auth.refresh_reused');
      expect(reuse).toHaveLength(1);
      expect(JSON.parse(reuse[0]!.details)).toMatchObject({ revoked: 1 });
    });

    it('sign-out revokes the refresh token and the session’s access token, and is audited', async () => {
      const team = await seedTeam(db, '己');
      const s = testServer(db);
      const session = await signIn(s, team.agent);
      const out = await s.call('POST', '/auth/sign-out', { body: { refreshToken: session.refreshToken } });
      expect(out.body).toEqual({ ok: true, value: { signedOut: true } });
      expect((await s.call('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
      expect((await s.call('GET', '/auth/me', { token: session.accessToken })).status).toBe(401);
      // Signing out twice is harmless and not audited twice.
      expect((await s.call('POST', '/auth/sign-out', { body: { refreshToken: session.refreshToken } })).body).toEqual({ ok: true, value: { signedOut: false } });
      expect((await audit(db, team.agent.id)).filter((r) => r.action === 'auth.sign_out')).toHaveLength(1);
    });

    it('a password reset revokes every token issued before it; the new password works, the old one not', async () => {
      const team = await seedTeam(db, '庚');
      const s = testServer(db);
      const admin = await signIn(s, team.admin);
      const agent = await signIn(s, team.agent);
      s.clock.now += MIN;
      const reset = await s.call('POST', `/admin/users/${team.agent.id}/reset-password`, { token: admin.accessToken, body: { password: 'new-secret-2026' } });
      expect(reset.status).toBe(200);
      expect((await s.call('GET', '/auth/me', { token: agent.accessToken })).body).toMatchObject({ ok: false, error: { details: { reason: 'revoked' } } });
      expect((await s.call('POST', '/auth/refresh', { body: { refreshToken: agent.refreshToken } })).status).toBe(401);
      expect((await s.call('POST', '/auth/sign-in', { body: { login: team.agent.name, password: team.agent.password }, ip: '10.0.3.1' })).status).toBe(401);
      const fresh = await signIn(s, { ...team.agent, password: 'new-secret-2026' });
      expect((await s.call('GET', '/auth/me', { token: fresh.accessToken })).status).toBe(200);
      expect((await s.call('GET', '/auth/me', { token: admin.accessToken })).status).toBe(200);
      expect((await audit(db, team.agent.id)).map((r) => [r.action, r.actor_id])).toContainEqual(['account.password_reset', team.admin.id]);
    });

    it('five failed sign-ins for a login in 15 minutes answer 429 with Retry-After, then the window passes', async () => {
      const team = await seedTeam(db, '辛');
      const s = testServer(db);
      for (let i = 0; i < 5; i++) {
        s.clock.now += 1000;
        const r = await s.call('POST', '/auth/sign-in', { body: { login: team.agent.name, password: `guess-${i}` }, ip: `10.0.4.${i}` });
        expect(r.status).toBe(401);
      }
      s.clock.now += 1000;
      const limited = await s.call('POST', '/auth/sign-in', { body: { login: team.agent.name, password: team.agent.password }, ip: '10.0.4.9' });
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
      // The oldest of the five was at T0+1 s; the limit lifts when it leaves the 15-minute window.
      expect(limited.headers.get('retry-after')).toBe(String((15 * MIN + 1000 - 6000) / 1000));
      s.clock.now = T0 + 1000 + 15 * MIN;
      expect((await s.call('POST', '/auth/sign-in', { body: { login: team.agent.name, password: team.agent.password }, ip: '10.0.4.9' })).status).toBe(200);
      // Signing in cleared this address's failures for the login; the limit counts the rest.
      const { rows } = await db.query<{ n: number }>(`SELECT count(*) AS n FROM sign_in_failures WHERE ip = '10.0.4.9'`);
      expect(rows[0]!.n).toBe(0);
      expect((await audit(db, team.agent.id)).map((r) => JSON.parse(r.details).reason).filter(Boolean)).toEqual([
        'wrong_password',
        'wrong_password',
        'wrong_password',
        'wrong_password',
        'wrong_password',
        'rate_limited',
      ]);
    });

    it('failed sign-ins from one address are limited across logins', async () => {
      await seedTeam(db, '壬');
      const s = testServer(db, { rateLimit: { perIp: 3 } });
      for (const who of ['壬a', '壬b', '壬c']) {
        expect((await s.call('POST', '/auth/sign-in', { body: { login: who, password: 'password1' }, ip: '10.0.5.1' })).status).toBe(401);
      }
      expect((await s.call('POST', '/auth/sign-in', { body: { login: '壬王芳', password: '壬王芳-password' }, ip: '10.0.5.1' })).status).toBe(429);
      expect((await s.call('POST', '/auth/sign-in', { body: { login: '壬王芳', password: '壬王芳-password' }, ip: '10.0.5.2' })).status).toBe(200);
    });

    it('a successful sign-in rehashes a password stored with older parameters', async () => {
      const team = await seedTeam(db, '丑');
      const stronger = testServer(db, { hasher: createNodePasswordHasher({ N: 2 ** 11 }) });
      const hashOf = async () => (await db.query<{ h: string }>(`SELECT password_hash AS h FROM accounts WHERE id = $1`, [team.agent.id])).rows[0]!.h;
      expect(await hashOf()).toMatch(/^scrypt\$1024\$/);
      expect((await stronger.call('POST', '/auth/sign-in', { body: { login: team.agent.name, password: 'wrong-one' }, ip: '10.0.6.1' })).status).toBe(401);
      expect(await hashOf()).toMatch(/^scrypt\$1024\$/);
      await signIn(stronger, team.agent, '10.0.6.1');
      expect(await hashOf()).toMatch(/^scrypt\$2048\$/);
      await signIn(testServer(db), team.agent, '10.0.6.1');
    });

    it('a password reset landing while a sign-in checks the old password wins: no session survives it', async () => {
      const team = await seedTeam(db, '寅');
      let resetDuringVerify = true;
      const racing = testServer(db, {
        hasher: {
          ...testHasher,
          async verify(password, stored) {
            const ok = await testHasher.verify(password, stored);
            if (resetDuringVerify) {
              resetDuringVerify = false;
              await resetPassword(db, testHasher, { accountId: team.agent.id, password: 'reset-meanwhile', now: T0, actorId: team.admin.id });
            }
            return ok;
          },
        },
      });
      const r = await racing.call('POST', '/auth/sign-in', { body: { login: team.agent.name, password: team.agent.password }, ip: '10.0.7.1' });
      expect(r).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } });
      expect((await db.query(`SELECT 1 FROM refresh_tokens WHERE account_id = $1`, [team.agent.id])).rows).toEqual([]);
      await signIn(racing, { ...team.agent, password: 'reset-meanwhile' }, '10.0.7.1');
    });

    it('admin routes: 401 without a token, 403 for a non-admin, 404 for another team’s account', async () => {
      const team = await seedTeam(db, '癸');
      const other: SeededTeam = await seedTeam(db, '子');
      const s = testServer(db);
      const agent = await signIn(s, team.agent);
      const supervisor = await signIn(s, team.supervisor);
      const otherAdmin = await signIn(s, other.admin);
      const routes: [string, string, unknown][] = [
        ['GET', '/admin/users', undefined],
        ['POST', '/admin/users', { name: '癸新人', role: 'agent', password: 'password-123' }],
        ['POST', `/admin/users/${team.agent.id}/reset-password`, { password: 'password-123' }],
        ['POST', `/admin/users/${team.agent.id}/disable`, undefined],
      ];
      for (const [method, path, body] of routes) {
        expect((await s.call(method, path, { body })).body, path).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
        for (const who of [agent, supervisor]) {
          const r = await s.call(method, path, { body, token: who.accessToken });
          expect(r.status, path).toBe(403);
          expect(r.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        }
      }
      const list = await s.call<{ name: string }[]>('GET', '/admin/users', { token: otherAdmin.accessToken });
      expect(list.body.ok && list.body.value.map((u) => u.name)).toEqual(['子周敏', '子王芳', '子陈伟'].sort());
      expect((await s.call('POST', `/admin/users/${team.agent.id}/disable`, { token: otherAdmin.accessToken })).status).toBe(404);
      expect((await s.call('POST', `/admin/users/${team.agent.id}/reset-password`, { token: otherAdmin.accessToken, body: { password: 'x'.repeat(12) } })).status).toBe(404);
      expect((await db.query(`SELECT count(*) AS n FROM audit_log WHERE subject_id = $1 AND action LIKE 'account.%'`, [team.agent.id])).rows).toEqual([{ n: 1 }]);
    });
  });
}

import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessClaims, AccountView, SignInReply } from '../core/auth/wire';
import { signAccessToken } from './auth/tokens';
import { DEMO_TEAM, seedDemo, type DemoSeed } from './demo';
import type { ServerEnv } from './http/env';
import { authenticate } from './http/authenticate';
import { limitBodies } from './http/body';
import { openServerDb, type ServerDb } from './database/open';
import { createTestDb, dbKinds, type TestDb } from './testing/databases';
import { seedTeam, T0, testHasher, testServer, type SeededTeam, type TestServer } from './testing/harness';

/*
 * The HTTP app's edges on every database kind: account creation through the admin routes, bad input
 * (malformed, oversized, forged) answered with typed errors and nothing written, logs without secrets,
 * the extension points the sync routes will use, health, and two apps on one database acting as one.
 */

const TABLES = ['audit_log', 'accounts', 'users', 'refresh_tokens', 'sign_in_failures', 'teams'];

async function counts(db: ServerDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n;
  return out;
}

async function signIn(s: TestServer, login: string, password: string, ip = '10.1.0.1'): Promise<SignInReply> {
  const r = await s.call<SignInReply>('POST', '/auth/sign-in', { body: { login, password }, ip });
  if (!r.body.ok) throw new Error(`sign-in failed: ${JSON.stringify(r.body)}`);
  return r.body.value;
}

for (const kind of dbKinds()) {
  describe(`the server app (${kind})`, () => {
    let t: TestDb;
    let db: ServerDb;
    let team: SeededTeam;
    let s: TestServer;
    let admin: SignInReply;
    let demo: [DemoSeed | null, DemoSeed | null];
    beforeAll(async () => {
      t = await createTestDb(kind);
      db = t.db;
      // The demo seed needs an empty database: it runs first, then the suite's own team joins it.
      demo = [await seedDemo(db, { now: T0, hasher: testHasher }), await seedDemo(db, { now: T0, hasher: testHasher })];
      team = await seedTeam(db, '演');
      s = testServer(db);
      admin = await signIn(s, team.admin.name, team.admin.password);
    }, 120_000);
    afterAll(() => t?.drop(), 60_000);

    it('seedDemo makes the demo team once, and its accounts sign in with the printed passwords', async () => {
      const [first, again] = demo;
      expect(again).toBeNull();
      expect(first!.accounts.map((a) => [a.name, a.role, a.isAdmin, a.phone])).toEqual([
        ['周敏', 'supervisor', true, '+8613800000001'],
        ['陈伟', 'supervisor', false, '+8613800000002'],
        ['王芳', 'agent', false, '+8613800000003'],
        ['李娜', 'agent', false, '+8613800000004'],
        ['李静', 'agent', false, '+8613800000005'],
      ]);
      expect(first!.supervisorId).toBe(first!.accounts[0]!.id);
      expect(first!.agentIds).toEqual(first!.accounts.slice(2).map((a) => a.id));
      expect((await db.query(`SELECT name FROM teams WHERE id = $1`, [first!.teamId])).rows).toEqual([{ name: DEMO_TEAM }]);
      for (const a of first!.accounts) expect((await signIn(s, a.phone!, a.password, '10.1.0.7')).user.id).toBe(a.id);
    });

    it('healthz answers with the database kind; unknown routes are a typed 404', async () => {
      expect(await s.call('GET', '/healthz')).toMatchObject({ status: 200, body: { ok: true, value: { status: 'ok', database: kind } } });
      expect(await s.call('GET', '/nowhere')).toMatchObject({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND' } } });
    });

    it('an admin creates a user: the account and the shared users row share one id, audited, and the user signs in', async () => {
      s.clock.now = T0 + 1000;
      const created = await s.call<AccountView>('POST', '/admin/users', {
        token: admin.accessToken,
        body: { name: '演李娜', phone: '+86 139-0013-9000', role: 'agent', password: 'lina-2026-demo' },
      });
      expect(created.status).toBe(201);
      if (!created.body.ok) throw new Error('create failed');
      const user = created.body.value;
      expect(user).toEqual({ id: user.id, name: '演李娜', phone: '+8613900139000', role: 'agent', teamId: team.teamId, isAdmin: false, disabledAt: null, createdAt: T0 + 1000 });
      expect((await db.query(`SELECT id, name, role, created_at FROM users WHERE id = $1`, [user.id])).rows).toEqual([
        { id: user.id, name: '演李娜', role: 'agent', created_at: T0 + 1000 },
      ]);
      const entries = await db.query<{ actor_id: string; action: string; subject_type: string; details: string }>(
        `SELECT actor_id, action, subject_type, details FROM audit_log WHERE subject_id = $1`,
        [user.id],
      );
      expect(entries.rows.map((r) => ({ ...r, details: JSON.parse(r.details) }))).toEqual([
        { actor_id: team.admin.id, action: 'account.created', subject_type: 'account', details: { name: '演李娜', teamId: team.teamId, role: 'agent', isAdmin: false, phone: true } },
      ]);
      expect((await signIn(s, '13900139000', 'lina-2026-demo')).user.id).toBe(user.id);
      // Names are unique whatever their width or case; so are phones.
      const before = await counts(db);
      const sameName = await s.call('POST', '/admin/users', { token: admin.accessToken, body: { name: ' 演李娜 ', role: 'agent', password: 'another-pass' } });
      expect(sameName).toMatchObject({ status: 409, body: { ok: false, error: { code: 'CONFLICT' } } });
      const samePhone = await s.call('POST', '/admin/users', { token: admin.accessToken, body: { name: '演李娜二', phone: '13900139000', role: 'agent', password: 'another-pass' } });
      expect(samePhone).toMatchObject({ status: 409, body: { ok: false, error: { code: 'CONFLICT', message: 'Another account already has this phone number.' } } });
      expect(await counts(db)).toEqual(before);
      const list = await s.call<AccountView[]>('GET', '/admin/users', { token: admin.accessToken });
      expect(list.body.ok && list.body.value.map((a) => a.name)).toEqual(['演周敏', '演李娜', '演王芳', '演陈伟']);
    });

    it('bad input is a typed 400 with the issues, and writes nothing', async () => {
      const before = await counts(db);
      const cases: [string, string, Parameters<TestServer['call']>[2]][] = [
        ['POST', '/auth/sign-in', { raw: '{"login": "演王芳", "password": ' }],
        ['POST', '/auth/sign-in', { raw: 'login=x&password=y', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
        ['POST', '/auth/sign-in', { body: { login: '', password: 'x' } }],
        ['POST', '/auth/sign-in', { body: { login: '演王芳', password: '演王芳-password', extra: 1 } }],
        ['POST', '/auth/sign-in', { body: ['演王芳'] }],
        ['POST', '/auth/refresh', { body: {} }],
        ['POST', '/admin/users', { token: admin.accessToken, body: { name: '演新人', role: 'boss', password: 'password-1' } }],
        ['POST', '/admin/users', { token: admin.accessToken, body: { name: '演新人', role: 'agent', password: 'short' } }],
        ['POST', '/admin/users', { token: admin.accessToken, body: { name: '演新人', role: 'agent', password: 'password-1', phone: 'call me' } }],
        ['POST', '/admin/users', { token: admin.accessToken, body: { name: '13800138000', role: 'agent', password: 'password-1' } }],
        ['POST', `/admin/users/${team.agent.id}/reset-password`, { token: admin.accessToken, body: { password: '1234567' } }],
        ['POST', `/admin/users/${team.agent.id}/disable`, { token: admin.accessToken, body: { really: true } }],
      ];
      for (const [method, path, options] of cases) {
        const r = await s.call(method, path, options);
        expect(r.status, `${path} ${JSON.stringify(options)}`).toBe(400);
        expect(r.body).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      }
      const short = await s.call('POST', '/admin/users', { token: admin.accessToken, body: { name: '演新人', role: 'agent', password: 'short' } });
      expect(short.body).toMatchObject({ ok: false, error: { details: { issues: [{ path: 'password', message: 'A password has at least 8 characters.' }] } } });
      expect(await counts(db)).toEqual(before);
    });

    it('an oversized body is refused with 413 before it is read, and writes nothing', async () => {
      const before = await counts(db);
      const big = JSON.stringify({ login: '演王芳', password: 'x'.repeat(70 * 1024) });
      const r = await s.call('POST', '/auth/sign-in', { raw: big });
      expect(r).toMatchObject({ status: 413, body: { ok: false, error: { code: 'TOO_LARGE' } } });
      const admin413 = await s.call('POST', '/admin/users', { token: admin.accessToken, raw: big });
      expect(admin413.status).toBe(413);
      expect(await counts(db)).toEqual(before);
    });

    it('a forged, altered or foreign token is a typed 401', async () => {
      const [header, payload, signature] = admin.accessToken.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const promoted = Buffer.from(JSON.stringify({ ...claims, sub: team.agent.id })).toString('base64url');
      const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
      const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'CCAT' })).toString('base64url');
      const before = await counts(db);
      for (const token of [`${header}.${promoted}.${signature}`, `${header}.${payload}.${flipped}`, `${none}.${payload}.`, `${none}.${payload}.${signature}`, 'garbage', `${header}.${payload}`]) {
        const r = await s.call('GET', '/admin/users', { token });
        expect(r.status, token).toBe(401);
        expect(r.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      }
      // Well-formed claims for a real admin, signed with another server's key.
      const foreign = signAccessToken({ ...(claims as unknown as AccessClaims) }, randomBytes(32));
      expect((await s.call('GET', '/admin/users', { token: foreign })).status).toBe(401);
      expect((await s.call('GET', '/auth/me', { headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } })).status).toBe(401);
      expect(await counts(db)).toEqual(before);
    });

    it('logs one line per request with id, method, path, status and time, never a password or a token', async () => {
      const quiet = testServer(db);
      const session = await signIn(quiet, team.agent.name, team.agent.password);
      await quiet.call('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken }, headers: { 'x-request-id': 'req-42' } });
      await quiet.call('GET', '/auth/me?token=secret-in-query', { token: session.accessToken });
      const lines = quiet.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.map((l) => [l.method, l.path, l.status])).toEqual([
        ['POST', '/auth/sign-in', 200],
        ['POST', '/auth/refresh', 200],
        ['GET', '/auth/me', 200],
      ]);
      expect(lines[1]).toMatchObject({ reqId: 'req-42', msg: 'request' });
      expect(lines[2]).toMatchObject({ account: team.agent.id });
      for (const line of lines) expect(typeof line.ms).toBe('number');
      const all = quiet.logs.join('\n');
      for (const secret of [team.agent.password, session.accessToken, session.refreshToken, 'secret-in-query']) expect(all).not.toContain(secret);
    });

    it('mounts extra routes with authenticate() and their own body limit; an unexpected error is a 500 without a stack', async () => {
      const mounted = testServer(db, {
        bodyLimits: { '/extra/upload': 256 * 1024 },
        extraRoutes: [
          (app: Hono<ServerEnv>) => {
            app.post('/extra/upload', async (c) => {
              const me = await authenticate(c);
              return c.json({ ok: true as const, value: { actor: me.id, team: me.teamId, bytes: (await c.req.text()).length } });
            });
            app.get('/sync/broken', () => {
              throw new Error('relation "nope" does not exist at /work/main/server/secret.ts:1');
            });
          },
        ],
      });
      const session = await signIn(mounted, team.agent.name, team.agent.password);
      const push = await mounted.call('POST', '/extra/upload', { token: session.accessToken, raw: JSON.stringify({ pad: 'x'.repeat(100 * 1024) }) });
      expect(push.body).toMatchObject({ ok: true, value: { actor: team.agent.id, team: team.teamId } });
      expect((await mounted.call('POST', '/extra/upload', { raw: '{}' })).status).toBe(401);
      expect((await mounted.call('POST', '/extra/upload', { token: session.accessToken, raw: 'x'.repeat(300 * 1024) })).status).toBe(413);
      const broken = await mounted.call('GET', '/sync/broken');
      expect(broken.status).toBe(500);
      expect(broken.body).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/^Something went wrong on the server \(request [\w-]+\)\.$/) } });
      expect(JSON.stringify(broken.body)).not.toContain('secret.ts');
      expect(mounted.logs.join('\n')).toContain('secret.ts'); // the operator still sees it
    });

    it('two app instances on one database act as one: tokens, sessions and failed sign-ins are shared', async () => {
      // A second app with its own connection(s), as a second process would have.
      const second = kind === 'postgres' ? await openServerDb({ databaseUrl: t.url!, poolSize: 2 }) : db;
      try {
        const a = testServer(db);
        const b = testServer(second);
        const [fromA, fromB] = await Promise.all([signIn(a, team.agent.name, team.agent.password), signIn(b, team.supervisor.name, team.supervisor.password)]);
        expect((await b.call('GET', '/auth/me', { token: fromA.accessToken })).status).toBe(200);
        expect((await a.call('GET', '/auth/me', { token: fromB.accessToken })).status).toBe(200);
        const rotated = await b.call<SignInReply>('POST', '/auth/refresh', { body: { refreshToken: fromA.refreshToken } });
        expect(rotated.status).toBe(200);
        expect((await a.call('POST', '/auth/refresh', { body: { refreshToken: fromA.refreshToken } })).body).toMatchObject({ ok: false, error: { details: { reason: 'reused' } } });
        for (let i = 0; i < 5; i++) {
          const app = i % 2 === 0 ? a : b;
          expect((await app.call('POST', '/auth/sign-in', { body: { login: team.supervisor.name, password: `nope-${i}` }, ip: '10.1.9.9' })).status).toBe(401);
        }
        expect((await a.call('POST', '/auth/sign-in', { body: { login: team.supervisor.name, password: team.supervisor.password }, ip: '10.1.9.9' })).status).toBe(429);
        expect((await b.call('POST', '/auth/sign-in', { body: { login: team.supervisor.name, password: team.supervisor.password }, ip: '10.1.9.9' })).status).toBe(429);
        expect((await db.query(`SELECT count(*) AS n FROM server_secrets`)).rows).toEqual([{ n: 1 }]);
      } finally {
        if (second !== db) await second.close();
      }
    });
  });
}

describe('limitBodies', () => {
  it('picks the longest matching prefix, and only whole path segments', async () => {
    const app = new Hono();
    app.use('*', limitBodies({ '/sync': 10, '/sync/push': 100 }, 5));
    app.post('*', async (c) => c.text(String((await c.req.text()).length)));
    const post = async (path: string, size: number) => (await app.request(path, { method: 'POST', body: 'x'.repeat(size) })).status;
    expect([await post('/sync/push', 100), await post('/sync/push', 101)]).toEqual([200, 413]);
    expect([await post('/sync/pull', 10), await post('/sync/pull', 11)]).toEqual([200, 413]);
    expect([await post('/sync/pushy', 10), await post('/sync/pushy', 11)]).toEqual([200, 413]);
    expect([await post('/syncx', 5), await post('/syncx', 6)]).toEqual([200, 413]);
  });
});

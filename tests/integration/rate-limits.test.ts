import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../scripts/test-server.js';
import { Client, DEMO_PASSWORD, freshPhone, registration } from './client';
import { testDb } from './db';

/**
 * The shared test server runs without rate limits; these tests start a second instance with the
 * limits on. It trusts x-forwarded-for (as behind a reverse proxy), so a test can speak from
 * several addresses.
 */
const PORT = Number(process.env.RATE_LIMIT_TEST_PORT ?? Number(process.env.INTEGRATION_PORT ?? 4174) + 1);
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
	server = await startTestServer({
		db: 'test-results/rate-limits.db',
		port: PORT,
		env: { HOITHI_DISABLE_RATE_LIMITS: '0', ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' }
	});
});
afterAll(async () => {
	await server?.stop();
});

const from = (ip: string) => new Client(server.url, { 'x-forwarded-for': ip });
const login = (c: Client, identifier: string, password: string) => c.action('/login', { identifier, password });

describe('login limits', () => {
	it('locks one identifier from one IP after repeated failures, with Retry-After and a Vietnamese message', async () => {
		const attacker = from('10.1.0.1');
		for (let i = 0; i < 6; i++) expect((await login(attacker, '0900000004', 'sai-mat-khau')).status).toBe(400);
		const locked = await login(attacker, '0900000004', DEMO_PASSWORD);
		expect(locked.status).toBe(429);
		expect(locked.body?.data.errors.form).toMatch(/quá nhiều lần.*phút/);
		expect(Number(locked.res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		// The same identifier in another format is the same account, and stays locked.
		expect((await login(attacker, '+84 900 000 004', DEMO_PASSWORD)).status).toBe(429);
		// The owner on another network is not affected.
		const owner = from('10.1.0.2');
		expect((await login(owner, '0900000004', DEMO_PASSWORD)).body?.type).toBe('redirect');
	});

	it('slows a guesser spread over many IPs, but never locks the owner’s own device out', async () => {
		const ownerDevice = from('10.2.0.1');
		expect((await login(ownerDevice, '0900000003', DEMO_PASSWORD)).body?.type).toBe('redirect');
		// 21 failures from 21 addresses: each pair stays under its own lock.
		for (let i = 0; i < 21; i++) expect((await login(from(`10.3.0.${i + 1}`), '0900000003', 'doan-mo')).status).toBe(400);
		const stranger = await login(from('10.4.0.1'), '0900000003', DEMO_PASSWORD);
		expect(stranger.status).toBe(429);
		expect(Number(stranger.res.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
		// The device the owner already logged in with gets through the account-wide lock.
		const sameDeviceNewNetwork = ownerDevice;
		expect((await login(sameDeviceNewNetwork, '0900000003', DEMO_PASSWORD)).body?.type).toBe('redirect');
	});
});

describe('registration limits', () => {
	it('allows three accounts per device, then answers 429', async () => {
		const device = from('10.5.0.1');
		for (let i = 0; i < 3; i++)
			expect((await device.action('/register', registration({ phone: freshPhone() }))).body?.type).toBe('redirect');
		const fourth = await device.action('/register', registration({ phone: freshPhone() }));
		expect(fourth.status).toBe(429);
		expect(fourth.body?.data.errors.form).toMatch(/quá nhiều lượt đăng ký/);
		expect(Number(fourth.res.headers.get('retry-after'))).toBeGreaterThan(0);
	});

	it('lets a class of 40 register from the school’s one address, and the burst shows in the round’s fairness report', async () => {
		const school = '10.6.0.1';
		const pupils: Client[] = [];
		for (let i = 0; i < 40; i++) {
			const pupil = from(school);
			const r = await pupil.action('/register', registration({ phone: freshPhone() }));
			expect([i, r.body?.type]).toEqual([i, 'redirect']);
			pupils.push(pupil);
		}
		// They take the open round later, each from home: the registrations alone make the cluster.
		const rounds = (await (await pupils[0].get('/api/rounds/current')).json()).rounds as { id: number }[];
		for (const [i, p] of pupils.entries()) {
			const home = p.elsewhere({ 'x-forwarded-for': `10.60.${i}.1` });
			expect([200, 201]).toContain((await home.json('POST', `/api/rounds/${rounds[0].id}/attempts`)).status);
		}
		const organiser = from('10.6.9.9');
		expect((await login(organiser, '0900000002', DEMO_PASSWORD)).body?.type).toBe('redirect');
		const html = await (await organiser.get(`/organiser/fairness/rounds/${rounds[0].id}`)).text();
		// Folded with the ordinary shared networks: a burst of sign-ups is not a case by itself.
		const clusters = html
			.split('<li')
			.filter((item) => item.includes('đăng ký từ cùng một địa chỉ mạng'))
			.map((item) => [
				Number(/<strong>(\d+) tài khoản<\/strong>/.exec(item)?.[1]),
				Number(/<strong>(\d+) lượt đăng ký tài khoản<\/strong>/.exec(item)?.[1] ?? 0)
			]);
		expect(clusters).toContainEqual([40, 40]);
	});

	it('stops a script creating hundreds of accounts from one address (new devices each time)', async () => {
		const results = [];
		for (let i = 0; i < 300; i++) results.push(await from('10.6.0.2').action('/register', registration({ phone: freshPhone() })));
		const created = results.filter((r) => r.body?.type === 'redirect').length;
		expect(created).toBeGreaterThanOrEqual(40);
		expect(created).toBeLessThanOrEqual(61);
		expect(results.slice(-200).map((r) => r.status)).toEqual(Array(200).fill(429));
		expect(Number(results[299].res.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(results[299].body?.data.errors.form).toMatch(/quá nhiều lượt đăng ký/);
	}, 120_000);
});

describe('attempt API limits', () => {
	it('answers 429 JSON with Retry-After when one account starts attempts too fast', async () => {
		const c = from('10.7.0.1');
		expect((await c.action('/register', registration({ phone: freshPhone() }))).body?.type).toBe('redirect');
		const rounds = (await (await c.get('/api/rounds/current')).json()).rounds as { id: number }[];
		const statuses: number[] = [];
		let last: Response | null = null;
		for (let i = 0; i < 12; i++) {
			last = await c.json('POST', `/api/rounds/${rounds[0].id}/attempts`);
			statuses.push(last.status);
		}
		expect(statuses.slice(0, 10).every((s) => s === 200 || s === 201)).toBe(true);
		expect(statuses[11]).toBe(429);
		expect(last!.headers.get('retry-after')).toMatch(/^\d+$/);
		expect((await last!.json()).message).toMatch(/thao tác quá nhanh/);
	});
});

describe('client address behind a proxy', () => {
	it('is read the same way by SvelteKit and by the hot path (ADDRESS_HEADER, XFF_DEPTH)', async () => {
		// XFF_DEPTH=1: the address the nearest proxy saw is the last one; what the client claimed before it is ignored.
		const form = registration({ phone: freshPhone() });
		const c = new Client(server.url, { 'x-forwarded-for': '203.0.113.9, 10.8.0.1' });
		expect((await c.action('/register', form)).body?.type).toBe('redirect');
		const rounds = (await (await c.get('/api/rounds/current')).json()).rounds as { id: number }[];
		expect([200, 201]).toContain((await c.json('POST', `/api/rounds/${rounds[0].id}/attempts`)).status);
		const other = new Client(server.url, { 'x-forwarded-for': '10.8.0.1' });
		const otherForm = registration({ phone: freshPhone() });
		expect((await other.action('/register', otherForm)).body?.type).toBe('redirect');
		const db = testDb(server.database);
		const hashes = (phone: string) =>
			db.all<{ kind: string; ip: string | null }>(
				'select e.kind, e.ip_hash as ip from access_events e join users u on u.id = e.user_id where u.phone = ? order by e.id',
				'+84' + phone.slice(1)
			);
		const mine = await hashes(form.phone);
		const theirs = await hashes(otherForm.phone);
		// register: SvelteKit's form action; attempt_start: the hot path (api/node.ts).
		expect(mine.map((e) => e.kind)).toEqual(['register', 'attempt_start']);
		expect(mine[0].ip).toMatch(/^[0-9a-f]{64}$/);
		expect(mine[1].ip).toBe(mine[0].ip);
		expect(theirs.map((e) => e.ip)).toEqual([mine[0].ip]);
	});
});

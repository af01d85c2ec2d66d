import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'devalue';
import { startTestServer } from '../../scripts/test-server.js';
import { Client, DEMO_PASSWORD, freshPhone, registration } from './client';
import { testDb, type TestDb } from './db';

/**
 * Two server processes on one database file, as several workers or several machines are: whatever
 * one of them learns — a rate limit's tokens, a failed login, a validated upload, a write that makes
 * cached pages stale — the other must act on. Both run with the limits on and trust x-forwarded-for
 * (behind a proxy), so a test can speak from several addresses.
 */
const BASE = Number(process.env.INTEGRATION_PORT ?? 4174);
const DB = 'test-results/shared-state.db';
const env = { HOITHI_DISABLE_RATE_LIMITS: '0', ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1', SERVER_PROCESSES: '2' };
let one: Awaited<ReturnType<typeof startTestServer>>;
let two: Awaited<ReturnType<typeof startTestServer>>;
let db: TestDb;

beforeAll(async () => {
	one = await startTestServer({ db: DB, port: BASE + 4, env });
	two = await startTestServer({ db: DB, port: BASE + 5, env, seed: false });
	db = testDb(one.database);
});
afterAll(async () => {
	// The second server runs on the first one's database: that one goes when both have stopped.
	await Promise.all([one?.stop({ keepDatabase: true }), two?.stop()]);
	await one?.dropDatabase();
});

/** One browser at one address, and the same browser at the other server. */
const browser = (ip: string) => {
	const a = new Client(one.url, { 'x-forwarded-for': ip });
	return { a, b: a.at(two.url) };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('limits shared by two server processes', () => {
	it('holds a device to three registrations, wherever they are sent', async () => {
		const { a, b } = browser('10.20.0.1');
		expect((await a.action('/register', registration({ phone: freshPhone() }))).body?.type).toBe('redirect');
		expect((await b.action('/register', registration({ phone: freshPhone() }))).body?.type).toBe('redirect');
		expect((await a.action('/register', registration({ phone: freshPhone() }))).body?.type).toBe('redirect');
		// Each process has seen at most two: only the shared bucket knows it is the fourth.
		const fourth = await b.action('/register', registration({ phone: freshPhone() }));
		expect(fourth.status).toBe(429);
		expect(fourth.body?.data.errors.form).toMatch(/quá nhiều lượt đăng ký/);
		expect((await a.action('/register', registration({ phone: freshPhone() }))).status).toBe(429);
	});

	it('locks an identifier after failures spread over both processes', async () => {
		const { a, b } = browser('10.20.0.2');
		for (let i = 0; i < 6; i++)
			expect((await (i % 2 ? b : a).action('/login', { identifier: '0900000005', password: 'sai-mat-khau' })).status).toBe(400);
		for (const c of [a, b]) {
			const locked = await c.action('/login', { identifier: '0900000005', password: DEMO_PASSWORD });
			expect(locked.status).toBe(429);
			expect(Number(locked.res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		}
	});

	it('charges one account’s attempt starts to one bucket, whichever process starts them', async () => {
		const { a, b } = browser('10.20.0.3');
		expect((await a.action('/register', registration({ phone: freshPhone() }))).body?.type).toBe('redirect');
		const rounds = (await (await a.get('/api/rounds/current')).json()).rounds as { id: number }[];
		const statuses: number[] = [];
		for (let i = 0; i < 12; i++) statuses.push((await (i % 2 ? b : a).json('POST', `/api/rounds/${rounds[0].id}/attempts`)).status);
		expect(statuses.slice(0, 10).every((s) => s === 200 || s === 201)).toBe(true);
		expect(statuses.slice(10)).toEqual([429, 429]);
	});
});

describe('a validated upload', () => {
	it('is confirmed on the other process, once', async () => {
		const { a, b } = browser('10.20.0.4');
		expect((await a.action('/login', { identifier: '0900000002', password: DEMO_PASSWORD })).body?.type).toBe('redirect');
		const stem = `Câu hỏi hai tiến trình ${Date.now()}: số điện thoại khẩn cấp là số nào?`;
		const file = [
			'topic_code,topic_name,difficulty,kind,stem,option_a,option_b,correct,explanation,legal_ref,status',
			`kiem-thu-2,Chủ đề hai tiến trình,1,single,"${stem}",111,115,A,Vì vậy.,Luật Trẻ em 2016,draft`
		].join('\r\n');
		const fd = new FormData();
		fd.set('file', new Blob([new TextEncoder().encode(file)]), 'hai.csv');
		const res = await a.request('POST', '/organiser/questions/import?/preview', {
			body: fd,
			headers: { origin: a.base, accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		const preview = parse(JSON.parse(await res.text()).data).preview as { token: string; valid: number };
		expect(preview.valid).toBe(1);
		const done = await b.action('/organiser/questions/import?/confirm', { token: preview.token });
		expect(done.body).toMatchObject({ type: 'redirect', location: expect.stringMatching(/^\/organiser\/questions\?imported=1&/) });
		expect((await a.action('/organiser/questions/import?/confirm', { token: preview.token })).status).toBe(400);
		expect(await db.get('select count(*) as n from question_versions where stem = ?', stem)).toEqual({ n: 1 });
	});
});

describe('cached pages after a write on the other process', () => {
	it('show a renamed contest within a moment, not after the cache’s 5 s', async () => {
		const { a, b } = browser('10.20.0.5');
		expect((await a.action('/login', { identifier: '0900000002', password: DEMO_PASSWORD })).body?.type).toBe('redirect');
		const contest = (await db.get("select id, rules from contests where status = 'published' order by id limit 1")) as {
			id: number;
			rules: string;
		};
		const title = `Hội thi hai tiến trình ${Date.now()}`;
		// The other process has the home page's contest cached.
		expect(await (await b.get('/')).text()).not.toContain(title);
		const saved = await a.action(`/organiser/contests/${contest.id}?/save`, { title, rules: contest.rules, status: 'published' });
		expect(saved.body?.type).toBe('redirect');
		await sleep(1_500);
		expect(await (await b.get('/')).text()).toContain(title);
	});

	it('show a person’s own new result on the other process’s leaderboard poll at once', async () => {
		const { a, b } = browser('10.20.0.6');
		const form = registration({ phone: freshPhone() });
		expect((await a.action('/register', form)).body?.type).toBe('redirect');
		const rounds = (await (await a.get('/api/rounds/current')).json()).rounds as { id: number }[];
		const poll = async () => JSON.stringify(await (await b.get(`/api/leaderboard?round=${rounds[0].id}&units=0`)).json());
		// Polled on the second process before: no result of theirs there yet (and that is cached there).
		expect(await poll()).not.toContain('"isViewer":true');
		const view = await (await a.json('POST', `/api/rounds/${rounds[0].id}/attempts`)).json();
		expect((await a.json('POST', `/api/attempts/${view.attemptId}/submit`, { prediction: 100 })).status).toBe(200);
		await sleep(1_000);
		expect(await poll()).toContain('"isViewer":true');
	});
});

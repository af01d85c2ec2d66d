import { beforeAll, describe, expect, it } from 'vitest';
import { Client, freshPhone, registeredClient, registration } from './client';
import { testDb } from './db';

const db = testDb();

/**
 * Fairness under concurrency: every case fires real parallel HTTP requests at the running
 * server and then checks the database.
 */

let openRoundId: number;

beforeAll(async () => {
	const rounds = (await db.all('select id from rounds order by opens_at')) as { id: number }[];
	openRoundId = rounds[1].id;
});

const start = (c: Client) => c.json('POST', `/api/rounds/${openRoundId}/attempts`);

describe('attempts under concurrency', () => {
	it('50 simultaneous starts by one person create exactly one open attempt', async () => {
		const { client } = await registeredClient();
		const responses = await Promise.all(Array.from({ length: 50 }, () => start(client)));
		const bodies = await Promise.all(responses.map((r) => r.json()));
		const statuses = responses.map((r) => r.status).sort();
		expect(statuses.filter((s) => s === 201)).toHaveLength(1);
		expect(statuses.filter((s) => s === 200)).toHaveLength(49);
		expect(new Set(bodies.map((b) => b.attemptId)).size).toBe(1);
		// Every resume shows the same drawn questions in the same order.
		expect(new Set(bodies.map((b) => JSON.stringify(b.questions))).size).toBe(1);
		const rows = await db.all(
			'select status, attempt_no from attempts where id = ? or user_id = (select user_id from attempts where id = ?)',
			bodies[0].attemptId,
			bodies[0].attemptId
		);
		expect(rows).toEqual([{ status: 'open', attempt_no: 1 }]);
	});

	it('50 simultaneous submits of one attempt score it once and all get the same body', async () => {
		const { client } = await registeredClient();
		const view = await (await start(client)).json();
		const q = view.questions[0];
		await client.json('PUT', `/api/attempts/${view.attemptId}/answers`, { questionId: q.id, optionIds: [q.options[0].id] });
		const responses = await Promise.all(
			Array.from({ length: 50 }, (_, i) => client.json('POST', `/api/attempts/${view.attemptId}/submit`, { prediction: 100 + i }))
		);
		expect(responses.every((r) => r.status === 200)).toBe(true);
		const bodies = await Promise.all(responses.map((r) => r.text()));
		expect(new Set(bodies).size).toBe(1);
		const row = (await db.get('select status, submitted_at, prediction from attempts where id = ?', view.attemptId)) as {
			status: string;
			prediction: number;
		};
		expect(row.status).toBe('submitted');
		// Exactly one of the racing requests was scored: its prediction is one of those sent.
		expect(row.prediction).toBeGreaterThanOrEqual(100);
		expect(JSON.parse(bodies[0]).submittedAt).toBe(new Date((row as unknown as { submitted_at: number }).submitted_at).toISOString());
	});

	it('holds the cap of attempts when ten workers race to start and submit', async () => {
		const { client } = await registeredClient();
		let refused = 0;
		const worker = async () => {
			for (let i = 0; i < 6; i++) {
				const res = await start(client);
				if (res.status === 409) {
					refused++;
					return;
				}
				const view = await res.json();
				await client.json('POST', `/api/attempts/${view.attemptId}/submit`, { prediction: 1 });
			}
		};
		await Promise.all(Array.from({ length: 10 }, worker));
		expect(refused).toBeGreaterThan(0);
		const userId = ((await db.get('select user_id from attempts order by id desc limit 1')) as { user_id: number }).user_id;
		const rows = await db.all(
			'select attempt_no, status from attempts where user_id = ? and round_id = ? order by attempt_no',
			userId,
			openRoundId
		);
		expect(rows).toEqual([
			{ attempt_no: 1, status: 'submitted' },
			{ attempt_no: 2, status: 'submitted' },
			{ attempt_no: 3, status: 'submitted' }
		]);
	});
});

describe('identity under concurrency', () => {
	it('lets exactly one of many simultaneous registrations with one phone in different formats through', async () => {
		const local = freshPhone(); // 09xxxxxxxx
		const rest = local.slice(1);
		const formats = [
			local,
			`+84${rest}`,
			`${local.slice(0, 4)} ${local.slice(4, 7)} ${local.slice(7)}`,
			`84${rest}`,
			`${local.slice(0, 4)}.${local.slice(4, 7)}.${local.slice(7)}`,
			`+84 ${rest}`
		];
		const attempts = [...formats, ...formats];
		const results = await Promise.all(attempts.map((phone) => new Client().action('/register', registration({ phone }))));
		const winners = results.filter((r) => r.body?.type === 'redirect');
		expect(winners).toHaveLength(1);
		for (const r of results.filter((x) => x.body?.type !== 'redirect')) {
			expect(r.status).toBe(400);
			expect(r.body?.data.errors.phone).toBe('Số điện thoại này đã được đăng ký.');
		}
		const n = (await db.get('select count(*) as n from users where phone = ?', `+84${rest}`)) as { n: number };
		expect(n.n).toBe(1);
	});

	it('lets exactly one of simultaneous registrations with one email (any case) and one CCCD through', async () => {
		const tag = Date.now();
		const email = `trung.lap.${tag}@example.vn`;
		const cccd = String(tag).padStart(12, '0').slice(-12);
		const results = await Promise.all(
			Array.from({ length: 8 }, (_, i) =>
				new Client().action(
					'/register',
					registration({ email: i % 2 ? email.toUpperCase() : email, nationalId: i % 3 ? cccd : `${cccd.slice(0, 6)} ${cccd.slice(6)}` })
				)
			)
		);
		expect(results.filter((r) => r.body?.type === 'redirect')).toHaveLength(1);
		for (const r of results.filter((x) => x.body?.type !== 'redirect')) {
			expect(r.status).toBe(400);
			const errors = r.body?.data.errors;
			expect(errors.email ?? errors.nationalId).toMatch(/đã được đăng ký/);
		}
	});
});

describe('where accounts come from', () => {
	it('gives every browser an HttpOnly, SameSite=Lax device cookie before it can take part', async () => {
		// On the pages every participant passes (the public pages shared by anonymous viewers set none: shared-pages.test.ts).
		for (const path of ['/register', '/login']) {
			const res = await fetch(new Client().base + path);
			const cookie = res.headers.getSetCookie().find((c) => c.startsWith('hoithi_device='));
			expect(cookie, path).toBeDefined();
			expect(cookie, path).toMatch(/HttpOnly/i);
			expect(cookie, path).toMatch(/SameSite=Lax/i);
			expect(cookie, path).toMatch(/Max-Age=\d{7,}/i);
		}
	});

	it('stores registrations, logins and attempt starts with keyed hashes of device and IP, never the IP', async () => {
		const { client, form } = await registeredClient();
		await start(client);
		const again = new Client();
		await again.action('/login', { identifier: form.phone, password: form.password });
		const rows = (await db.all(
			`select e.kind, e.device_hash, e.ip_hash, e.attempt_id from access_events e join users u on u.id = e.user_id where u.phone = ? order by e.id`,
			'+84' + form.phone.slice(1)
		)) as { kind: string; device_hash: string; ip_hash: string; attempt_id: number | null }[];
		const dump = JSON.stringify(await db.all('select * from access_events'));
		expect(rows.map((r) => r.kind)).toEqual(['register', 'attempt_start', 'login']);
		for (const r of rows) {
			expect(r.device_hash).toMatch(/^[0-9a-f]{64}$/);
			expect(r.ip_hash).toMatch(/^[0-9a-f]{64}$/);
		}
		// Same browser → same device hash; the other browser has another one; same machine → same IP hash.
		expect(rows[0].device_hash).toBe(rows[1].device_hash);
		expect(rows[2].device_hash).not.toBe(rows[0].device_hash);
		expect(rows[2].ip_hash).toBe(rows[0].ip_hash);
		expect(rows[1].attempt_id).toBeGreaterThan(0);
		expect(dump).not.toMatch(/127\.0\.0\.1|::1|::ffff/);
	});
});

import { beforeAll, describe, expect, it } from 'vitest';
import { Client, registeredClient } from './client';
import { testDb } from './db';

const db = testDb();

type View = {
	attemptId: number;
	deadline: string;
	serverNow: string;
	questions: { id: number; kind: string; stem: string; options: { id: string; text: string }[]; answer: string[] }[];
};

let openRoundId: number;
let closedRoundId: number;
let upcomingRoundId: number;

beforeAll(async () => {
	const rounds = (await db.all('select id, opens_at, closes_at from rounds order by opens_at')) as { id: number }[];
	[closedRoundId, openRoundId, upcomingRoundId] = rounds.map((r) => r.id);
});

/** The correct option ids of a question in an attempt, read from the database (never sent to the browser). */
async function correctOptions(attemptId: number, questionId: number): Promise<string[]> {
	const row = (await db.get(
		`select v.options_json from attempt_questions aq join question_versions v on v.id = aq.question_version_id
			 where aq.attempt_id = ? and aq.question_id = ?`,
		attemptId,
		questionId
	)) as { options_json: string };
	return (JSON.parse(row.options_json) as { id: string; correct: boolean }[]).filter((o) => o.correct).map((o) => o.id);
}

async function start(c: Client, roundId = openRoundId) {
	const res = await c.json('POST', `/api/rounds/${roundId}/attempts`);
	return { res, body: (await res.json()) as View & { message?: string } };
}

describe('GET /api/rounds/current', () => {
	it('lists the rounds open now with the agreed fields', async () => {
		const res = await new Client().get('/api/rounds/current');
		expect(res.status).toBe(200);
		const { rounds } = await res.json();
		expect(rounds.map((r: { id: number }) => r.id)).toEqual([openRoundId]);
		expect(Object.keys(rounds[0]).sort()).toEqual(
			['id', 'contestId', 'title', 'opensAt', 'closesAt', 'questionCount', 'timeLimitSeconds', 'maxAttempts', 'prediction'].sort()
		);
		expect(rounds[0]).toMatchObject({ questionCount: 10, timeLimitSeconds: 900, maxAttempts: 3 });
		expect(rounds[0].prediction.question).toMatch(/lượt thi/);
		expect(new Date(rounds[0].opensAt).toISOString()).toBe(rounds[0].opensAt);
	});
});

describe('starting an attempt', () => {
	it('needs a logged-in person', async () => {
		const res = await new Client().json('POST', `/api/rounds/${openRoundId}/attempts`);
		expect(res.status).toBe(401);
		expect((await res.json()).message).toMatch(/đăng nhập/);
	});

	it('draws the round’s questions with options but never the correct answers', async () => {
		const { client } = await registeredClient();
		const { res, body } = await start(client);
		expect(res.status).toBe(201);
		expect(body.questions).toHaveLength(10);
		expect(new Set(body.questions.map((q) => q.id)).size).toBe(10);
		const deadline = Date.parse(body.deadline);
		const serverNow = Date.parse(body.serverNow);
		expect(deadline - serverNow).toBeGreaterThan(899_000);
		expect(deadline - serverNow).toBeLessThanOrEqual(900_000);
		for (const q of body.questions) {
			expect(['single', 'multiple', 'true_false']).toContain(q.kind);
			expect(q.options.length).toBeGreaterThanOrEqual(2);
			expect(q.answer).toEqual([]);
			for (const o of q.options) expect(Object.keys(o).sort()).toEqual(['id', 'text']);
		}
		const raw = JSON.stringify(body);
		expect(raw).not.toMatch(/correct|explanation|legal/i);
	});

	it('resumes the open attempt (200) with the answers saved so far instead of drawing again', async () => {
		const { client } = await registeredClient();
		const first = await start(client);
		const q = first.body.questions[0];
		expect(
			(await client.json('PUT', `/api/attempts/${first.body.attemptId}/answers`, { questionId: q.id, optionIds: [q.options[1].id] })).status
		).toBe(204);
		const again = await start(client);
		expect(again.res.status).toBe(200);
		expect(again.body.attemptId).toBe(first.body.attemptId);
		expect(again.body.questions.map((x) => x.id)).toEqual(first.body.questions.map((x) => x.id));
		expect(again.body.questions[0].options).toEqual(q.options);
		expect(again.body.questions[0].answer).toEqual([q.options[1].id]);
	});

	it('with ?resume=1 resumes the attempt in progress but never starts one (the attempt page on load)', async () => {
		const { client, form } = await registeredClient();
		const count = async () => {
			const row = (await db.get(
				'select count(*) as n from attempts a join users u on u.id = a.user_id where u.phone = ?',
				'+84' + form.phone.slice(1)
			)) as { n: number };
			return row.n;
		};
		const none = await client.json('POST', `/api/rounds/${openRoundId}/attempts?resume=1`);
		expect(none.status).toBe(409);
		expect((await none.json()).message).toBe('Bạn không có lượt thi nào đang làm dở trong đợt này.');
		expect(await count()).toBe(0);
		const first = await start(client);
		expect(first.res.status).toBe(201);
		const again = await client.json('POST', `/api/rounds/${openRoundId}/attempts?resume=1`);
		expect(again.status).toBe(200);
		expect(((await again.json()) as View).attemptId).toBe(first.body.attemptId);
		expect((await client.json('POST', `/api/attempts/${first.body.attemptId}/submit`, { prediction: 1 })).status).toBe(200);
		const after = await client.json('POST', `/api/rounds/${openRoundId}/attempts?resume=1`);
		expect(after.status).toBe(409);
		expect(await count()).toBe(1);
	});

	it('answers 409 for a closed round and for a round not open yet', async () => {
		const { client } = await registeredClient();
		const closed = await start(client, closedRoundId);
		expect(closed.res.status).toBe(409);
		expect(closed.body.message).toBe('Đợt thi đã kết thúc.');
		const upcoming = await start(client, upcomingRoundId);
		expect(upcoming.res.status).toBe(409);
		expect(upcoming.body.message).toMatch(/chưa mở/);
	});

	it('answers 404 for an unknown round and 400 for a malformed id', async () => {
		const { client } = await registeredClient();
		expect((await start(client, 987654)).res.status).toBe(404);
		const bad = await client.json('POST', '/api/rounds/abc/attempts');
		expect(bad.status).toBe(400);
		expect((await bad.json()).message).toMatch(/không hợp lệ/);
	});

	it('stops at the round’s maximum number of attempts', async () => {
		const { client } = await registeredClient();
		for (let i = 1; i <= 3; i++) {
			const { res, body } = await start(client);
			expect(res.status).toBe(201);
			const sub = await client.json('POST', `/api/attempts/${body.attemptId}/submit`, { prediction: 100 });
			expect((await sub.json()).attemptNo).toBe(i);
		}
		const fourth = await start(client);
		expect(fourth.res.status).toBe(409);
		expect(fourth.body.message).toBe('Bạn đã dùng hết 3 lượt thi của đợt này.');
	});
});

describe('autosave and submit', () => {
	it('scores single, multiple and true/false answers and returns the agreed body', async () => {
		const { client } = await registeredClient();
		const { body } = await start(client);
		let expected = 0;
		for (const [i, q] of body.questions.entries()) {
			const right = await correctOptions(body.attemptId, q.id);
			// Answer the first 7 correctly, the rest wrongly (or not at all).
			const wrong = q.options
				.map((o) => o.id)
				.filter((id) => !right.includes(id))
				.slice(0, 1);
			const optionIds = i < 7 ? right : i < 9 ? wrong : [];
			if (i < 7) expected++;
			if (optionIds.length) {
				const r = await client.json('PUT', `/api/attempts/${body.attemptId}/answers`, { questionId: q.id, optionIds });
				expect(r.status).toBe(204);
			}
		}
		const res = await client.json('POST', `/api/attempts/${body.attemptId}/submit`, { prediction: 1234 });
		expect(res.status).toBe(200);
		const result = await res.json();
		expect(Object.keys(result).sort()).toEqual(['attemptNo', 'correct', 'durationMs', 'score', 'submittedAt', 'total']);
		expect(result).toMatchObject({ score: expected, correct: expected, total: 10, attemptNo: 1 });
		expect(result.durationMs).toBeGreaterThanOrEqual(0);
		expect(Date.parse(result.submittedAt)).toBeGreaterThan(Date.now() - 60_000);
	});

	it('keeps only the last saved choice when an answer is changed or re-sent', async () => {
		const { client } = await registeredClient();
		const { body } = await start(client);
		const q = body.questions[0];
		for (const o of [q.options[0], q.options[1], q.options[1]]) {
			expect((await client.json('PUT', `/api/attempts/${body.attemptId}/answers`, { questionId: q.id, optionIds: [o.id] })).status).toBe(
				204
			);
		}
		const again = await start(client);
		expect(again.body.questions[0].answer).toEqual([q.options[1].id]);
	});

	it('returns the same stored result for a double or parallel submit and never re-scores', async () => {
		const { client } = await registeredClient();
		const { body } = await start(client);
		const q = body.questions[0];
		await client.json('PUT', `/api/attempts/${body.attemptId}/answers`, {
			questionId: q.id,
			optionIds: await correctOptions(body.attemptId, q.id)
		});
		const results = await Promise.all(
			Array.from({ length: 10 }, () =>
				client.json('POST', `/api/attempts/${body.attemptId}/submit`, { prediction: 50 }).then((r) => r.json())
			)
		);
		for (const r of results) expect(r).toEqual(results[0]);
		// Saving after the submit is refused, and a later submit still returns the first result.
		const late = await client.json('PUT', `/api/attempts/${body.attemptId}/answers`, { questionId: q.id, optionIds: [] });
		expect(late.status).toBe(409);
		const replay = await client.json('POST', `/api/attempts/${body.attemptId}/submit`, { prediction: 999 });
		expect(await replay.json()).toEqual(results[0]);
		const row = (await db.get('select prediction, status from attempts where id = ?', body.attemptId)) as {
			prediction: number;
			status: string;
		};
		expect(row).toEqual({ prediction: 50, status: 'submitted' });
	});

	it('requires the prediction when the round has a prediction question', async () => {
		const { client } = await registeredClient();
		const { body } = await start(client);
		const res = await client.json('POST', `/api/attempts/${body.attemptId}/submit`, {});
		expect(res.status).toBe(400);
		expect((await res.json()).message).toMatch(/dự đoán/);
		for (const prediction of [-1, 1.5, 'nhiều']) {
			const bad = await client.json('POST', `/api/attempts/${body.attemptId}/submit`, { prediction });
			expect(bad.status).toBe(400);
		}
	});

	it('refuses answers after the deadline and scores the attempt on what was saved by then', async () => {
		const { client } = await registeredClient();
		const { body } = await start(client);
		const [q1, q2] = body.questions;
		await client.json('PUT', `/api/attempts/${body.attemptId}/answers`, {
			questionId: q1.id,
			optionIds: await correctOptions(body.attemptId, q1.id)
		});
		// Move the attempt into the past: started 20 min ago, deadline 5 min ago (beyond the grace).
		const now = Date.now();
		await db.run('update attempts set started_at = ?, deadline_at = ? where id = ?', now - 20 * 60_000, now - 5 * 60_000, body.attemptId);
		const late = await client.json('PUT', `/api/attempts/${body.attemptId}/answers`, {
			questionId: q2.id,
			optionIds: await correctOptions(body.attemptId, q2.id)
		});
		expect(late.status).toBe(409);
		expect((await late.json()).message).toMatch(/hết giờ/);
		const res = await client.json('POST', `/api/attempts/${body.attemptId}/submit`, { prediction: 10 });
		expect(res.status).toBe(200);
		const result = await res.json();
		expect(result).toMatchObject({ score: 1, correct: 1, total: 10, durationMs: 15 * 60_000 });
		expect(Date.parse(result.submittedAt)).toBe(now - 5 * 60_000);
		const row = await db.get('select status, prediction from attempts where id = ?', body.attemptId);
		expect(row).toEqual({ status: 'expired', prediction: null });
	});

	it('accepts the automatic hand-in at the deadline without a prediction, within the grace', async () => {
		const { client } = await registeredClient();
		const { body } = await start(client);
		await db.run('update attempts set deadline_at = ? where id = ?', Date.now() - 1000, body.attemptId);
		const res = await client.json('POST', `/api/attempts/${body.attemptId}/submit`, {});
		expect(res.status).toBe(200);
		const row = await db.get('select status, prediction from attempts where id = ?', body.attemptId);
		expect(row).toEqual({ status: 'submitted', prediction: null });
	});

	it('closes an overdue open attempt when the person starts again, so a new one can begin', async () => {
		const { client } = await registeredClient();
		const first = await start(client);
		await db.run('update attempts set deadline_at = ? where id = ?', Date.now() - 60_000, first.body.attemptId);
		const second = await start(client);
		expect(second.res.status).toBe(201);
		expect(second.body.attemptId).not.toBe(first.body.attemptId);
	});
});

describe('someone else’s attempt and malformed input', () => {
	it('is invisible to another participant (404 everywhere)', async () => {
		const owner = (await registeredClient()).client;
		const other = (await registeredClient()).client;
		const { body } = await start(owner);
		const q = body.questions[0];
		const put = await other.json('PUT', `/api/attempts/${body.attemptId}/answers`, { questionId: q.id, optionIds: [q.options[0].id] });
		expect(put.status).toBe(404);
		const sub = await other.json('POST', `/api/attempts/${body.attemptId}/submit`, { prediction: 1 });
		expect(sub.status).toBe(404);
		expect((await other.get(`/attempts/${body.attemptId}`)).status).toBe(404);
		// The owner's attempt is untouched.
		const again = await start(owner);
		expect(again.body.questions[0].answer).toEqual([]);
	});

	it('answers 400 with a message for malformed JSON, ids and choices — never 500', async () => {
		const { client } = await registeredClient();
		const { body } = await start(client);
		const q = body.questions[0];
		const cases: [string, string, unknown][] = [
			['PUT', `/api/attempts/${body.attemptId}/answers`, '{not json'],
			['PUT', `/api/attempts/${body.attemptId}/answers`, { questionId: 'x', optionIds: [] }],
			['PUT', `/api/attempts/${body.attemptId}/answers`, { questionId: q.id, optionIds: 'a' }],
			['PUT', `/api/attempts/${body.attemptId}/answers`, { questionId: q.id, optionIds: ['không-có'] }],
			['PUT', `/api/attempts/${body.attemptId}/answers`, { questionId: 999999, optionIds: [] }],
			['PUT', `/api/attempts/-1/answers`, { questionId: q.id, optionIds: [] }],
			['PUT', `/api/attempts/1e3/answers`, { questionId: q.id, optionIds: [] }],
			['POST', `/api/attempts/${body.attemptId}/submit`, '[1,2'],
			['POST', `/api/attempts/abc/submit`, {}]
		];
		for (const [method, path, payload] of cases) {
			const res = await client.json(method, path, payload);
			expect(res.status, `${method} ${path} ${JSON.stringify(payload)}`).toBe(400);
			expect(typeof (await res.json()).message).toBe('string');
		}
		const single = body.questions.find((x) => x.kind !== 'multiple')!;
		const two = await client.json('PUT', `/api/attempts/${body.attemptId}/answers`, {
			questionId: single.id,
			optionIds: single.options.slice(0, 2).map((o) => o.id)
		});
		expect(two.status).toBe(400);
	});
});

describe('results and leaderboard', () => {
	it('shows the owner the score, correct answers, explanations and legal references', async () => {
		const { client } = await registeredClient({ fullName: 'Hoàng Thị Xếp Hạng' });
		const { body } = await start(client);
		for (const q of body.questions)
			await client.json('PUT', `/api/attempts/${body.attemptId}/answers`, {
				questionId: q.id,
				optionIds: await correctOptions(body.attemptId, q.id)
			});
		await client.json('POST', `/api/attempts/${body.attemptId}/submit`, { prediction: 5 });
		const page = await client.get(`/attempts/${body.attemptId}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('10/10');
		expect(html).toContain('Giải thích:');
		expect(html).toContain('Căn cứ:');
		const list = await (await client.get('/me/results')).text();
		expect(list).toContain(`/attempts/${body.attemptId}`);
		// A perfect, fresh score ranks on the public leaderboard, with a masked name.
		const board = await (await new Client().get(`/rounds/${openRoundId}/leaderboard`)).text();
		expect(board).toContain('Hoàng T. X. H.');
		expect(board).not.toContain('Hoàng Thị Xếp Hạng');
	});

	it('does not reveal answers before the round closes when the policy says so', async () => {
		await db.run("update rounds set reveal_policy = 'after_close' where id = ?", openRoundId);
		try {
			const { client } = await registeredClient();
			const { body } = await start(client);
			await client.json('POST', `/api/attempts/${body.attemptId}/submit`, { prediction: 5 });
			const html = await (await client.get(`/attempts/${body.attemptId}`)).text();
			expect(html).toContain('sẽ được công bố sau khi đợt thi kết thúc');
			expect(html).not.toContain('Giải thích:');
		} finally {
			await db.run("update rounds set reveal_policy = 'after_submit' where id = ?", openRoundId);
		}
	});

	it('shows the closed round with its settled prediction figure', async () => {
		const html = await (await new Client().get(`/rounds/${closedRoundId}/leaderboard`)).text();
		const r = (await db.get('select prediction_actual from rounds where id = ?', closedRoundId)) as { prediction_actual: number };
		const people = (await db.get(
			"select count(distinct user_id) as n from attempts where round_id = ? and status in ('submitted','expired')",
			closedRoundId
		)) as { n: number };
		expect(r.prediction_actual).toBe(people.n);
		expect(html).toContain(`Đáp án: <strong>${people.n}</strong>`);
	});
});

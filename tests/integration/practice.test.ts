import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'devalue';
import { Client, loggedIn, registeredClient } from './client';
import { testDb } from './db';

const db = testDb();

/**
 * Practice (ôn tập) over HTTP: anyone may practise a topic, the answer and explanation come back at
 * once, practice never reaches rankings, reports or item analysis (those read attempts only), bad
 * input is refused with a message and writes nothing, and the knowledge map is the person's own.
 */

interface Shown {
	url: string;
	token: string;
	questionId: number;
	html: string;
}

/** Opens practice on a topic (following the draw's redirect) and reads the question on screen. */
async function open(c: Client, topicId: number): Promise<Shown> {
	const first = await c.get(`/practice?topic=${topicId}`);
	expect(first.status).toBe(303);
	const url = first.headers.get('location')!;
	const res = await c.get(url);
	expect(res.status).toBe(200);
	const html = await res.text();
	const token = /name="token" value="([^"]+)"/.exec(html)![1];
	const questionId = Number(/name="questionId" value="(\d+)"/.exec(html)![1]);
	return { url, token, questionId, html };
}

/** The drawn version's options (the token carries the version id). */
async function optionsOf(token: string): Promise<{ id: string; text: string; correct: boolean }[]> {
	const v = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).v as number;
	const row = (await db.get('select options_json from question_versions where id = ?', v)) as { options_json: string };
	return JSON.parse(row.options_json);
}

/** Posts the practice form as use:enhance does, with repeated fields where given. */
async function answer(c: Client, url: string, fields: [string, string][]) {
	const action = url.replace('/practice?', '/practice?/answer&');
	const res = await c.request('POST', action, {
		body: new URLSearchParams(fields).toString(),
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			origin: c.base
		}
	});
	const raw = JSON.parse(await res.text());
	return { status: raw.status as number, type: raw.type as string, data: raw.data ? parse(raw.data) : undefined };
}

async function answerRightly(c: Client, shown: Shown, right = true) {
	const options = await optionsOf(shown.token);
	const picks = right ? options.filter((o) => o.correct) : [options.find((o) => !o.correct)!];
	return answer(c, shown.url, [
		['token', shown.token],
		['questionId', String(shown.questionId)],
		...picks.map((o) => ['option', o.id] as [string, string])
	]);
}

let topicId: number;
let topicName: string;

beforeAll(async () => {
	const t = (await db.get(
		"select t.id, t.name from topics t where (select count(*) from questions q where q.topic_id = t.id and q.status = 'published') > 3 order by t.id limit 1"
	)) as { id: number; name: string };
	topicId = t.id;
	topicName = t.name;
});

describe('practice for anyone', () => {
	it('lists the topics and shows a question of the chosen topic without an account', async () => {
		const c = new Client();
		const list = await c.get('/practice');
		expect(list.status).toBe(200);
		expect(await list.text()).toContain(topicName);
		const shown = await open(c, topicId);
		const q = (await db.get('select topic_id from questions where id = ?', shown.questionId)) as { topic_id: number };
		expect(q.topic_id).toBe(topicId);
		// A reload shows the same question, and the page carries no answer key.
		const again = await (await c.get(shown.url)).text();
		expect(again).toContain(`name="questionId" value="${shown.questionId}"`);
		expect(shown.html).not.toContain('"correct"');
	});

	it('shows the answer, explanation and legal reference right after the choice, and a next question', async () => {
		const c = new Client();
		const shown = await open(c, topicId);
		const before = ((await db.get('select count(*) as n from practice_answers')) as { n: number }).n;
		const res = await answerRightly(c, shown, false);
		expect(res.status).toBe(200);
		const fb = res.data.feedback;
		const options = await optionsOf(shown.token);
		expect(fb.isCorrect).toBe(false);
		expect(fb.correctIds.sort()).toEqual(
			options
				.filter((o) => o.correct)
				.map((o) => o.id)
				.sort()
		);
		const v = (await db.get(
			'select explanation, legal_ref from question_versions where question_id = ? order by version_no desc limit 1',
			shown.questionId
		)) as {
			explanation: string;
			legal_ref: string;
		};
		expect(fb.explanation).toBe(v.explanation);
		expect(fb.legalRef).toBe(v.legal_ref);
		expect(fb.done).toBe(1);
		expect(fb.right).toBe(0);
		expect(typeof fb.next).toBe('string');
		// Anonymous practice is not stored anywhere.
		expect(fb.recorded).toBe(false);
		expect(((await db.get('select count(*) as n from practice_answers')) as { n: number }).n).toBe(before);
		// The next question is another one of the topic.
		const next = await c.get(`/practice?topic=${topicId}&s=${encodeURIComponent(fb.next)}`);
		const html = await next.text();
		const nextId = Number(/name="questionId" value="(\d+)"/.exec(html)![1]);
		expect(nextId).not.toBe(shown.questionId);
	});

	it('refuses bad input with a clear message and writes nothing', async () => {
		const c = (await registeredClient()).client;
		const shown = await open(c, topicId);
		const options = await optionsOf(shown.token);
		const count = async () => ((await db.get('select count(*) as n from practice_answers')) as { n: number }).n;
		const before = await count();
		const other = (await db.get(
			"select id from questions where status = 'published' and id <> ? order by id limit 1",
			shown.questionId
		)) as {
			id: number;
		};
		const [, mac] = shown.token.split('.');
		const forged = Buffer.from(JSON.stringify({ t: topicId, q: other.id, v: 1, s: 1, n: 'x', seen: [], done: 0, right: 0 })).toString(
			'base64url'
		);
		const cases: { fields: [string, string][]; url?: string; message: RegExp }[] = [
			// an answer to a question that was not drawn
			{
				fields: [
					['token', shown.token],
					['questionId', String(other.id)],
					['option', options[0].id]
				],
				message: /không thuộc câu hỏi đang ôn tập/
			},
			// option ids that are not this question's
			{
				fields: [
					['token', shown.token],
					['questionId', String(shown.questionId)],
					['option', 'garbage-id']
				],
				message: /Đáp án không thuộc câu hỏi này/
			},
			{
				fields: [
					['token', shown.token],
					['questionId', String(shown.questionId)],
					['option', 'x'.repeat(500)]
				],
				message: /Đáp án không hợp lệ/
			},
			// nothing chosen
			{
				fields: [
					['token', shown.token],
					['questionId', String(shown.questionId)]
				],
				message: /Vui lòng chọn/
			},
			// a forged or broken token
			{
				fields: [
					['token', `${forged}.${mac}`],
					['questionId', String(other.id)],
					['option', options[0].id]
				],
				message: /Phiên ôn tập không hợp lệ/
			},
			{
				fields: [
					['token', 'abc'],
					['questionId', 'abc'],
					['option', options[0].id]
				],
				message: /không hợp lệ/
			},
			// an unknown topic (the token is of another one)
			{
				url: shown.url.replace(`topic=${topicId}`, 'topic=999999'),
				fields: [
					['token', shown.token],
					['questionId', String(shown.questionId)],
					['option', options[0].id]
				],
				message: /Phiên ôn tập không hợp lệ/
			},
			{
				url: shown.url.replace(`topic=${topicId}`, 'topic=abc'),
				fields: [
					['token', shown.token],
					['questionId', String(shown.questionId)],
					['option', options[0].id]
				],
				message: /Không tìm thấy chủ đề/
			}
		];
		for (const k of cases) {
			const res = await answer(c, k.url ?? shown.url, k.fields);
			expect(res.status, JSON.stringify(k.fields)).toBe(400);
			expect(res.data.message).toMatch(k.message);
		}
		if (options.length > 1 && (await db.get('select kind from questions where id = ?', shown.questionId))!.kind !== 'multiple') {
			const two = await answer(c, shown.url, [
				['token', shown.token],
				['questionId', String(shown.questionId)],
				['option', options[0].id],
				['option', options[1].id]
			]);
			expect(two.status).toBe(400);
			expect(two.data.message).toMatch(/chỉ chọn một đáp án/);
		}
		expect(await count()).toBe(before);
		// An unknown topic on the page itself: a 404 with a message, not a 500.
		for (const path of ['/practice?topic=999999', '/practice?topic=abc', '/practice?topic=-1']) {
			const res = await c.get(path);
			expect(res.status, path).toBe(404);
			expect(await res.text()).toContain('Không tìm thấy chủ đề ôn tập');
		}
		// A broken token in the address draws afresh instead of failing.
		const broken = await c.get(`/practice?topic=${topicId}&s=nonsense`);
		expect(broken.status).toBe(303);
	});
});

describe('practice of a logged-in person', () => {
	let c: Client;
	let userId: number;
	let roundId: number;

	beforeAll(async () => {
		const r = await registeredClient();
		c = r.client;
		userId = ((await db.get('select id from users where phone = ?', '+84' + r.form.phone.slice(1))) as { id: number }).id;
		const current = (await (await c.get('/api/rounds/current')).json()) as { rounds: { id: number }[] };
		roundId = current.rounds[0].id;
	});

	it('is recorded once per drawn question, for the knowledge map only', async () => {
		const shown = await open(c, topicId);
		const first = await answerRightly(c, shown);
		expect(first.data.feedback).toMatchObject({ isCorrect: true, recorded: true, done: 1, right: 1 });
		// The same drawn question answered again (a resubmitted form) is checked but not counted again.
		const again = await answerRightly(c, shown, false);
		expect(again.data.feedback).toMatchObject({ isCorrect: false, recorded: false });
		const rows = (await db.all('select question_id, correct from practice_answers where user_id = ?', userId)) as {
			question_id: number;
			correct: number;
		}[];
		expect(rows).toEqual([{ question_id: shown.questionId, correct: 1 }]);
	});

	it('never changes rankings, reports or item analysis of rounds', async () => {
		// A finished attempt of the open round: on the leaderboard, in item analysis and reports.
		const start = await c.json('POST', `/api/rounds/${roundId}/attempts`);
		const attempt = (await start.json()) as { attemptId: number; questions: { id: number; options: { id: string }[] }[] };
		await c.json('PUT', `/api/attempts/${attempt.attemptId}/answers`, {
			questionId: attempt.questions[0].id,
			optionIds: [attempt.questions[0].options[0].id]
		});
		expect((await c.json('POST', `/api/attempts/${attempt.attemptId}/submit`, { prediction: 5 })).status).toBe(200);

		const snapshot = async () => ({
			attempts: await db.all(
				'select id, status, score, correct_count, total, duration_ms, submitted_at from attempts where user_id = ? order by id',
				userId
			),
			best: await db.all('select * from round_best where user_id = ?', userId),
			sheet: await db.all('select question_id, correct from attempt_questions where attempt_id = ? order by position', attempt.attemptId),
			answers: await db.all(
				'select question_id, option_ids_json from attempt_answers where attempt_id = ? order by question_id',
				attempt.attemptId
			),
			// what item analysis and the gap map count per question: the rows of attempts, never practice
			// (this person's: other test files hand in attempts on the same server meanwhile)
			shown: await db.all(
				`select aq.question_id, count(*) as n, sum(aq.correct) as c from attempt_questions aq join questions q on q.id = aq.question_id
				 join attempts a on a.id = aq.attempt_id where q.topic_id = ? and a.user_id = ? group by aq.question_id order by aq.question_id`,
				topicId,
				userId
			)
		});
		const board = async () => {
			// The person's own row, without the rank: others' hand-ins (other test files) may move it.
			const b = (await (await c.get(`/api/leaderboard?round=${roundId}&units=0`)).json()) as {
				top: Record<string, unknown>[];
				me: Record<string, unknown> | null;
			};
			const row = [...b.top, b.me].find((r) => r?.isViewer);
			expect(row, 'the person is on the board').toBeDefined();
			const { rank: _rank, ...mine } = row!;
			return mine;
		};
		const before = await snapshot();
		expect(before.sheet.length).toBeGreaterThan(0);
		const meBefore = await board();

		// Ten practice answers, right and wrong, several of them on questions of the open round's pool.
		for (let i = 0; i < 10; i++) {
			const shown = await open(c, topicId);
			const res = await answerRightly(c, shown, i % 2 === 0);
			expect(res.status).toBe(200);
		}
		expect(
			((await db.get('select count(*) as n from practice_answers where user_id = ?', userId)) as { n: number }).n
		).toBeGreaterThanOrEqual(10);
		expect(await snapshot()).toEqual(before);
		expect(await board()).toEqual(meBefore);
	});

	it('shows the knowledge map to the person, weakest first, with a link to practise each topic', async () => {
		const html = await (await c.get('/me/results')).text();
		expect(html).toContain('Bản đồ kiến thức của tôi');
		expect(html).toContain(topicName);
		expect(html).toContain(`href="/practice?topic=${topicId}"`);
		expect(html).toContain('Ôn tập chủ đề này');
	});
});

describe('the knowledge map', () => {
	it('counts a round’s answers only once they may be shown (never an open round’s hidden key)', async () => {
		const r = await registeredClient();
		const c = r.client;
		const current = (await (await c.get('/api/rounds/current')).json()) as { rounds: { id: number }[] };
		const roundId = current.rounds[0].id;
		const start = await c.json('POST', `/api/rounds/${roundId}/attempts`);
		const attempt = (await start.json()) as { attemptId: number };
		expect((await c.json('POST', `/api/attempts/${attempt.attemptId}/submit`, { prediction: 1 })).status).toBe(200);
		const policy = (await db.get('select reveal_policy from rounds where id = ?', roundId)) as { reveal_policy: string };
		try {
			await db.run("update rounds set reveal_policy = 'after_close' where id = ?", roundId);
			const hidden = await (await c.get('/me/results')).text();
			expect(hidden).toContain('Chưa có câu trả lời nào để tính');
			await db.run("update rounds set reveal_policy = 'after_submit' where id = ?", roundId);
			const shown = await (await c.get('/me/results')).text();
			expect(shown).not.toContain('Chưa có câu trả lời nào để tính');
			expect(shown).toMatch(/0\/\d+ câu đúng/);
		} finally {
			await db.run('update rounds set reveal_policy = ? where id = ?', policy.reveal_policy, roundId);
		}
	});

	it('is private: nobody else sees it, not another participant, not an organiser', async () => {
		const owner = await registeredClient({ fullName: 'Lê Thị Riêng Tư' });
		const shown = await open(owner.client, topicId);
		await answerRightly(owner.client, shown);
		const ownerId = ((await db.get('select id from users where phone = ?', '+84' + owner.form.phone.slice(1))) as { id: number }).id;
		expect(await (await owner.client.get('/me/results')).text()).toMatch(/1\/1 câu đúng/);

		const other = (await registeredClient()).client;
		const organiser = await loggedIn('0900000002');
		for (const viewer of [other, organiser]) {
			for (const path of ['/me/results', `/me/results?user=${ownerId}`, `/me/results?userId=${ownerId}`]) {
				const html = await (await viewer.get(path)).text();
				expect(html, path).not.toMatch(/1\/1 câu đúng/);
				expect(html).not.toContain('Lê Thị Riêng Tư');
			}
		}
		// The organiser's page about the person shows no practice or knowledge map either.
		const person = await (await organiser.get(`/organiser/people/${ownerId}`)).text();
		expect(person).not.toContain('Bản đồ kiến thức');
		expect(person).not.toContain('câu đúng (ôn tập)');
		// Anonymous visitors are sent to log in.
		const anon = await new Client().get('/me/results');
		expect(anon.status).toBe(303);
	});
});

describe('the contest switch “Không dùng câu hỏi của vòng đang mở cho ôn tập”', () => {
	it('keeps every question an open round could draw out of practice while on, and gives them back when off', async () => {
		const organiser = await loggedIn('0900000002');
		const round = (await db.get(
			'select r.id, r.contest_id from rounds r where r.opens_at <= ? and r.closes_at > ? order by r.id limit 1',
			Date.now(),
			Date.now()
		)) as { id: number; contest_id: number };
		const contest = (await db.get('select title, rules, status from contests where id = ?', round.contest_id)) as {
			title: string;
			rules: string;
			status: string;
		};
		const quotas = (await db.all('select topic_id, count from round_quotas where round_id = ? and topic_id is not null', round.id)) as {
			topic_id: number;
		}[];
		const quotaTopics = new Set(quotas.map((q) => q.topic_id));
		const free = (await db.get(
			`select t.id from topics t where t.id not in (${[...quotaTopics].join(',') || 0})
			 and (select count(*) from questions q where q.topic_id = t.id and q.status = 'published') > 0 order by t.id limit 1`
		)) as { id: number } | undefined;
		const hiddenTopic = [...quotaTopics][0];
		const save = (on: boolean) =>
			organiser.action(`/organiser/contests/${round.contest_id}?/save`, {
				title: contest.title,
				rules: contest.rules,
				status: contest.status,
				...(on ? { practiceHidesOpenRounds: 'on' } : {})
			});
		const c = new Client();
		try {
			expect((await save(true)).body?.type).toBe('redirect');
			expect(
				((await db.get('select practice_hides_open_rounds as p from contests where id = ?', round.contest_id)) as { p: number }).p
			).toBe(1);
			const edit = await (await organiser.get(`/organiser/contests/${round.contest_id}`)).text();
			expect(edit).toMatch(/name="practiceHidesOpenRounds"[^>]*checked/);

			// The demo round's quotas fill its whole count: its topics are out of practice, the others stay.
			const list = await (await c.get('/practice')).text();
			expect(list).toContain('đang được dùng cho đợt thi đang mở');
			const blocked = await c.get(`/practice?topic=${hiddenTopic}`);
			expect(blocked.status).toBe(200);
			expect(await blocked.text()).toContain('đang được dùng cho đợt thi đang mở');
			if (free) {
				for (let i = 0; i < 5; i++) {
					const shown = await open(c, free.id);
					const q = (await db.get('select topic_id from questions where id = ?', shown.questionId)) as { topic_id: number };
					expect(quotaTopics.has(q.topic_id)).toBe(false);
				}
			}
		} finally {
			expect((await save(false)).body?.type).toBe('redirect');
		}
		expect(((await db.get('select practice_hides_open_rounds as p from contests where id = ?', round.contest_id)) as { p: number }).p).toBe(
			0
		);
		expect((await c.get(`/practice?topic=${hiddenTopic}`)).status).toBe(303);
	});
});

describe('practice fits the person’s age', () => {
	/** Answers `n` questions of one practice session in turn; the ids shown, in order. */
	async function walk(c: Client, topic: number, n: number): Promise<number[]> {
		let shown = await open(c, topic);
		const ids: number[] = [];
		for (let i = 0; i < n; i++) {
			ids.push(shown.questionId);
			const res = await answerRightly(c, shown);
			expect(res.type).toBe('success');
			const next = (res.data as { feedback: { next: string | null } }).feedback.next;
			if (!next) break;
			const url = `/practice?topic=${topic}&s=${encodeURIComponent(next)}`;
			const page = await c.get(url);
			expect(page.status).toBe(200);
			const html = await page.text();
			shown = {
				url,
				html,
				token: /name="token" value="([^"]+)"/.exec(html)![1],
				questionId: Number(/name="questionId" value="(\d+)"/.exec(html)![1])
			};
		}
		return ids;
	}

	it('shows a 12-year-old and anonymous visitors no adults-only question, and an adult all of them', async () => {
		const t = (await db.get(
			"select topic_id as id from questions where status = 'published' and audience = 'adults' group by topic_id order by count(*) desc limit 1"
		)) as { id: number } | undefined;
		expect(t, 'the starter bank has adults-only questions').toBeDefined();
		const rows = (await db.all("select id, audience, min_age from questions where status = 'published' and topic_id = ?", t!.id)) as {
			id: number;
			audience: string;
			min_age: number | null;
		}[];
		const adultsOnly = new Set(rows.filter((r) => r.audience === 'adults' || (r.min_age ?? 0) > 12).map((r) => r.id));
		const forAll = rows.filter((r) => !adultsOnly.has(r.id) && r.min_age == null).map((r) => r.id);
		expect(adultsOnly.size).toBeGreaterThan(0);

		const thisYear = new Date().getFullYear();
		const { client: child } = await registeredClient({
			birthDate: `${thisYear - 12}-01-15`,
			guardianName: 'Nguyễn Thị Mẹ',
			guardianPhone: '0912345670',
			guardianConsent: 'on'
		});
		const childSeen = await walk(child, t!.id, forAll.length + 2);
		expect(childSeen.filter((id) => adultsOnly.has(id))).toEqual([]);
		expect(new Set(childSeen)).toEqual(new Set(forAll));

		const anonymousSeen = await walk(new Client(), t!.id, forAll.length);
		expect(anonymousSeen.filter((id) => adultsOnly.has(id))).toEqual([]);

		const { client: adult } = await registeredClient();
		const adultSeen = await walk(adult, t!.id, rows.length);
		expect(new Set(adultSeen)).toEqual(new Set(rows.map((r) => r.id)));
	});
});

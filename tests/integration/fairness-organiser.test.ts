import { beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, registeredClient } from './client';
import { testDb } from './db';

const db = testDb();

let openRoundId: number;
let organiser: Client;

beforeAll(async () => {
	openRoundId = ((await db.all('select id from rounds order by opens_at')) as { id: number }[])[1].id;
	organiser = await loggedIn('0900000002');
});

async function userIdOf(phone: string): Promise<number> {
	const r = (await db.get('select id from users where phone = ?', '+84' + phone.slice(1))) as { id: number };
	return r.id;
}

/** Registers a person and hands in one attempt in the open round; returns ids. */
async function personWithAttempt(over: Record<string, string> = {}) {
	const { client, form } = await registeredClient(over);
	const view = await (await client.json('POST', `/api/rounds/${openRoundId}/attempts`)).json();
	const q = view.questions[0];
	await client.json('PUT', `/api/attempts/${view.attemptId}/answers`, { questionId: q.id, optionIds: [q.options[0].id] });
	await client.json('POST', `/api/attempts/${view.attemptId}/submit`, { prediction: 7 });
	return { client, userId: await userIdOf(form.phone), attemptId: view.attemptId as number };
}

const PAGES = [
	'/organiser/fairness',
	`/organiser/fairness/rounds/1`,
	'/organiser/fairness/contests/1',
	'/organiser/people/1',
	'/organiser/duplicates',
	'/organiser/audit'
];

describe('privacy of the fairness pages', () => {
	it('are refused to district leads and participants, and send anonymous visitors to log in', async () => {
		const lead = await loggedIn('0900000003');
		const participant = await loggedIn('0900000004');
		for (const path of PAGES) {
			expect((await lead.get(path)).status, path).toBe(403);
			expect((await participant.get(path)).status, path).toBe(403);
			const anon = await new Client().get(path);
			expect(anon.status, path).toBe(303);
			expect(anon.headers.get('location')).toMatch(/^\/login/);
		}
	});

	it('refuse a district lead’s disqualify action and change nothing', async () => {
		const { userId, attemptId } = await personWithAttempt();
		const lead = await loggedIn('0900000003');
		const r = await lead.action(`/organiser/people/${userId}?/disqualifyAttempt`, {
			attemptId: String(attemptId),
			reason: 'Thử vượt quyền'
		});
		expect(r.status).toBe(403);
		const row = (await db.get('select disqualified_at from attempts where id = ?', attemptId)) as { disqualified_at: number | null };
		expect(row.disqualified_at).toBeNull();
	});

	it('show organisers the round report with masked names and no phone numbers', async () => {
		const res = await organiser.get(`/organiser/fairness/rounds/${openRoundId}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		// Demo data, one list of cases: the device farm, the sharing group (answering alike, observed
		// beside expected) and the scripted attempt; ordinary shared networks folded into one line.
		expect(html).toMatch(/Trường hợp cần xem xét \([1-9]\d*\)/);
		expect(html).toContain('4 tài khoản trên một thiết bị');
		expect(html).toMatch(/Nhóm 4 người/);
		expect(html).toMatch(/<strong>Trả lời giống nhau bất thường<\/strong>/);
		expect(html).toMatch(/nếu làm độc lập chỉ khoảng\s*<strong>[\d,]+<\/strong>/);
		expect(html).toMatch(/<strong>Tốc độ bất thường<\/strong>/);
		expect(html).toMatch(/<summary[^>]*><strong>\d+ mạng dùng chung bình thường<\/strong><\/summary>/);
		expect(html).toMatch(/Đỗ T\. H\./);
		expect(html).toMatch(/Hoàng T\. Q\./);
		expect(html).not.toMatch(/Đỗ Thị Hoa|Hoàng Thị Quỳnh/);
		// A phone number is 10 digits on its own (or +84 and 9), not a piece of a millisecond timestamp in the page data.
		expect(html).not.toMatch(/(?<!\d)(\+84\d{9}|09\d{8})(?!\d)/);
		expect(html).toMatch(/href="\/organiser\/people\/\d+"/);
	});

	it('show the contest view: every round, people across rounds joined into one case each', async () => {
		const { contest_id } = (await testDb().get<{ contest_id: number }>('select contest_id from rounds where id = ?', openRoundId))!;
		const res = await organiser.get(`/organiser/fairness/contests/${contest_id}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toMatch(/Trường hợp cần xem xét \([1-9]\d*\)/);
		expect(html).toContain('4 tài khoản trên một thiết bị');
		expect(html).toMatch(/href="\/organiser\/fairness\/rounds\/\d+"/);
		expect(html).not.toMatch(/Đỗ Thị Hoa|\+84\d{9}/);
		// One case per person, whatever the rounds they were seen in.
		const ids = [...html.matchAll(/data-case-person="(\d+)"/g)].map((m) => m[1]);
		expect(ids.length).toBeGreaterThanOrEqual(9);
		expect(new Set(ids).size).toBe(ids.length);
		expect((await organiser.get('/organiser/fairness/contests/999999')).status).toBe(404);
	});
});

describe('disqualify and reinstate', () => {
	it('requires a reason, removes the attempt from the leaderboard, and logs who and why', async () => {
		const { client, userId, attemptId } = await personWithAttempt();
		const board = async () => (await client.get(`/rounds/${openRoundId}/leaderboard`)).text();
		expect(await board()).toContain('Bạn</span>');

		const empty = await organiser.action(`/organiser/people/${userId}?/disqualifyAttempt`, { attemptId: String(attemptId), reason: ' ' });
		expect(empty.status).toBe(400);
		expect(empty.body?.data.errors.reason).toMatch(/lý do/);

		const ok = await organiser.action(`/organiser/people/${userId}?/disqualifyAttempt`, {
			attemptId: String(attemptId),
			reason: 'Bài làm giống hệt người khác'
		});
		expect(ok.status).toBe(200);
		expect(ok.body?.data.done).toMatch(/Đã loại lượt thi/);
		expect(await board()).not.toContain('Bạn</span>');

		const again = await organiser.action(`/organiser/people/${userId}?/disqualifyAttempt`, {
			attemptId: String(attemptId),
			reason: 'Lần hai'
		});
		expect(again.status).toBe(409);

		const back = await organiser.action(`/organiser/people/${userId}?/reinstateAttempt`, {
			attemptId: String(attemptId),
			reason: 'Đã xác minh là làm thật'
		});
		expect(back.status).toBe(200);
		expect(await board()).toContain('Bạn</span>');

		const log = (await db.all(
			`select a.action, a.actor_user_id, a.details_json, u.phone from audit_log a join users u on u.id = a.actor_user_id where a.entity = 'attempt' and a.entity_id = ? order by a.id`,
			String(attemptId)
		)) as { action: string; details_json: string; phone: string }[];
		expect(log.map((l) => l.action)).toEqual(['attempt.disqualify', 'attempt.reinstate']);
		expect(log.every((l) => l.phone === '+84900000002')).toBe(true);
		expect(JSON.parse(log[0].details_json)).toMatchObject({ reason: 'Bài làm giống hệt người khác', userId });
		expect(JSON.parse(log[1].details_json)).toMatchObject({
			reason: 'Đã xác minh là làm thật',
			previousReason: 'Bài làm giống hệt người khác'
		});
	});

	it('takes one of ten simultaneous disqualifications of one attempt (the rest 409) and logs it once', async () => {
		const { userId, attemptId } = await personWithAttempt();
		const results = await Promise.all(
			Array.from({ length: 10 }, (_, i) =>
				organiser.action(`/organiser/people/${userId}?/disqualifyAttempt`, { attemptId: String(attemptId), reason: `Lần ${i + 1}` })
			)
		);
		expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
		const log = await db.all("select id from audit_log where action = 'attempt.disqualify' and entity_id = ?", String(attemptId));
		expect(log).toHaveLength(1);
		const person = await Promise.all(
			Array.from({ length: 10 }, () => organiser.action(`/organiser/people/${userId}?/disqualifyPerson`, { reason: 'Nhiều tài khoản' }))
		);
		expect(person.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
		expect(await db.all("select id from audit_log where action = 'user.disqualify' and entity_id = ?", String(userId))).toHaveLength(1);
	});

	it('refuses an attempt id that belongs to someone else', async () => {
		const a = await personWithAttempt();
		const b = await personWithAttempt();
		const r = await organiser.action(`/organiser/people/${a.userId}?/disqualifyAttempt`, {
			attemptId: String(b.attemptId),
			reason: 'Sai người'
		});
		expect(r.status).toBe(404);
	});

	it('disqualifying a person removes all their attempts from the leaderboard until reinstated', async () => {
		const { client, userId } = await personWithAttempt();
		const board = async () => (await client.get(`/rounds/${openRoundId}/leaderboard`)).text();
		await organiser.action(`/organiser/people/${userId}?/disqualifyPerson`, { reason: 'Nhiều tài khoản trên một thiết bị' });
		expect(await board()).not.toContain('Bạn</span>');
		const page = await (await organiser.get(`/organiser/people/${userId}`)).text();
		expect(page).toContain('Nhiều tài khoản trên một thiết bị');
		await organiser.action(`/organiser/people/${userId}?/reinstatePerson`, { reason: 'Đã xác minh qua điện thoại' });
		expect(await board()).toContain('Bạn</span>');
	});

	it('lets organisers browse and filter the audit log, page by page', async () => {
		const res = await organiser.get('/organiser/audit?action=attempt.disqualify');
		const html = await res.text();
		expect(res.status).toBe(200);
		expect(html).toContain('Loại lượt thi');
		expect(html).not.toContain('Đăng ký tài khoản</td>');
		for (let i = 0; i < 55; i++)
			await db.run(
				`insert into audit_log (at, actor_user_id, action, entity, entity_id, details_json) values (?, 2, 'test.paging', 'round', ?, '{}')`,
				Date.now(),
				String(i)
			);
		const first = await (await organiser.get('/organiser/audit?action=test.paging')).text();
		expect(first).toContain('55 mục · trang 1/2');
		expect(first).toContain('href="?action=test.paging&amp;page=2"');
		const second = await (await organiser.get('/organiser/audit?action=test.paging&page=2')).text();
		expect(second).toContain('55 mục · trang 2/2');
		expect(second.match(/<tr>/g)?.length).toBe(1 + 5);
		const bad = await organiser.get('/organiser/audit?page=abc&from=hôm-qua&actor=-1');
		expect(bad.status).toBe(200);
	});
});

describe('possible duplicates', () => {
	it('lists two records with the same folded name and birth date side by side, and dismissing removes the pair', async () => {
		const tag = `Trùng Thị Ngữ ${String.fromCharCode(65 + (Date.now() % 20))}`;
		const a = await registeredClient({ fullName: tag, birthDate: '1977-03-03', unitCode: '002' });
		const b = await registeredClient({ fullName: tag.toUpperCase().normalize('NFD'), birthDate: '1977-03-03', unitCode: '009' });
		const [idA, idB] = [await userIdOf(a.form.phone), await userIdOf(b.form.phone)];
		const html = await (await organiser.get('/organiser/duplicates')).text();
		expect(html).toContain(`Cặp #${idA} và #${idB}`);
		expect(html).toContain('Cùng họ tên và ngày sinh');
		const r = await organiser.action('/organiser/duplicates?/dismiss', {
			a: String(idA),
			b: String(idB),
			pair: `${idA}-${idB}`,
			reason: 'Hai chị em sinh đôi'
		});
		expect(r.status).toBe(200);
		expect(await (await organiser.get('/organiser/duplicates')).text()).not.toContain(`Cặp #${idA} và #${idB}`);
		const twice = await organiser.action('/organiser/duplicates?/dismiss', { a: String(idA), b: String(idB), reason: 'Lần hai' });
		expect(twice.status).toBe(409);
	});

	it('merging moves the duplicate’s attempts to rounds the kept account did not take part in', async () => {
		const keep = await registeredClient({ fullName: 'Gộp Thị Chuyển', birthDate: '1966-06-06' });
		const dup = await personWithAttempt({ fullName: 'Gop Thi Chuyen', birthDate: '1966-06-06' });
		const keepId = await userIdOf(keep.form.phone);
		const r = await organiser.action('/organiser/duplicates?/merge', {
			keepId: String(keepId),
			dropId: String(dup.userId),
			reason: 'Cùng một người, đăng ký hai số'
		});
		expect(r.status).toBe(200);
		const attempt = await db.get('select user_id, attempt_no, disqualified_at from attempts where id = ?', dup.attemptId);
		const dupRow = (await db.get('select disqualified_at, merged_into from users where id = ?', dup.userId)) as {
			disqualified_at: number;
			merged_into: number;
		};
		const sessions = (await db.get('select count(*) as n from sessions where user_id = ?', dup.userId)) as { n: number };
		expect(attempt).toEqual({ user_id: keepId, attempt_no: 1, disqualified_at: null });
		expect(dupRow.merged_into).toBe(keepId);
		expect(dupRow.disqualified_at).toBeGreaterThan(0);
		expect(sessions.n).toBe(0);
	});

	it('merging disqualifies the duplicate’s attempts in rounds both accounts took part in', async () => {
		const keep = await personWithAttempt({ fullName: 'Gộp Thị Loại', birthDate: '1967-07-07' });
		const dup = await personWithAttempt({ fullName: 'Gộp Thị Loại', birthDate: '1967-07-07' });
		const r = await organiser.action('/organiser/duplicates?/merge', {
			keepId: String(keep.userId),
			dropId: String(dup.userId),
			reason: 'Thi hai lần bằng hai tài khoản'
		});
		expect(r.status).toBe(200);
		const attempt = (await db.get('select user_id, disqualified_at, disqualify_reason from attempts where id = ?', dup.attemptId)) as {
			user_id: number;
			disqualified_at: number;
			disqualify_reason: string;
		};
		const kept = (await db.get('select disqualified_at from attempts where id = ?', keep.attemptId)) as { disqualified_at: number | null };
		const log = (await db.get(`select details_json from audit_log where action = 'user.merge' and entity_id = ?`, String(dup.userId))) as {
			details_json: string;
		};
		expect(attempt.user_id).toBe(dup.userId);
		expect(attempt.disqualified_at).toBeGreaterThan(0);
		expect(attempt.disqualify_reason).toContain(`#${keep.userId}`);
		expect(kept.disqualified_at).toBeNull();
		expect(JSON.parse(log.details_json)).toMatchObject({
			keptUserId: keep.userId,
			movedAttempts: [],
			disqualifiedAttempts: [dup.attemptId]
		});
	});
});

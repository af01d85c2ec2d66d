import { describe, expect, it } from 'vitest';
import { loggedIn } from './client';
import { testDb } from './db';

const db = testDb();

/**
 * The organisers' contest and round writes (contests/service.ts): each one is written together
 * with its audit-log row, and a round form with a quota topic that is not in the bank is refused
 * with the form's own message (not a foreign-key 500), writing nothing.
 */

const ORGANISER = '0900000002';

async function auditOf(action: string, entityId: number) {
	const rows = (await db.all(
		'select actor_user_id, details_json from audit_log where action = ? and entity_id = ? order by id',
		action,
		String(entityId)
	)) as { actor_user_id: number; details_json: string }[];
	return rows.map((r) => ({ actor: r.actor_user_id, details: JSON.parse(r.details_json) }));
}

async function organiserId(): Promise<number> {
	const row = (await db.get('select id from users where phone = ?', '+84900000002')) as { id: number };
	return row.id;
}

async function one<T>(sql: string, ...params: unknown[]): Promise<T | undefined> {
	const row = (await db.get(sql, ...params)) as T | undefined;
	return row;
}

/** A draft contest (drafts are never the home page's contest, so other tests see no change). */
async function newDraftContest(title: string) {
	const c = await loggedIn(ORGANISER);
	const { body } = await c.action('/organiser/contests/new', { title, rules: 'Thể lệ thử', status: 'draft' });
	expect(body?.type).toBe('redirect');
	const id = Number(/\/organiser\/contests\/(\d+)$/.exec(body?.location ?? '')?.[1]);
	expect(id).toBeGreaterThan(0);
	return { c, id };
}

const roundForm = (over: Record<string, string> = {}) => ({
	title: 'Đợt thử nghiệm',
	opensAt: '2031-03-01T08:00',
	closesAt: '2031-03-08T20:00',
	questionCount: '10',
	timeLimitMinutes: '15',
	maxAttempts: '3',
	revealPolicy: 'after_close',
	predictionKind: '',
	predictionQuestion: '',
	quotaTopic: '',
	quotaDifficulty: '',
	quotaCount: '',
	...over
});

describe('contest writes', () => {
	it('creates a contest and logs who created it', async () => {
		const { id } = await newDraftContest('Cuộc thi kiểm thử ghi nhật ký');
		expect(await one<{ title: string; status: string }>('select title, status from contests where id = ?', id)).toEqual({
			title: 'Cuộc thi kiểm thử ghi nhật ký',
			status: 'draft'
		});
		expect(await auditOf('contest.create', id)).toEqual([
			{ actor: await organiserId(), details: { title: 'Cuộc thi kiểm thử ghi nhật ký', status: 'draft', practiceHidesOpenRounds: false } }
		]);
	});

	it('saves a contest and logs the status it had before', async () => {
		const { c, id } = await newDraftContest('Cuộc thi kiểm thử sửa');
		const { body } = await c.action(`/organiser/contests/${id}?/save`, {
			title: 'Cuộc thi kiểm thử đã sửa',
			rules: '',
			status: 'archived'
		});
		expect(body).toMatchObject({ type: 'redirect', location: `/organiser/contests/${id}?saved=1` });
		expect((await one<{ status: string }>('select status from contests where id = ?', id))?.status).toBe('archived');
		expect(await auditOf('contest.update', id)).toEqual([
			{
				actor: await organiserId(),
				details: { title: 'Cuộc thi kiểm thử đã sửa', status: 'archived', previousStatus: 'draft', practiceHidesOpenRounds: false }
			}
		]);
	});

	it('answers 404 for saving a contest that does not exist, writing nothing', async () => {
		const c = await loggedIn(ORGANISER);
		const { status } = await c.action('/organiser/contests/999999?/save', { title: 'Không có cuộc thi này', rules: '', status: 'draft' });
		expect(status).toBe(404);
		expect(await auditOf('contest.update', 999999)).toEqual([]);
	});
});

describe('round writes', () => {
	it('offers "Vòng có giải thưởng" with its reason, and gives a prize round the reveal after the close when none was chosen', async () => {
		const { c, id: contestId } = await newDraftContest('Cuộc thi kiểm thử có giải');
		const page = await (await c.get(`/organiser/contests/${contestId}/rounds/new`)).text();
		expect(page).toMatch(/<input[^>]*type="checkbox"[^>]*name="hasPrizes"/);
		expect(page).toContain('Vòng có giải thưởng');
		expect(page).toContain('Vòng có giải: đáp án và giải thích chỉ hiện khi vòng đã đóng');

		const fields = roundForm({ title: 'Đợt có giải', hasPrizes: 'on' });
		delete (fields as Record<string, string | undefined>).revealPolicy;
		const { body } = await c.action(`/organiser/contests/${contestId}/rounds/new`, fields);
		expect(body).toMatchObject({ type: 'redirect' });
		const round = (await one<{ id: number; reveal_policy: string; has_prizes: number }>(
			'select id, reveal_policy, has_prizes from rounds where contest_id = ?',
			contestId
		))!;
		expect(round).toMatchObject({ reveal_policy: 'after_close', has_prizes: 1 });
		expect((await auditOf('round.create', round.id))[0].details).toMatchObject({ hasPrizes: true, revealPolicy: 'after_close' });
		// The edit form shows the round as a prize round.
		const edit = await (await c.get(`/organiser/rounds/${round.id}`)).text();
		expect(edit).toMatch(/<input[^>]*name="hasPrizes"[^>]*checked|<input[^>]*checked[^>]*name="hasPrizes"/);
	});

	it('creates a round with its quotas and logs it', async () => {
		const { c, id: contestId } = await newDraftContest('Cuộc thi kiểm thử đợt');
		const topic = (await one<{ id: number }>('select id from topics order by id limit 1'))!;
		const { body } = await c.action(
			`/organiser/contests/${contestId}/rounds/new`,
			roundForm({ quotaTopic: String(topic.id), quotaCount: '4' })
		);
		expect(body).toMatchObject({ type: 'redirect', location: `/organiser/contests/${contestId}?saved=1` });
		const round = (await one<{ id: number }>('select id from rounds where contest_id = ?', contestId))!;
		expect(
			(
				await one<{ n: number }>(
					'select count(*) as n from round_quotas where round_id = ? and topic_id = ? and count = 4',
					round.id,
					topic.id
				)
			)?.n
		).toBe(1);
		const [log] = await auditOf('round.create', round.id);
		expect(log.actor).toBe(await organiserId());
		expect(log.details).toMatchObject({
			contestId,
			title: 'Đợt thử nghiệm',
			questionCount: 10,
			maxAttempts: 3,
			quotas: [{ topicId: topic.id, difficulty: null, count: 4 }]
		});
	});

	it('refuses a quota topic that is not in the bank with the form message, keeping what was typed and writing nothing', async () => {
		const { c, id: contestId } = await newDraftContest('Cuộc thi kiểm thử chủ đề lạ');
		const { status, body } = await c.action(
			`/organiser/contests/${contestId}/rounds/new`,
			roundForm({ quotaTopic: '987654', quotaCount: '2' })
		);
		expect(status).toBe(400);
		expect(body?.data.errors).toEqual({ quotas: 'Chủ đề trong hạn mức không tồn tại. Vui lòng chọn lại.' });
		expect(body?.data.values).toMatchObject({ title: 'Đợt thử nghiệm', quotaTopic: ['987654'], quotaCount: ['2'] });
		expect((await one<{ n: number }>('select count(*) as n from rounds where contest_id = ?', contestId))?.n).toBe(0);
	});

	it('saves a round and logs it before and after; a bad quota topic there is refused too', async () => {
		const { c, id: contestId } = await newDraftContest('Cuộc thi kiểm thử sửa đợt');
		await c.action(`/organiser/contests/${contestId}/rounds/new`, roundForm());
		const round = (await one<{ id: number }>('select id from rounds where contest_id = ?', contestId))!;

		const bad = await c.action(`/organiser/rounds/${round.id}`, roundForm({ title: 'Đợt đổi tên', quotaTopic: '987654', quotaCount: '2' }));
		expect(bad.status).toBe(400);
		expect(bad.body?.data.errors).toEqual({ quotas: 'Chủ đề trong hạn mức không tồn tại. Vui lòng chọn lại.' });
		expect((await one<{ title: string }>('select title from rounds where id = ?', round.id))?.title).toBe('Đợt thử nghiệm');
		expect(await auditOf('round.update', round.id)).toEqual([]);

		const { body } = await c.action(`/organiser/rounds/${round.id}`, roundForm({ title: 'Đợt đổi tên', maxAttempts: '2' }));
		expect(body).toMatchObject({ type: 'redirect', location: `/organiser/contests/${contestId}?saved=1` });
		expect(await one<{ title: string; max_attempts: number }>('select title, max_attempts from rounds where id = ?', round.id)).toEqual({
			title: 'Đợt đổi tên',
			max_attempts: 2
		});
		const [log] = await auditOf('round.update', round.id);
		expect(log.actor).toBe(await organiserId());
		expect(log.details).toMatchObject({
			contestId,
			attemptsBefore: 0,
			before: { title: 'Đợt thử nghiệm', maxAttempts: 3, timeLimitMinutes: 15, revealPolicy: 'after_close' },
			after: { title: 'Đợt đổi tên', maxAttempts: 2, quotas: [] }
		});
	});
});

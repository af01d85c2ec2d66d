import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, migrateToLatest } from '../db';
import * as service from './service';
import * as contests from './contests';
import * as users from '../users/users';
import * as attempts from '../attempts/service';
import { seedUnitsAndBank } from '../seed/base';
import { RoundSchema, roundFormToObject } from '../../schemas/contest';
import { toLocalInput } from '../../vn/time';
import { CONSENT_VERSION } from '../../schemas/auth';

/**
 * Issue 18 item 6: a new prize round reveals answers and explanations only after it closes,
 * unless the organiser chose otherwise; a taker sees no answer key while it is open.
 */

const MINUTE = 60_000;
const now = Date.now();
let organiserId: number;
let contestId: number;

async function person(phone: string, role: 'organiser' | 'participant') {
	const unit = await getDb().selectFrom('units').select('id').where('parent_id', 'is not', null).executeTakeFirstOrThrow();
	return users.insertUser(getDb(), {
		full_name: role === 'organiser' ? 'Trần Thị Tổ Chức' : 'Lê Thị Dự Thi',
		name_folded: role === 'organiser' ? 'tran thi to chuc' : 'le thi du thi',
		birth_date: '1990-01-01',
		gender: 'female',
		phone,
		email: null,
		national_id_hash: null,
		unit_id: unit.id,
		role,
		password_hash: 'x',
		consent_at: now,
		consent_version: CONSENT_VERSION,
		created_at: now
	});
}

/** The round form as the browser sends it, with "Vòng có giải thưởng" ticked unless told. */
function prizeForm(over: Record<string, string | undefined> = {}) {
	const f = new FormData();
	const fields: Record<string, string | undefined> = {
		title: 'Tuần có giải',
		opensAt: toLocalInput(now - 60 * MINUTE),
		closesAt: toLocalInput(now + 24 * 60 * MINUTE),
		questionCount: '5',
		timeLimitMinutes: '15',
		maxAttempts: '3',
		hasPrizes: 'on',
		predictionKind: '',
		predictionQuestion: '',
		...over
	};
	for (const [k, v] of Object.entries(fields)) if (v !== undefined) f.set(k, v);
	return RoundSchema.parse(roundFormToObject(f));
}

beforeAll(async () => {
	process.env.DATABASE_PATH = ':memory:';
	await migrateToLatest(getDb());
	await getDb()
		.transaction()
		.execute((trx) => seedUnitsAndBank(trx, now - 30 * 24 * 60 * MINUTE));
	organiserId = await person('+84900000102', 'organiser');
	contestId = await contests.insertContest(getDb(), { title: 'Cuộc thi có giải', rules: '', status: 'published' }, now);
});

describe('a prize round', () => {
	it('is created revealing answers after the close when the form leaves the reveal out, and keeps an explicit choice', async () => {
		const made = await service.createRound(organiserId, contestId, prizeForm());
		expect(made.ok).toBe(true);
		const round = await contests.findRound(getDb(), made.ok ? made.id : 0);
		expect(round).toMatchObject({ hasPrizes: true, revealPolicy: 'after_close' });

		const chosen = await service.createRound(
			organiserId,
			contestId,
			prizeForm({ title: 'Tuần có giải, đáp án ngay', revealPolicy: 'after_submit' })
		);
		const early = await contests.findRound(getDb(), chosen.ok ? chosen.id : 0);
		expect(early).toMatchObject({ hasPrizes: true, revealPolicy: 'after_submit' });
	});

	it('shows a taker no correct answers or explanations before the close, and shows them after', async () => {
		const made = await service.createRound(organiserId, contestId, prizeForm({ title: 'Tuần có giải 2' }));
		const roundId = made.ok ? made.id : 0;
		const round = (await contests.findRound(getDb(), roundId))!;
		const taker = await person('+84900000103', 'participant');
		const started = await attempts.startOrResume(getDb(), taker, roundId, now);
		if (!started.ok) throw new Error('start refused');
		for (const q of started.view.questions)
			await attempts.saveAnswer(getDb(), taker, started.view.attemptId, q.id, [q.options[0].id], now + MINUTE);
		const submitted = await attempts.submit(getDb(), taker, started.view.attemptId, null, now + 2 * MINUTE);
		expect(submitted.ok).toBe(true);

		const open = (await attempts.getResult(taker, started.view.attemptId, now + 3 * MINUTE))!;
		expect(open.reveal).toBe(false);
		expect(open.review).toHaveLength(5);
		for (const item of open.review) {
			expect(item.isCorrect).toBeNull();
			expect(item.explanation).toBeNull();
			expect(item.options.every((o) => o.correct === null)).toBe(true);
		}

		const closed = (await attempts.getResult(taker, started.view.attemptId, round.closesAt + MINUTE))!;
		expect(closed.reveal).toBe(true);
		expect(closed.review.every((item) => item.options.some((o) => o.correct === true))).toBe(true);
	});
});

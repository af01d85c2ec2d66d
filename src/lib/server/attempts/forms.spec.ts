import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../db';
import * as contests from '../contests/contests';
import * as users from '../users/users';
import * as attempts from './service';
import { seedUnitsAndBank } from '../seed/base';
import { seededRng } from '../questions/draw';
import { listDrawPool } from '../questions/questions';
import { balanceFor, facilityNow, refreshFacility } from './forms';
import { CONSENT_VERSION } from '../../schemas/auth';
import { clearCaches } from '../cache';

/**
 * Issue 15 items 3, 4 and 6 at an attempt's start: only questions fit for the person's age, one
 * question per exclusion group, and the form's expected score recorded within the round's band.
 */
const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 1, 3, 0);
let db: Db;
let roundId: number;

const yearsAgo = (n: number) => `${new Date(now).getUTCFullYear() - n}-06-01`;

async function person(phone: string, birthDate: string) {
	const unit = await db.selectFrom('units').select('id').where('parent_id', 'is not', null).executeTakeFirstOrThrow();
	return users.insertUser(db, {
		full_name: 'Lê Thị Dự Thi',
		name_folded: 'le thi du thi',
		birth_date: birthDate,
		gender: 'female',
		phone,
		email: null,
		national_id_hash: null,
		unit_id: unit.id,
		role: 'participant',
		password_hash: 'x',
		consent_at: now,
		consent_version: CONSENT_VERSION,
		created_at: now
	});
}

beforeEach(async () => {
	clearCaches();
	db = openDatabase(':memory:');
	await migrateToLatest(db);
	await db.transaction().execute((trx) => seedUnitsAndBank(trx, now - 30 * DAY));
	const topic = (code: string) => db.selectFrom('topics').select('id').where('code', '=', code);
	// Every hard law question is for adults only, two children's questions from 16, and two skills questions share a group.
	await db
		.updateTable('questions')
		.set({ audience: 'adults' })
		.where('topic_id', '=', topic('bao-luc-gia-dinh'))
		.where('difficulty', '=', 3)
		.execute();
	const kids = await db.selectFrom('questions').select('id').where('topic_id', '=', topic('tre-em')).orderBy('id').limit(2).execute();
	await db
		.updateTable('questions')
		.set({ min_age: 16 })
		.where(
			'id',
			'in',
			kids.map((k) => k.id)
		)
		.execute();
	const contestId = await contests.insertContest(db, { title: 'Cuộc thi kiểm thử', rules: '', status: 'published' }, now);
	const topicId = async (code: string) => (await topic(code).executeTakeFirstOrThrow()).id;
	roundId = await contests.insertRound(
		db,
		contestId,
		{
			title: 'Tuần 2',
			opensAt: now - DAY,
			closesAt: now + 30 * DAY,
			questionCount: 10,
			timeLimitMinutes: 15,
			maxAttempts: 20,
			revealPolicy: 'after_submit',
			predictionKind: null,
			predictionQuestion: '',
			quotas: [
				{ topicId: await topicId('bao-luc-gia-dinh'), difficulty: null, count: 4 },
				{ topicId: await topicId('ky-nang'), difficulty: null, count: 3 },
				{ topicId: await topicId('tre-em'), difficulty: null, count: 3 }
			]
		},
		now
	);
});
afterEach(() => db.destroy());

async function drawnFit(userId: number, seed: number) {
	const started = await attempts.startOrResume(db, userId, roundId, now, seededRng(seed));
	if (!started.ok) throw new Error(JSON.stringify(started));
	const rows = await db
		.selectFrom('attempt_questions as aq')
		.innerJoin('questions as q', 'q.id', 'aq.question_id')
		.innerJoin('attempts as a', 'a.id', 'aq.attempt_id')
		.select(['q.audience', 'q.min_age', 'a.expected_score', 'a.id as attempt_id'])
		.where('aq.attempt_id', '=', started.view.attemptId)
		.execute();
	// Hand it in so the next start draws a new form.
	await attempts.submit(db, userId, started.view.attemptId, null, now);
	return rows;
}

describe('starting an attempt', () => {
	it('draws no adults-only question and none above the age for a 12-year-old, but does for an adult', async () => {
		const child = await person('+84900000201', yearsAgo(12));
		const adult = await person('+84900000202', yearsAgo(30));
		let adultSawAdults = false;
		for (let seed = 1; seed <= 15; seed++) {
			const kid = await drawnFit(child, seed);
			expect(kid).toHaveLength(10);
			expect(kid.filter((r) => r.audience === 'adults' || (r.min_age ?? 0) > 12)).toEqual([]);
			const grown = await drawnFit(adult, seed);
			adultSawAdults ||= grown.some((r) => r.audience === 'adults');
		}
		expect(adultSawAdults).toBe(true);
	});

	it('treats a person without a usable birth date as fit for everyone only', async () => {
		const unknown = await person('+84900000203', '');
		for (let seed = 1; seed <= 10; seed++)
			expect((await drawnFit(unknown, seed)).filter((r) => r.audience !== 'all' || r.min_age != null)).toEqual([]);
	});

	it('records the expected score of every form, within ±0,5 of the round’s mean', async () => {
		const adult = await person('+84900000204', yearsAgo(40));
		const round = (await contests.findRound(db, roundId))!;
		const quotas = await contests.listQuotas(db, roundId);
		const { target } = balanceFor(db, await listDrawPool(db), quotas, 10, round.formBand, now);
		for (let seed = 1; seed <= 20; seed++) {
			const rows = await drawnFit(adult, seed);
			const milli = rows[0].expected_score!;
			expect(Math.abs(milli / 1000 - target)).toBeLessThanOrEqual(0.5 + 0.001);
		}
		expect(round.formBand).toBe(0.5);
	});

	it('reads the facility in the background: the first draws use the priors, later ones the answers', async () => {
		expect(facilityNow(db, now).map.size).toBe(0);
		const adult = await person('+84900000205', yearsAgo(40));
		await drawnFit(adult, 1);
		const map = await refreshFacility(db, now);
		expect(map.size).toBe(10);
		expect([...map.values()].every((s) => s.shown === 1)).toBe(true);
	});
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest, numericColumns, offloaded, openDatabase, type Db } from '../../src/lib/server/db';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { clearCaches } from '../../src/lib/server/cache';
import * as q from '../../src/lib/server/stats/queries';
import * as dashboards from '../../src/lib/server/stats/dashboards';
import * as units from '../../src/lib/server/leaderboards/units';
import * as roundBest from '../../src/lib/server/leaderboards/round-best';
import { rankRound, roundLeaderboard, computePredictionActual } from '../../src/lib/server/leaderboards/rounds';
import { rankContest } from '../../src/lib/server/leaderboards/contest';
import { roundReport } from '../../src/lib/server/fairness/report';
import { listOpenCases } from '../../src/lib/server/fairness/duplicates';
import { personForReview } from '../../src/lib/server/fairness/people';
import { listEventsOfRoundPeople } from '../../src/lib/server/fairness/events';
import * as questions from '../../src/lib/server/questions/questions';
import { exportRows, publishedMatrix } from '../../src/lib/server/questions/bank';
import * as contests from '../../src/lib/server/contests/contests';
import { listSelectable, listUnitKinds } from '../../src/lib/server/units/units';
import { buildPeriodReport } from '../../src/lib/server/reports/period-report';
import { userAttemptsByRound, listUserAttempts } from '../../src/lib/server/attempts/attempts';
import { copySqliteToPostgres } from '../../scripts/sqlite-to-pg';
import { createDatabase } from './pg';

/**
 * The same data on both engines — the demo seeded on SQLite through the app (attempts taken through
 * the attempt service), then copied into PostgreSQL by `npm run db:to-pg`'s copy — and every read the
 * dashboards, reports, boards, fairness pages and bank pages make answers the same on both.
 */

const NOW = Date.UTC(2026, 11, 10, 3, 0);
const DAY = 86_400_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoithi-pg-same-'));
let lite: Db;
let post: Db;
let dropPg: () => Promise<void>;
let ids: { contestId: number; rounds: number[]; unitIds: number[]; userIds: number[] };

beforeAll(async () => {
	const file = path.join(dir, 'demo.db');
	const seeded = openDatabase(file);
	await migrateToLatest(seeded);
	await seedDemo(seeded, NOW, 60);
	await seeded.destroy();
	const pg = await createDatabase('same');
	dropPg = pg.drop;
	await copySqliteToPostgres(file, pg.url);
	lite = openDatabase(file);
	post = openDatabase(pg.url);
	const rounds = await lite.selectFrom('rounds').select(['id', 'contest_id']).orderBy('opens_at').execute();
	ids = {
		contestId: rounds[0].contest_id,
		rounds: rounds.map((r) => r.id),
		unitIds: (await lite.selectFrom('units').select('id').where('parent_id', 'is not', null).orderBy('code').execute()).map((u) => u.id),
		userIds: (await lite.selectFrom('users').select('id').orderBy('id').execute()).map((u) => u.id)
	};
}, 120_000);

afterAll(async () => {
	for (const db of [lite, post].filter(Boolean)) {
		await offloaded(db).destroy();
		await db.destroy();
	}
	await dropPg?.();
	fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Fractions rounded to 12 significant digits: PostgreSQL computes avg() and `x * 1.0 / y` in exact
 * decimals (0.85), SQLite in doubles (0.8500000000000001) — the same figure to every digit shown.
 */
function rounded(v: unknown): unknown {
	if (typeof v === 'number' && !Number.isInteger(v) && Number.isFinite(v)) return Number(v.toPrecision(12));
	if (Array.isArray(v)) return v.map(rounded);
	if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, rounded(x)]));
	if (v && typeof v === 'object' && !(v instanceof Uint8Array))
		return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)]));
	return v;
}

/** `read` on SQLite and on PostgreSQL, caches forgotten before each: the same answer. */
async function same<T>(read: (db: Db) => Promise<T>): Promise<T> {
	clearCaches();
	const a = await read(lite);
	clearCaches();
	const b = await read(post);
	expect(rounded(b)).toEqual(rounded(a));
	return a;
}

const scopes = () => [{ contestId: ids.contestId }, ...ids.rounds.map((roundId) => ({ roundId }))];

describe('the copy', () => {
	it('holds every row of every table', async () => {
		const tables = (
			await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(lite)
		).rows;
		for (const { name } of tables) {
			const count = (db: Db) => sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db).then((r) => r.rows[0].n);
			expect([name, await count(post)]).toEqual([name, await count(lite)]);
		}
		expect(await same((db) => db.selectFrom('attempts').selectAll().orderBy('id').execute())).toHaveLength(
			await lite
				.selectFrom('attempts')
				.select((e) => e.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
				.then((r) => r.n)
		);
	});

	it('answers numbers as numbers (bigint times, counts, sums, averages)', async () => {
		const r = await same((db) =>
			sql<{ n: number; s: number; m: number; a: number }>`
				select count(*) as n, sum(submitted_at) as s, max(submitted_at) as m, avg(score * 1.0 / total) as a
				from attempts where status = 'submitted'`
				.execute(db)
				.then((x) => x.rows[0])
		);
		expect(typeof r.n).toBe('number');
		expect(r.m).toBeGreaterThan(NOW - 30 * DAY);
	});

	it('goes on with the ids after the copied ones', async () => {
		const next = async (db: Db) =>
			(await db.insertInto('topics').values({ code: 'moi', name: 'Chủ đề mới' }).returning('id').executeTakeFirstOrThrow()).id;
		const [a, b] = [await next(lite), await next(post)];
		expect(b).toBe(a);
		for (const db of [lite, post]) await db.deleteFrom('topics').where('code', '=', 'moi').execute();
	});
});

describe('the same answers on PostgreSQL as on SQLite', () => {
	it('dashboard queries (daily counts in Hanoi days, scores, rounds, gap map, items, options)', async () => {
		for (const scope of scopes()) {
			await same((db) => q.dailyCounts(db, scope, null));
			await same((db) => q.dailyCounts(db, scope, ids.unitIds[0]));
			await same((db) => q.bestScoreCounts(db, scope, null));
			await same(async (db) => (await q.unitTopicCounts(db, scope)).sort((x, y) => x.unitId - y.unitId || x.topicId - y.topicId));
			await same(async (db) => (await q.itemSums(db, scope)).sort((x, y) => x.questionId - y.questionId));
			await same(async (db) =>
				(await q.optionChoiceCounts(db, scope)).sort((x, y) => x.questionId - y.questionId || x.optionId.localeCompare(y.optionId))
			);
		}
		const daily = await same((db) => q.dailyCounts(db, { contestId: ids.contestId }, null));
		expect(daily.length).toBeGreaterThan(3);
		for (const d of daily) expect(d.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		await same((db) => q.roundTotals(db, ids.contestId));
		expect((await q.optionChoiceCounts(post, { contestId: ids.contestId })).length).toBeGreaterThan(100);
	});

	it('dashboards and the period report, on the heavy-read connection', async () => {
		for (const scope of scopes()) {
			await same((db) => dashboards.gapMap(db, scope));
			await same((db) => dashboards.itemAnalysis(db, scope));
			await same((db) => dashboards.unitDashboard(db, scope, ids.unitIds[1], { from: NOW - 20 * DAY, to: NOW }));
		}
		await same((db) => dashboards.periodReport(db, NOW - 30 * DAY, NOW, NOW));
		await same((db) => buildPeriodReport(db, { from: NOW - 30 * DAY, to: NOW, label: 'x' } as never, NOW));
	});

	it('the people of a unit, searched by name (any case) and phone', async () => {
		const unitId = (await lite.selectFrom('users').select('unit_id').where('role', '=', 'participant').executeTakeFirstOrThrow()).unit_id;
		const scope = { contestId: ids.contestId };
		const all = await same((db) => q.listUnitParticipants(db, { unitId, scope }, 1, 50));
		expect(all.total).toBeGreaterThan(0);
		const someone = all.rows[0];
		const byName = await same((db) =>
			q.listUnitParticipants(db, { unitId, scope, search: dashboards.participantSearch(someone.fullName.toUpperCase()) }, 1, 50)
		);
		expect(byName.rows.map((r) => r.id)).toContain(someone.id);
		await same((db) => q.listUnitParticipants(db, { unitId, scope, search: dashboards.participantSearch(someone.phone.slice(-6)) }, 1, 50));
		await same((db) => q.listUnitParticipants(db, { unitId, scope, search: { name: '50%_' } }, 1, 50));
		await same((db) => q.listUnitParticipants(db, { unitId, scope }, 2, 3));
	});

	it('boards: round and contest rankings, the settled prediction figure, unit boards, top lists, the rank order', async () => {
		for (const roundId of ids.rounds) {
			await same((db) => rankRound(db, roundId, NOW));
			await same((db) => rankRound(db, roundId, NOW, offloaded(db)));
			await same((db) => roundBest.topOfRound(db, roundId, 50));
			await same((db) => roundBest.countPeople(db, roundId));
			await same((db) => roundLeaderboard(db, roundId, { now: NOW, limit: 20 }));
			await same(async (db) => (await numericColumns(db, roundBest.RANK_ORDER_SQL, [roundId])).map((c) => [...c]));
			for (const kind of ['participants', 'attempts', 'perfect_scores'] as const)
				await same((db) => computePredictionActual(db, roundId, kind));
		}
		const ranking = await same((db) => rankContest(db, ids.contestId));
		expect(ranking.length).toBeGreaterThan(30);
		for (const scope of scopes()) {
			await same((db) => units.unitRanking(db, scope));
			await same((db) => units.unitRanking(db, scope, 'district'));
		}
	});

	it('round_best rebuilt from the attempts', async () => {
		const best = (db: Db) => db.selectFrom('round_best').selectAll().orderBy('round_id').orderBy('user_id').execute();
		const before = await same(best);
		for (const db of [lite, post]) await roundBest.rebuildAll(db);
		expect(await same(best)).toEqual(before);
		expect(before.length).toBeGreaterThan(60);
	});

	it('fairness: the suspicious-activity report, possible duplicates, a person under review, access events', async () => {
		for (const roundId of ids.rounds) {
			await same((db) => roundReport(db, roundId));
			await same((db) => listEventsOfRoundPeople(db, roundId, NOW - 40 * DAY, NOW));
		}
		const cases = await same((db) => listOpenCases(db, 50));
		expect(cases.total).toBeGreaterThan(0);
		for (const userId of ids.userIds.slice(-8)) await same((db) => personForReview(db, userId));
	});

	it('the question bank: lists, search without diacritics or case, history, topics, supply, export', async () => {
		for (const filter of [{}, { q: 'BẠO LỰC' }, { q: 'bao luc' }, { q: '100%' }, { status: 'published' as const, difficulty: 2 }])
			await same((db) => questions.listQuestions(db, filter, { offset: 0, limit: 500 }));
		const found = await questions.listQuestions(post, { q: 'TRẺ EM' }, { offset: 0, limit: 5 });
		expect(found.total).toBeGreaterThan(0);
		await same((db) => questions.listTopicsWithCounts(db));
		await same((db) => questions.listHistory(db, found.items[0].id));
		await same((db) => questions.findQuestion(db, found.items[0].id));
		await same((db) => questions.countAttemptUses(db, { questionId: found.items[0].id }));
		await same(async (db) => [...(await questions.mapStems(db)).exact.entries()].sort());
		await same((db) => exportRows(db, {}));
		await same((db) => publishedMatrix(db));
		await same(async (db) => (await questions.listDrawPool(db)).sort((x, y) => x.id - y.id));
	});

	it('contests, rounds, units, a person’s attempts', async () => {
		await same((db) => contests.listContests(db));
		await same((db) => contests.featuredWithRounds(db));
		await same((db) => contests.listOpenRounds(db, NOW));
		for (const roundId of ids.rounds) {
			await same((db) => contests.roundWithContest(db, roundId));
			await same((db) => contests.listQuotas(db, roundId));
			await same((db) => contests.countAttemptsInRound(db, roundId));
		}
		await same((db) => listSelectable(db));
		await same((db) => listUnitKinds(db));
		for (const userId of ids.userIds.slice(-5)) {
			await same(async (db) => [...(await userAttemptsByRound(db, userId)).entries()].sort());
			await same((db) => listUserAttempts(db, userId));
		}
	});
});

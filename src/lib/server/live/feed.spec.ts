import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, migrateToLatest } from '../db';
import { clearCaches } from '../cache';
import { seedDemo } from '../seed/demo';
import { getBoard } from '../leaderboards/boards';
import { gapMap, itemAnalysis, periodReport } from '../stats/dashboards';
import { contestReport } from '../fairness/report';
import { myKnowledgeMap } from '../learning/service';

/**
 * Issue 14 item 8: a live hội thi's answers feed the player's knowledge map (players who joined
 * with their account) and item analysis — both marked as live, apart from the rounds' figures —
 * and nothing else: rankings, round_best, reports and fairness read exactly what they read before.
 */

const DAY = 86_400_000;
const now = Date.now();
let gameId: number;
let userId: number;
let contestId: number;
let roundIds: number[];
let liveQuestionIds: number[];

/** Every figure the rankings, reports and fairness give, as plain data. */
async function everythingButLive() {
	clearCaches();
	const db = getDb();
	const scopes = [{ contestId }, ...roundIds.map((roundId) => ({ roundId }))];
	const boards = [];
	for (const s of scopes) {
		const b = await getBoard(db, s, null, now);
		boards.push({ top: b.top, units: b.units, people: b.people });
	}
	const items = [];
	for (const s of scopes)
		items.push(
			(await itemAnalysis(db, s))
				.filter((i) => i.shown > 0)
				.map(({ live: _live, options, ...rest }) => ({ ...rest, options: options.map((o) => o.times) }))
		);
	const gaps = [];
	for (const s of scopes) gaps.push(await gapMap(db, s));
	return {
		boards,
		items,
		gaps,
		roundBest: await db.selectFrom('round_best').selectAll().orderBy('round_id').orderBy('user_id').execute(),
		report: await periodReport(db, now - 60 * DAY, now + DAY, now),
		fairness: JSON.parse(
			JSON.stringify(await contestReport(db, contestId), (k, v) => (k === 'computedAt' || k === 'generatedAt' ? undefined : v))
		)
	};
}

beforeAll(async () => {
	process.env.DATABASE_PATH = ':memory:';
	const db = getDb();
	await migrateToLatest(db);
	await seedDemo(db, now, 12);
	contestId = (await db.selectFrom('contests').select('id').executeTakeFirstOrThrow()).id;
	roundIds = (await db.selectFrom('rounds').select('id').orderBy('id').execute()).map((r) => r.id);
	gameId = (await db.selectFrom('live_games').select('id').executeTakeFirstOrThrow()).id;
	userId = (await db.selectFrom('users').select('id').where('phone', '=', '+84900000004').executeTakeFirstOrThrow()).id;
}, 60_000);

describe('live answers', () => {
	it('feed the player’s knowledge map and item analysis as live, and nothing else', async () => {
		const db = getDb();
		const before = await everythingButLive();
		const mapBefore = await myKnowledgeMap(userId, now);

		// A game played: an account player and an anonymous one answer the first three questions
		// (closed), and the fourth, still open, which the knowledge map must not count yet.
		await db.updateTable('live_games').set({ status: 'running', phase: 'reveal', position: 3 }).where('id', '=', gameId).execute();
		const qs = await db
			.selectFrom('live_game_questions')
			.select(['position', 'question_id', 'question_version_id', 'option_order_json'])
			.where('game_id', '=', gameId)
			.orderBy('position')
			.limit(4)
			.execute();
		liveQuestionIds = qs.map((q) => q.question_id);
		for (const q of qs.slice(0, 3))
			await db
				.updateTable('live_game_questions')
				.set({ opened_at: now - 60_000, closed_at: now - 40_000 })
				.where('game_id', '=', gameId)
				.where('position', '=', q.position)
				.execute();
		await db
			.updateTable('live_game_questions')
			.set({ opened_at: now - 5000 })
			.where('game_id', '=', gameId)
			.where('position', '=', 3)
			.execute();
		const team = await db.selectFrom('live_teams').select(['id', 'unit_id']).where('game_id', '=', gameId).executeTakeFirstOrThrow();
		const player = async (name: string, user: number | null) =>
			(
				await db
					.insertInto('live_players')
					.values({
						game_id: gameId,
						display_name: name,
						unit_id: team.unit_id,
						team_id: team.id,
						user_id: user,
						device_hash: `dev-${name}`,
						joined_at: now - 120_000
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		const mine = await player('Nguyễn Thị Hằng', userId);
		const guest = await player('Khách', null);
		const versions = await db
			.selectFrom('question_versions')
			.select(['id', 'options_json'])
			.where(
				'id',
				'in',
				qs.map((q) => q.question_version_id)
			)
			.execute();
		const correctOf = new Map(
			versions.map((v) => [
				v.id,
				(JSON.parse(v.options_json) as { id: string; correct: boolean }[]).filter((o) => o.correct).map((o) => o.id)
			])
		);
		const wrongOf = new Map(
			versions.map((v) => [
				v.id,
				(JSON.parse(v.options_json) as { id: string; correct: boolean }[]).filter((o) => !o.correct).map((o) => o.id)
			])
		);
		for (const q of qs)
			for (const [p, right] of [
				[mine, q.position !== 1],
				[guest, true]
			] as const)
				await db
					.insertInto('live_answers')
					.values({
						game_id: gameId,
						player_id: p,
						position: q.position,
						option_ids_json: JSON.stringify(right ? correctOf.get(q.question_version_id) : [wrongOf.get(q.question_version_id)![0]]),
						correct: right ? 1 : 0,
						points: right ? 800 : 0,
						elapsed_ms: 3000,
						request_id: `r-${p}-${q.position}`,
						received_at: now - 50_000
					})
					.execute();

		// Rankings, round_best, the period report, the gap map, fairness and the rounds' item figures: unchanged.
		expect(await everythingButLive()).toEqual(before);

		// The knowledge map: the three closed questions, as live answers (2 of 3 right), nothing from the open one.
		const mapAfter = await myKnowledgeMap(userId, now);
		const liveAnswered = mapAfter.reduce((s, r) => s + r.liveAnswered, 0);
		expect(liveAnswered).toBe(3);
		expect(mapAfter.reduce((s, r) => s + r.liveCorrect, 0)).toBe(2);
		for (const r of mapAfter) {
			const b = mapBefore.find((x) => x.topicId === r.topicId)!;
			expect(r.roundAnswered).toBe(b.roundAnswered);
			expect(r.answered).toBe(b.answered + r.liveAnswered);
		}

		// Item analysis: every live answer (both players, the open question too) in the live column.
		clearCaches();
		const items = await itemAnalysis(db, { contestId });
		for (const [i, qid] of liveQuestionIds.entries()) {
			const row = items.find((r) => r.questionId === qid)!;
			expect(row.live.shown).toBe(2);
			expect(row.live.correct).toBe(i === 1 ? 1 : 2);
			expect(row.options.reduce((s, o) => s + o.liveTimes, 0)).toBeGreaterThanOrEqual(2);
		}
	});

	it('of a player the host removed are left out of both', async () => {
		const db = getDb();
		await db.updateTable('live_players').set({ removed_at: now }).where('user_id', '=', userId).execute();
		expect((await myKnowledgeMap(userId, now)).reduce((s, r) => s + r.liveAnswered, 0)).toBe(0);
		clearCaches();
		const row = (await itemAnalysis(db, { contestId })).find((r) => r.questionId === liveQuestionIds[0])!;
		expect(row.live.shown).toBe(1);
	});
});

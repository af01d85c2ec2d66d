import type { Executor } from '../db';

/** The SQL of a live game's results (results.ts holds the rules, scoring.ts the scoring). */

export interface PlayerTotals {
	playerId: number;
	name: string;
	unitName: string | null;
	teamId: number | null;
	affiliation: string | null;
	userId: number | null;
	removed: boolean;
	eliminatedAtPosition: number | null;
	joinedAt: number;
	points: number;
	answered: number;
	correct: number;
	/** Time spent on the answers given (ms, server clock from each question's opening). */
	elapsedMs: number;
}

/** Every player of the game with the sums of their answers (players who answered nothing too). */
export async function listPlayerTotals(db: Executor, gameId: number): Promise<PlayerTotals[]> {
	const rows = await db
		.selectFrom('live_players as p')
		.leftJoin('units as u', 'u.id', 'p.unit_id')
		.leftJoin('live_answers as a', 'a.player_id', 'p.id')
		.select((eb) => [
			'p.id',
			'p.display_name',
			'u.name as unit_name',
			'p.team_id',
			'p.affiliation',
			'p.user_id',
			'p.removed_at',
			'p.eliminated_at_position',
			'p.joined_at',
			eb.fn.coalesce(eb.fn.sum<number>('a.points'), eb.lit(0)).as('points'),
			eb.fn.count<number>('a.position').as('answered'),
			eb.fn.coalesce(eb.fn.sum<number>('a.correct'), eb.lit(0)).as('correct'),
			eb.fn.coalesce(eb.fn.sum<number>('a.elapsed_ms'), eb.lit(0)).as('elapsed')
		])
		.where('p.game_id', '=', gameId)
		.groupBy([
			'p.id',
			'p.display_name',
			'u.name',
			'p.team_id',
			'p.affiliation',
			'p.user_id',
			'p.removed_at',
			'p.eliminated_at_position',
			'p.joined_at'
		])
		.orderBy('p.id')
		.execute();
	return rows.map((r) => ({
		playerId: r.id,
		name: r.display_name,
		unitName: r.unit_name,
		teamId: r.team_id,
		affiliation: r.affiliation,
		userId: r.user_id,
		removed: r.removed_at != null,
		eliminatedAtPosition: r.eliminated_at_position,
		joinedAt: Number(r.joined_at),
		points: Number(r.points),
		answered: Number(r.answered),
		correct: Number(r.correct),
		elapsedMs: Number(r.elapsed)
	}));
}

export interface AnswerRow {
	playerId: number;
	position: number;
	optionIds: string[];
	correct: boolean;
	points: number;
	elapsedMs: number;
}

/** Every answer of the game (per-question figures and the scoring's tie-breaks read them). */
export async function listAnswers(db: Executor, gameId: number): Promise<AnswerRow[]> {
	const rows = await db
		.selectFrom('live_answers')
		.select(['player_id', 'position', 'option_ids_json', 'correct', 'points', 'elapsed_ms'])
		.where('game_id', '=', gameId)
		.orderBy('position')
		.orderBy('player_id')
		.execute();
	return rows.map((r) => ({
		playerId: r.player_id,
		position: r.position,
		optionIds: JSON.parse(r.option_ids_json) as string[],
		correct: Number(r.correct) === 1,
		points: Number(r.points),
		elapsedMs: Number(r.elapsed_ms)
	}));
}

export interface JudgeScoreRow {
	partId: number;
	judgeId: number;
	teamId: number;
	scoreTenths: number;
}

export async function listJudgeScores(db: Executor, gameId: number): Promise<JudgeScoreRow[]> {
	const rows = await db
		.selectFrom('live_judge_scores as s')
		.innerJoin('live_parts as p', 'p.id', 's.part_id')
		.select(['s.part_id', 's.judge_id', 's.team_id', 's.score_tenths'])
		.where('p.game_id', '=', gameId)
		.execute();
	return rows.map((r) => ({ partId: r.part_id, judgeId: r.judge_id, teamId: r.team_id, scoreTenths: r.score_tenths }));
}

export interface QuestionHead {
	position: number;
	questionId: number;
	stem: string;
	kind: string;
	/** The version's options in the game's option order. */
	options: { id: string; text: string; correct: boolean }[];
	openedAt: number | null;
	closedAt: number | null;
}

export async function listQuestionHeads(db: Executor, gameId: number): Promise<QuestionHead[]> {
	const rows = await db
		.selectFrom('live_game_questions as g')
		.innerJoin('question_versions as v', 'v.id', 'g.question_version_id')
		.select(['g.position', 'g.question_id', 'g.option_order_json', 'g.opened_at', 'g.closed_at', 'v.stem', 'v.kind', 'v.options_json'])
		.where('g.game_id', '=', gameId)
		.orderBy('g.position')
		.execute();
	return rows.map((r) => {
		const options = JSON.parse(r.options_json) as { id: string; text: string; correct: boolean }[];
		const byId = new Map(options.map((o) => [o.id, o]));
		const order = JSON.parse(r.option_order_json) as string[];
		return {
			position: r.position,
			questionId: r.question_id,
			stem: r.stem,
			kind: r.kind,
			options: order.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
			openedAt: r.opened_at == null ? null : Number(r.opened_at),
			closedAt: r.closed_at == null ? null : Number(r.closed_at)
		};
	});
}

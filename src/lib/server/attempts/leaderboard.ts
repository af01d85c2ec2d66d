import { sql } from 'kysely';
import type { Db, Executor } from '../db';
import type { PredictionKind } from '../db/types';
import * as contests from '../contests/contests';
import { maskName } from '../../vn/text';
import { ANONYMOUS_NAME } from '../users/privacy';

/** Attempts that count: finished, not disqualified, by people who are not disqualified. */
const COUNTED = sql`a.status in ('submitted','expired') and a.disqualified_at is null and u.disqualified_at is null`;

/** The actual figure a round's prediction question asks about, over the counted attempts. */
export async function computePredictionActual(db: Executor, roundId: number, kind: PredictionKind): Promise<number> {
	const what =
		kind === 'attempts'
			? sql`count(*)`
			: kind === 'participants'
				? sql`count(distinct a.user_id)`
				: sql`count(distinct case when a.correct_count = a.total then a.user_id end)`;
	const r = await sql<{ n: number }>`
		select ${what} as n from attempts a join users u on u.id = a.user_id
		where a.round_id = ${roundId} and ${COUNTED}`.execute(db);
	return Number(r.rows[0]?.n ?? 0);
}

/**
 * Once a round has closed, its prediction figure is computed once and stored, so every ranking
 * after that uses the same number.
 */
export async function settledActual(db: Db, roundId: number, now = Date.now()): Promise<number | null> {
	const round = await contests.findRound(db, roundId);
	if (!round || !round.predictionKind || now < round.closesAt) return null;
	if (round.predictionActual != null) return round.predictionActual;
	const actual = await computePredictionActual(db, roundId, round.predictionKind);
	await contests.setPredictionActual(db, roundId, actual);
	return actual;
}

export interface LeaderboardRow {
	rank: number;
	userId: number;
	name: string;
	unitName: string;
	score: number;
	total: number;
	durationMs: number;
	prediction: number | null;
	submittedAt: number;
	isViewer: boolean;
}

/**
 * Top `limit` people of a round plus the viewer's own row. Mirrors compareResults() in
 * ranking.ts: score desc → prediction gap asc (only with a settled actual) → duration → submit time;
 * each person's best attempt by that same order. Names are masked for privacy.
 */
export async function roundLeaderboard(
	db: Db,
	roundId: number,
	opts: { limit?: number; viewerId?: number | null; now?: number } = {}
): Promise<{ rows: LeaderboardRow[]; actual: number | null; people: number }> {
	const limit = opts.limit ?? 50;
	const actual = await settledActual(db, roundId, opts.now);
	const gap =
		actual == null
			? sql`0`
			: sql`case when a.prediction is null then 9007199254740991 else abs(a.prediction - ${actual}) end`;
	const order = sql`a.score desc, ${gap} asc, a.duration_ms asc, a.submitted_at asc, a.id asc`;
	const viewer = opts.viewerId ?? -1;
	const r = await sql<{
		rank: number;
		user_id: number;
		full_name: string;
		anonymised_at: number | null;
		unit_name: string;
		score: number;
		total: number;
		duration_ms: number;
		prediction: number | null;
		submitted_at: number;
		people: number;
	}>`
		with best as (
			select a.id, a.user_id, a.score, a.total, a.duration_ms, a.prediction, a.submitted_at,
				row_number() over (partition by a.user_id order by ${order}) as rn,
				${gap} as gap
			from attempts a join users u on u.id = a.user_id
			where a.round_id = ${roundId} and ${COUNTED}
		),
		ranked as (
			select b.*, row_number() over (order by b.score desc, b.gap asc, b.duration_ms asc, b.submitted_at asc, b.id asc) as rank,
				count(*) over () as people
			from best b where b.rn = 1
		)
		select r.rank, r.user_id, u.full_name, u.anonymised_at, un.name as unit_name, r.score, r.total, r.duration_ms,
			r.prediction, r.submitted_at, r.people
		from ranked r join users u on u.id = r.user_id join units un on un.id = u.unit_id
		where r.rank <= ${limit} or r.user_id = ${viewer}
		order by r.rank`.execute(db);
	return {
		actual,
		people: Number(r.rows[0]?.people ?? 0),
		rows: r.rows.map((x) => ({
			rank: Number(x.rank),
			userId: x.user_id,
			// Erased on request (users/privacy.ts): the result stays, the name does not.
			name: x.anonymised_at != null ? ANONYMOUS_NAME : maskName(x.full_name),
			unitName: x.unit_name,
			score: x.score,
			total: x.total,
			durationMs: x.duration_ms,
			prediction: x.prediction,
			submittedAt: x.submitted_at,
			isViewer: x.user_id === viewer
		}))
	};
}

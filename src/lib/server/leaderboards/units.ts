import { sql } from 'kysely';
import { offloaded, type Db, type Executor } from '../db';
import { registerCache, TtlCache } from '../cache';
import type { Scope } from '../contests/scope';

/**
 * The unit board: units ranked both ways the plan rewards — most participants, and highest
 * participation rate (participants ÷ target) — from round_best, for the public boards' unit tab
 * and the organiser and district dashboards.
 */

export interface UnitCounts {
	unitId: number;
	code: string;
	name: string;
	kind: string;
	target: number | null;
	participants: number;
	attempts: number;
	/** Mean over (person, round) of the best score as a share of the maximum; null without attempts. */
	avgBestShare: number | null;
}

/** Participants, attempts and average best score per unit (every active unit, even with none). */
export async function unitCounts(db: Executor, scope: Scope, unitKind?: string | null): Promise<UnitCounts[]> {
	const r = await sql<{
		id: number;
		code: string;
		name: string;
		kind: string;
		target_count: number | null;
		participants: number;
		attempts: number;
		avg_best: number | null;
	}>`
		with per as (
			-- round_best holds each person's counted best and attempt count per round, kept up to
			-- date when attempts are scored or disqualified: no pass over every attempt.
			select b.user_id, u.unit_id, b.attempts as n, b.score * 1.0 / b.total as best
			from round_best b join users u on u.id = b.user_id
			where ${'roundId' in scope ? sql`b.round_id = ${scope.roundId}` : sql`b.round_id in (select id from rounds where contest_id = ${scope.contestId})`}
		),
		agg as (
			select unit_id, count(distinct user_id) as participants, sum(n) as attempts, avg(best) as avg_best
			from per group by unit_id
		)
		select un.id, un.code, un.name, un.kind, un.target_count,
			coalesce(agg.participants, 0) as participants, coalesce(agg.attempts, 0) as attempts, agg.avg_best
		from units un left join agg on agg.unit_id = un.id
		where un.parent_id is not null and (un.active = 1 or agg.unit_id is not null)
			${unitKind ? sql`and un.kind = ${unitKind}` : sql``}
		order by un.code`.execute(db);
	return r.rows.map((x) => ({
		unitId: x.id,
		code: x.code,
		name: x.name,
		kind: x.kind,
		target: x.target_count,
		participants: Number(x.participants),
		attempts: Number(x.attempts),
		avgBestShare: x.avg_best == null ? null : Number(x.avg_best)
	}));
}

/** Participants ÷ the unit's target (members expected to take part); null when no target is set. */
export function participationRate(participants: number, target: number | null | undefined): number | null {
	return target && target > 0 ? participants / target : null;
}

/**
 * Competition rank ("1, 2, 2, 4") of `value` among `values`, larger is better: the rank a district
 * is told it holds among units.
 */
export function rankAmong(value: number, values: readonly number[]): number {
	return 1 + values.filter((v) => v > value).length;
}

/** A unit's counts with its participation rate and its two ranks. */
export interface UnitRankRow extends UnitCounts {
	rate: number | null;
	rankByParticipants: number;
	rankByRate: number | null;
}

/** Units ranked both ways the plan rewards: most participants, and highest participation rate. */
export async function unitRanking(db: Db, scope: Scope, unitKind?: string | null): Promise<UnitRankRow[]> {
	const rows = await unitCounts(offloaded(db), scope, unitKind);
	const counts = rows.map((r) => r.participants);
	const rates = rows.map((r) => participationRate(r.participants, r.target)).filter((x): x is number => x != null);
	return rows
		.map((r) => {
			const rate = participationRate(r.participants, r.target);
			return {
				...r,
				rate,
				rankByParticipants: rankAmong(r.participants, counts),
				rankByRate: rate == null ? null : rankAmong(rate, rates)
			};
		})
		.sort((a, b) => a.rankByParticipants - b.rankByParticipants || (b.rate ?? -1) - (a.rate ?? -1) || a.code.localeCompare(b.code));
}

/** Unit rankings change with every submission but are shown to many: one computation per 5 s. */
const unitBoards = registerCache('leaderboards.units', new TtlCache<UnitRankRow[]>(5_000, 200, Date.now, true), {
	results: 'clear',
	units: 'clear'
});
export function cachedUnitRanking(db: Db, scope: Scope, unitKind?: string | null): Promise<UnitRankRow[]> {
	return unitBoards.get(JSON.stringify([scope, unitKind ?? null]), () => unitRanking(db, scope, unitKind));
}

const rankings = registerCache('leaderboards.units-shared', new TtlCache<UnitRankRow[]>(60_000, 50), { results: 'clear', units: 'clear' });
/**
 * The city-wide unit ranking behind every district dashboard, shared by all leads for a minute
 * (it scans the whole scope; a unit's own figures, stats/dashboards.ts, are per unit and stay fresh).
 */
export function sharedUnitRanking(db: Db, scope: Scope): Promise<UnitRankRow[]> {
	return rankings.get(JSON.stringify(scope), () => unitRanking(db, scope));
}

/** A unit's row on a public board (the browser's unit tab, the organiser dashboard). */
export type UnitBoardRow = Pick<
	UnitRankRow,
	'unitId' | 'name' | 'target' | 'participants' | 'attempts' | 'rate' | 'avgBestShare' | 'rankByParticipants' | 'rankByRate'
>;

export function publicUnits(units: UnitRankRow[]): UnitBoardRow[] {
	return units.map(({ unitId, name, target, participants, attempts, rate, avgBestShare, rankByParticipants, rankByRate }) => ({
		unitId,
		name,
		target,
		participants,
		attempts,
		rate,
		avgBestShare,
		rankByParticipants,
		rankByRate
	}));
}

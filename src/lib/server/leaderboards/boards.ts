import type { Db } from '../db';
import { TtlCache } from '../cache';
import type { Scope } from '../contests/scope';
import { publicNames } from './names';
import { roundLeaderboard, viewerBest, type RankedEntry } from './rounds';
import { cachedContestRanking } from './contest';
import type { CompactRanking } from './compact-ranking';
import { cachedUnitRanking, publicUnits, type UnitBoardRow, type UnitRankRow } from './units';

export interface BoardPerson {
	rank: number;
	name: string;
	unitName: string;
	score: number;
	total: number;
	durationMs: number;
	prediction: number | null;
}

export interface Board {
	computedAt: number;
	actual: number | null;
	people: number;
	top: BoardPerson[];
	units: UnitRankRow[];
	/** Who the `top` rows are (never sent to the public). */
	topUserIds: number[];
	/** Set for a round's board: the viewer's row then comes from the leaderboard module. */
	roundId?: number;
	/** The whole ranking, for the viewer's own row (whole-contest boards). */
	ranking?: CompactRanking;
}

export const BOARD_TTL_MS = 5000;
const boards = new TtlCache<Board>(BOARD_TTL_MS, 40, Date.now, true);
export const TOP_N = 50;

/**
 * A public board (round or whole contest, optional unit level), computed at most once per
 * BOARD_TTL_MS for all viewers: the full ranking stays in memory so each viewer's own rank is a
 * lookup. Only masked names leave this module.
 */
export function getBoard(db: Db, scope: Scope, unitKind: string | null, now = Date.now()): Promise<Board> {
	const key = JSON.stringify([scope, unitKind]);
	return boards.get(key, async () => {
		const units = cachedUnitRanking(db, scope, unitKind);
		if ('roundId' in scope) {
			// A round's people come from the leaderboard module, which reads round_best (open rounds)
			// or a once-computed ranking (closed rounds) instead of ranking every attempt again.
			const board = await roundLeaderboard(db, scope.roundId, { limit: TOP_N, now });
			return {
				computedAt: now,
				actual: board.actual,
				people: board.people,
				top: board.rows.map(({ rank, name, unitName, score, total, durationMs, prediction }) => ({ rank, name, unitName, score, total, durationMs, prediction })),
				topUserIds: board.rows.map((r) => r.userId),
				units: await units,
				roundId: scope.roundId
			};
		}
		// The people's ranking does not depend on the unit level: one per contest, shared.
		const ranking = await cachedContestRanking(db, scope.contestId);
		const head = ranking.head(TOP_N);
		const names = await publicNames(db, head.map((e) => e.userId));
		return {
			computedAt: now,
			actual: null,
			people: ranking.size,
			top: head.map((e) => toPerson(e, names.get(e.userId))),
			topUserIds: head.map((e) => e.userId),
			units: await units,
			ranking
		};
	});
}

function toPerson(e: RankedEntry, n: { name: string; unitName: string } | undefined): BoardPerson {
	return {
		rank: e.rank,
		name: n?.name ?? '',
		unitName: n?.unitName ?? '',
		score: e.score,
		total: e.total,
		durationMs: e.durationMs,
		prediction: e.prediction
	};
}

/** The viewer's own row when outside the top (one small lookup, not a ranking query). */
export async function viewerRow(db: Db, board: Board, viewerId: number | null): Promise<BoardPerson | null> {
	if (viewerId == null) return null;
	if (board.roundId != null) {
		// Without a settled prediction figure the order is round_best's: one cached lookup.
		const mine =
			board.actual == null
				? await viewerBest(db, board.roundId, viewerId)
				: (await roundLeaderboard(db, board.roundId, { limit: TOP_N, viewerId })).rows.find((r) => r.isViewer);
		return mine ? { rank: mine.rank, name: mine.name, unitName: mine.unitName, score: mine.score, total: mine.total, durationMs: mine.durationMs, prediction: mine.prediction } : null;
	}
	const i = board.ranking ? board.ranking.indexOf(viewerId) : -1;
	if (i < 0) return null;
	const e = board.ranking!.at(i);
	const names = await publicNames(db, [viewerId]);
	return toPerson(e, names.get(viewerId));
}

/** What a leaderboard page and its polling endpoint send to the browser (masked names only). */
export interface BoardView {
	computedAt: number;
	actual: number | null;
	people: number;
	top: (BoardPerson & { isViewer: boolean; reviewId: number | null })[];
	me: (BoardPerson & { isViewer: true; reviewId: number | null }) | null;
	units: UnitBoardRow[];
	/** Set by pages that leave the units out of the first render (Leaderboard.svelte fetches them). */
	unitsOmitted?: true;
}

/** The cached board as seen by one viewer; organisers also get a link to review each person. */
export async function boardView(db: Db, board: Board, viewerId: number | null, staff: boolean): Promise<BoardView> {
	const inTop = viewerId != null && board.topUserIds.includes(viewerId);
	const me = viewerId != null && !inTop ? await viewerRow(db, board, viewerId) : null;
	return {
		computedAt: board.computedAt,
		actual: board.actual,
		people: board.people,
		top: board.top.map((p, i) => {
			const userId = board.topUserIds[i];
			return { ...p, isViewer: userId === viewerId, reviewId: staff ? userId : null };
		}),
		me: me && viewerId != null ? { ...me, isViewer: true, reviewId: staff ? viewerId : null } : null,
		units: publicUnits(board.units)
	};
}

/** The shared parts of a board, serialised once per board (it is recomputed every BOARD_TTL_MS). */
const serialised = new WeakMap<Board, { rows: string[]; joined: string; units: string }>();

/**
 * boardView() as JSON text plus `extra` fields, for the polling endpoint: thousands of viewers
 * poll the same board, so its rows and units are serialised once and each viewer's answer is
 * pieced together around their own row. Organisers (review links on every row) get the plain
 * serialisation. The result parses to exactly { ...boardView(…), ...extra } (round-best test);
 * without units (the people tab polls without them) `units` is [] and `unitsOmitted` true.
 */
export async function boardJson(
	db: Db,
	board: Board,
	viewerId: number | null,
	staff: boolean,
	extra: Record<string, unknown>,
	withUnits = true
): Promise<string> {
	const omitted = withUnits ? {} : { units: [], unitsOmitted: true };
	if (staff) return JSON.stringify({ ...(await boardView(db, board, viewerId, staff)), ...omitted, ...extra });
	let s = serialised.get(board);
	if (!s) {
		const rows = board.top.map((p) => JSON.stringify({ ...p, isViewer: false, reviewId: null }));
		s = { rows, joined: rows.join(','), units: JSON.stringify(publicUnits(board.units)) };
		serialised.set(board, s);
	}
	const at = viewerId == null ? -1 : board.topUserIds.indexOf(viewerId);
	const me = viewerId != null && at < 0 ? await viewerRow(db, board, viewerId) : null;
	const rows = at < 0 ? s.joined : s.rows.map((r, i) => (i === at ? JSON.stringify({ ...board.top[i], isViewer: true, reviewId: null }) : r)).join(',');
	const meJson = me ? JSON.stringify({ ...me, isViewer: true, reviewId: null }) : 'null';
	const head = JSON.stringify({ computedAt: board.computedAt, actual: board.actual, people: board.people });
	const tail = JSON.stringify(extra).slice(1);
	const units = withUnits ? s.units : '[],"unitsOmitted":true';
	return `${head.slice(0, -1)},"top":[${rows}],"me":${meJson},"units":${units}${tail === '}' ? '}' : ',' + tail}`;
}

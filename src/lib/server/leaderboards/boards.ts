import type { Db } from '../db';
import { registerCache, TtlCache } from '../cache';
import type { Scope } from '../contests/scope';
import { withNames } from './names';
import { roundLeaderboard, viewerBest } from './rounds';
import { boardRow, publicRow, TOP_N, type BoardRow, type PersonRow, type PublicRow } from './rows';
import { cachedContestRanking } from './contest';
import type { CompactRanking } from './compact-ranking';
import { cachedUnitRanking, publicUnits, type UnitBoardRow, type UnitRankRow } from './units';

/**
 * The public boards — a round's or a whole contest's people, and their units — shared by every
 * viewer for a few seconds, and what one viewer gets of them (BoardView, as a page or as JSON).
 */

export interface Board {
	computedAt: number;
	actual: number | null;
	people: number;
	top: PublicRow[];
	units: UnitRankRow[];
	/** Who the `top` rows are (never sent to the public). */
	topUserIds: number[];
	/** Set for a round's board: the viewer's row then comes from rounds.ts (round_best or the settled ranking). */
	roundId?: number;
	/** The whole ranking, for the viewer's own row (whole-contest boards). */
	ranking?: CompactRanking;
}

export const BOARD_TTL_MS = 5000;
const boards = registerCache('leaderboards.boards', new TtlCache<Board>(BOARD_TTL_MS, 40, Date.now, true), {
	results: 'clear',
	units: 'clear'
});

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
				top: board.rows.map(publicRow),
				topUserIds: board.rows.map((r) => r.userId),
				units: await units,
				roundId: scope.roundId
			};
		}
		// The people's ranking does not depend on the unit level: one per contest, shared.
		const ranking = await cachedContestRanking(db, scope.contestId);
		const head = await withNames(db, ranking.head(TOP_N));
		return {
			computedAt: now,
			actual: null,
			people: ranking.size,
			top: head.map(publicRow),
			topUserIds: head.map((e) => e.userId),
			units: await units,
			ranking
		};
	});
}

/** The viewer's own row when outside the top (one small lookup, not a ranking query). */
async function viewerRow(db: Db, board: Board, viewerId: number | null): Promise<PersonRow | null> {
	if (viewerId == null) return null;
	if (board.roundId != null) {
		// Without a settled prediction figure the order is round_best's: one cached lookup.
		const mine =
			board.actual == null
				? await viewerBest(db, board.roundId, viewerId)
				: (await roundLeaderboard(db, board.roundId, { limit: TOP_N, viewerId })).rows.find((r) => r.isViewer);
		return mine ?? null;
	}
	const i = board.ranking ? board.ranking.indexOf(viewerId) : -1;
	if (i < 0) return null;
	const [mine] = await withNames(db, [board.ranking!.at(i)]);
	return mine;
}

/** What a leaderboard page and its polling endpoint send to the browser (masked names only). */
export interface BoardView {
	computedAt: number;
	actual: number | null;
	people: number;
	top: BoardRow[];
	/** The viewer's own row when it is not in `top`. */
	me: BoardRow | null;
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
		me: me && boardRow(me, viewerId, staff),
		units: publicUnits(board.units)
	};
}

/**
 * A round's board as its page shows it, read through roundLeaderboard() rather than the shared
 * board: someone who has just handed in sees their new place at once (the 'scored' topic, rounds.ts). The unit tab is
 * left out (Leaderboard.svelte fetches it when it is opened).
 */
export async function roundBoardView(
	db: Db,
	roundId: number,
	viewerId: number | null,
	staff: boolean,
	now = Date.now()
): Promise<BoardView> {
	const board = await roundLeaderboard(db, roundId, { limit: TOP_N, viewerId, now });
	const rows = board.rows.map((r) => boardRow(r, viewerId, staff));
	return {
		computedAt: now,
		actual: board.actual,
		people: board.people,
		top: rows.filter((r) => r.rank <= TOP_N),
		me: rows.find((r) => r.isViewer && r.rank > TOP_N) ?? null,
		units: [],
		unitsOmitted: true
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
	const rows =
		at < 0
			? s.joined
			: s.rows.map((r, i) => (i === at ? JSON.stringify({ ...board.top[i], isViewer: true, reviewId: null }) : r)).join(',');
	const meJson = me ? JSON.stringify(boardRow(me, viewerId, false)) : 'null';
	const head = JSON.stringify({ computedAt: board.computedAt, actual: board.actual, people: board.people });
	const tail = JSON.stringify(extra).slice(1);
	const units = withUnits ? s.units : '[],"unitsOmitted":true';
	return `${head.slice(0, -1)},"top":[${rows}],"me":${meJson},"units":${units}${tail === '}' ? '}' : ',' + tail}`;
}

import { getDb } from '../db';
import { hasRole } from '../auth/guards';
import type { SessionUser } from '../auth/sessions';
import * as contests from '../contests/contests';
import { listUnitKinds } from '../units/units';
import { boardJson, boardView, getBoard, roundBoardView } from './boards';
import { resolvePollScope } from './scope';

/**
 * What the public leaderboards show: the entry points of the board pages and of the polling API.
 * Routes parse the request, call these and shape the response; the boards are built here. A draft
 * contest has no public board (null).
 */

type Viewer = Pick<SessionUser, 'id' | 'role'> | null;

/** Organisers see, on every row, a link to review that person. */
const isStaff = (viewer: Viewer) => hasRole(viewer, 'organiser');

/** A round's board page: the round, its contest and rounds, the unit levels, the people's board. */
export async function roundPage(roundId: number, viewer: Viewer, now = Date.now()) {
	const db = getDb();
	const found = await contests.roundWithContest(db, roundId);
	if (!found || found.contest.status === 'draft') return null;
	const [board, kinds] = await Promise.all([roundBoardView(db, roundId, viewer?.id ?? null, isStaff(viewer), now), listUnitKinds(db)]);
	return { ...found, kinds, board };
}

/** A whole contest's board page (sum of each round's best), from the shared board. */
export async function contestPage(contestId: number, viewer: Viewer, kind: string | null, now = Date.now()) {
	const db = getDb();
	const contest = await contests.findContest(db, contestId);
	if (!contest || contest.status === 'draft') return null;
	const [board, kinds, rounds] = await Promise.all([
		getBoard(db, { contestId }, kind, now),
		listUnitKinds(db),
		contests.listRounds(db, contestId)
	]);
	// The units tab is not the first view: Leaderboard.svelte fetches it when opened.
	const view = { ...(await boardView(db, board, viewer?.id ?? null, isStaff(viewer))), units: [], unitsOmitted: true as const };
	return { contest, rounds, kinds, board: view };
}

/**
 * The board a poll asks for (?round= or ?contest=, else the featured contest) as JSON text, with
 * `open` (whether it is still live). The ranking comes from a board shared by all viewers and
 * refreshed at most every few seconds; only the viewer's own row is looked up per request.
 */
export async function pollJson(
	search: URLSearchParams,
	viewer: Viewer,
	opts: { kind: string | null; withUnits: boolean }
): Promise<string | null> {
	const db = getDb();
	const resolved = await resolvePollScope(db, search);
	if (!resolved || resolved.contest.status === 'draft') return null;
	const board = await getBoard(db, resolved.scope, opts.kind);
	return boardJson(db, board, viewer?.id ?? null, isStaff(viewer), { open: resolved.open }, opts.withUnits);
}

/**
 * The rows of the person boards, from a ranking to the browser. Every board — a round's or a whole
 * contest's, the page or its poll — is built from PersonRow and reaches the browser as BoardRow.
 * (The unit board's row is UnitBoardRow, in units.ts.)
 */

/** How many people a board lists (plus the viewer's own row when they are further down). */
export const TOP_N = 50;

/** One person's place in a ranking, before names are looked up (a full ranking keeps one per person). */
export interface RankedEntry {
	userId: number;
	rank: number;
	score: number;
	total: number;
	durationMs: number;
	prediction: number | null;
	submittedAt: number;
}

/** A person's place with the name the public sees (masked) and their unit. */
export interface PersonRow extends RankedEntry {
	name: string;
	unitName: string;
}

/** What every viewer of a board sees of a person: no user id, no submit time. */
export type PublicRow = Pick<PersonRow, 'rank' | 'name' | 'unitName' | 'score' | 'total' | 'durationMs' | 'prediction'>;

/** A row of a person board as one viewer gets it; organisers also get a link to review the person. */
export interface BoardRow extends PublicRow {
	isViewer: boolean;
	reviewId: number | null;
}

export function publicRow(r: PersonRow): PublicRow {
	return {
		rank: r.rank,
		name: r.name,
		unitName: r.unitName,
		score: r.score,
		total: r.total,
		durationMs: r.durationMs,
		prediction: r.prediction
	};
}

export function boardRow(r: PersonRow, viewerId: number | null, staff: boolean): BoardRow {
	return { ...publicRow(r), isViewer: r.userId === viewerId, reviewId: staff ? r.userId : null };
}

import { offloaded, type Db } from '../db';
import type { StoredOption } from '../attempts/scoring';
import * as contests from '../contests/contests';
import { publicNames, rankContest, roundLeaderboard, viewerBest, type RankedEntry } from '../attempts/leaderboard';
import { TtlCache } from '../cache';
import { CompactRanking } from '../attempts/compact-ranking';
import * as q from './queries';
import { foldVietnamese } from '../../vn/text';
import { toLocalInput } from '../../vn/time';
import { phoneSearchDigits } from '../../vn/phone';
import { GENDER_LABELS } from '../../labels';
import {
	AGE_GROUPS,
	ageGroup,
	facility,
	fillDays,
	flagItem,
	heatLevel,
	mean,
	participationRate,
	pointBiserial,
	rankAmong,
	scoreHistogram,
	type AgeGroup,
	type ItemFlag
} from './rules';

export type { Scope } from './queries';

export interface UnitRankRow {
	unitId: number;
	code: string;
	name: string;
	kind: string;
	target: number | null;
	participants: number;
	attempts: number;
	rate: number | null;
	avgBestShare: number | null;
	rankByParticipants: number;
	rankByRate: number | null;
}

/** Units ranked both ways the plan rewards: most participants, and highest participation rate. */
export async function unitRanking(db: Db, scope: q.Scope, unitKind?: string | null): Promise<UnitRankRow[]> {
	const rows = await q.unitCounts(offloaded(db), scope, unitKind);
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
const unitBoards = new TtlCache<UnitRankRow[]>(5_000, 200, Date.now, true);
export function cachedUnitRanking(db: Db, scope: q.Scope, unitKind?: string | null): Promise<UnitRankRow[]> {
	return unitBoards.get(JSON.stringify([scope, unitKind ?? null]), () => unitRanking(db, scope, unitKind));
}

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
export function getBoard(db: Db, scope: q.Scope, unitKind: string | null, now = Date.now()): Promise<Board> {
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
		const ranking = await contestRankings.get(scope.contestId, async () => new CompactRanking(await rankContest(offloaded(db), scope.contestId)));
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
const contestRankings = new TtlCache<CompactRanking, number>(BOARD_TTL_MS, 10, Date.now, true);

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

/**
 * The scope of a public board poll and whether it is live, cached as long as the board itself
 * (BOARD_TTL_MS): polls then cost no query to find their round and contest.
 */
const pollScopes = new TtlCache<{ scope: q.Scope; contest: contests.Contest; round: contests.Round | null; open: boolean } | null>(BOARD_TTL_MS, 1000);
export function resolvePollScope(db: Db, search: URLSearchParams) {
	const key = `${search.get('round') ?? ''}|${search.get('contest') ?? ''}`;
	return pollScopes.get(key, async () => {
		const r = await resolveScope(db, search);
		if (!r) return null;
		const now = Date.now();
		const open = r.round ? now < r.round.closesAt : (await contests.listOpenRounds(db, now)).some((x) => x.contestId === r.contest.id);
		return { ...r, open };
	});
}

/** Which contest or round a dashboard shows: ?round=, else ?contest=, else the featured contest. */
export async function resolveScope(db: Db, search: URLSearchParams): Promise<{ scope: q.Scope; contest: contests.Contest; round: contests.Round | null } | null> {
	const roundId = Number(search.get('round'));
	if (Number.isSafeInteger(roundId) && roundId > 0) {
		const round = await contests.findRound(db, roundId);
		const contest = round && (await contests.findContest(db, round.contestId));
		if (round && contest) return { scope: { roundId }, contest, round };
		return null;
	}
	const contestId = Number(search.get('contest'));
	const contest =
		Number.isSafeInteger(contestId) && contestId > 0 ? await contests.findContest(db, contestId) : await contests.findFeaturedContest(db);
	return contest ? { scope: { contestId: contest.id }, contest, round: null } : null;
}

const rankings = new TtlCache<UnitRankRow[]>(60_000, 50);
/**
 * The city-wide unit ranking behind every district dashboard, shared by all leads for a minute
 * (it scans the whole scope; the unit's own figures below are per unit and stay fresh).
 */
export function sharedUnitRanking(db: Db, scope: q.Scope): Promise<UnitRankRow[]> {
	return rankings.get(JSON.stringify(scope), () => unitRanking(db, scope));
}

/**
 * What a district lead typed into the people search: a phone number as the list shows it
 * ("0981 000 007", "+84 981…", "0981.000.007") or part of one finds the phone; anything else is a
 * name fragment, compared without case or diacritics. Empty → no search.
 */
export function participantSearch(typed: string): q.ParticipantSearch | null {
	const phoneDigits = phoneSearchDigits(typed);
	if (phoneDigits) return { phoneDigits };
	const name = foldVietnamese(typed);
	return name ? { name } : null;
}

/**
 * One unit's picture: per-day activity (every day of `days`, zero on quiet ones), its rank among
 * units, the city average, the score histogram.
 */
export async function unitDashboard(db: Db, scope: q.Scope, unitId: number, days: { from: number; to: number } | null = null) {
	const [units, daily, dist] = await Promise.all([sharedUnitRanking(db, scope), q.dailyCounts(offloaded(db), scope, unitId), q.bestScoreCounts(offloaded(db), scope, unitId)]);
	const me = units.find((u) => u.unitId === unitId) ?? null;
	return {
		unit: me,
		unitCount: units.length,
		city: {
			participants: mean(units.map((u) => u.participants)),
			attempts: mean(units.map((u) => u.attempts)),
			rate: mean(units.map((u) => u.rate)),
			avgBestShare: mean(units.map((u) => u.avgBestShare))
		},
		daily: fillDays(daily, days && toLocalInput(days.from).slice(0, 10), days && toLocalInput(days.to).slice(0, 10)),
		histogram: { total: dist.total, bins: scoreHistogram(dist.scores, dist.total) }
	};
}

export interface GapCell {
	share: number | null;
	shown: number;
	level: ReturnType<typeof heatLevel>;
}

/** Knowledge-gap map: share correct per unit × topic, with the city figure per topic. */
export async function gapMap(db: Db, scope: q.Scope) {
	db = offloaded(db);
	const [cells, units, topics] = await Promise.all([q.unitTopicCounts(db, scope), q.unitCounts(db, scope), q.listTopicNames(db)]);
	const byKey = new Map(cells.map((c) => [`${c.unitId}:${c.topicId}`, c]));
	const usedTopics = topics.filter((t) => cells.some((c) => c.topicId === t.id));
	const cell = (shown: number, correct: number): GapCell => {
		const share = facility(correct, shown);
		return { share, shown, level: heatLevel(share) };
	};
	const city = usedTopics.map((t) => {
		const cs = cells.filter((c) => c.topicId === t.id);
		return cell(
			cs.reduce((a, c) => a + c.shown, 0),
			cs.reduce((a, c) => a + c.correct, 0)
		);
	});
	return {
		topics: usedTopics,
		city,
		rows: units
			.filter((u) => cells.some((c) => c.unitId === u.unitId))
			.map((u) => ({
				unitId: u.unitId,
				name: u.name,
				cells: usedTopics.map((t) => {
					const c = byKey.get(`${u.unitId}:${t.id}`);
					return cell(c?.shown ?? 0, c?.correct ?? 0);
				})
			}))
	};
}

export interface ItemRow {
	questionId: number;
	stem: string;
	topic: string;
	difficulty: number;
	shown: number;
	facility: number | null;
	discrimination: number | null;
	options: { text: string; correct: boolean; times: number }[];
	flags: ItemFlag[];
}

/** Item analysis: times shown, facility, corrected point-biserial, option choices, review flags. */
export async function itemAnalysis(db: Db, scope: q.Scope): Promise<ItemRow[]> {
	db = offloaded(db);
	const [sums, choices] = await Promise.all([q.itemSums(db, scope), q.optionChoiceCounts(db, scope)]);
	const heads = new Map((await q.questionHeads(db, sums.map((s) => s.questionId))).map((h) => [h.id, h]));
	const chosen = new Map(choices.map((c) => [`${c.questionId}:${c.optionId}`, c.times]));
	return sums
		.map((s) => {
			const h = heads.get(s.questionId);
			const fac = facility(s.sumX, s.n);
			const disc = pointBiserial(s);
			const options = h ? (JSON.parse(h.options_json) as StoredOption[]) : [];
			return {
				questionId: s.questionId,
				stem: h?.stem ?? `#${s.questionId}`,
				topic: h?.topic_name ?? '',
				difficulty: h?.difficulty ?? 0,
				shown: s.n,
				facility: fac,
				discrimination: disc,
				options: options.map((o) => ({ text: o.text, correct: o.correct, times: chosen.get(`${s.questionId}:${o.id}`) ?? 0 })),
				flags: flagItem(s.n, fac, disc)
			};
		})
		.sort((a, b) => b.flags.length - a.flags.length || (a.discrimination ?? 1) - (b.discrimination ?? 1));
}

/** The plan's periodic report over attempts handed in within [from, to). */
export async function periodReport(db: Db, from: number, to: number, ageAt: number) {
	db = offloaded(db);
	const [units, people] = await Promise.all([q.periodUnitCounts(db, from, to), q.periodPeople(db, from, to)]);
	const byGender = new Map<string, number>();
	const byAge = new Map<AgeGroup, number>(AGE_GROUPS.map((g) => [g, 0]));
	for (const p of people) {
		byGender.set(p.gender, (byGender.get(p.gender) ?? 0) + p.people);
		const g = ageGroup(p.birthDate, ageAt);
		byAge.set(g, (byAge.get(g) ?? 0) + p.people);
	}
	const participants = people.reduce((a, p) => a + p.people, 0);
	return {
		participants,
		attempts: units.reduce((a, u) => a + u.attempts, 0),
		perfect: units.reduce((a, u) => a + u.perfect, 0),
		registered: units.reduce((a, u) => a + u.registered, 0),
		units: units.map((u) => ({ ...u, rate: participationRate(u.participants, u.target) })),
		byGender: Object.entries(GENDER_LABELS).map(([g, label]) => ({ label, people: byGender.get(g) ?? 0 })),
		byAge: AGE_GROUPS.map((g) => ({ label: g, people: byAge.get(g) ?? 0 }))
	};
}

/** What a leaderboard page and its polling endpoint send to the browser (masked names only). */
export interface BoardView {
	computedAt: number;
	actual: number | null;
	people: number;
	top: (BoardPerson & { isViewer: boolean; reviewId: number | null })[];
	me: (BoardPerson & { isViewer: true; reviewId: number | null }) | null;
	units: Pick<UnitRankRow, 'unitId' | 'name' | 'target' | 'participants' | 'attempts' | 'rate' | 'avgBestShare' | 'rankByParticipants' | 'rankByRate'>[];
	/** Set by pages that leave the units out of the first render (Leaderboard.svelte fetches them). */
	unitsOmitted?: true;
}

export function publicUnits(units: UnitRankRow[]): BoardView['units'] {
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

/**
 * The knowledge-gap map and item analysis scan every graded answer of the scope (seconds on a
 * city-wide contest, see README "Dashboards"): they run on the worker connection (db/offload.ts),
 * so participants are never kept waiting, and organisers share one result for 10 minutes.
 */
const heavy = new TtlCache<unknown>(10 * 60_000, 50);
export function cachedGapMap(db: Db, scope: q.Scope) {
	return heavy.get(JSON.stringify(['gap', scope]), () => gapMap(db, scope)) as ReturnType<typeof gapMap>;
}
export function cachedItemAnalysis(db: Db, scope: q.Scope) {
	return heavy.get(JSON.stringify(['items', scope]), () => itemAnalysis(db, scope)) as ReturnType<typeof itemAnalysis>;
}

import type { Executor } from '../db';
import type { LiveAudience, LiveBoard, LiveBoardRow, LiveJudging, LiveMe, LiveQuestion, LiveReveal, LiveView } from '../../live/protocol';
import * as repo from './repo';
import type { GameQuestion, GameRow, PlayerTotals } from './repo';
import * as memory from './memory';
import { combinedScore, isRevive, judgedScore, quizMax, rank, teamScore, type EliminationRules } from './scoring';

/**
 * What every screen of a game is shown (LiveView), built ONCE per game version per process and
 * serialised once per audience: a broadcast to 5,000 phones is then 5,000 writes of the same
 * bytes plus each player's small `me`, which comes from a map filled by one query per version
 * (repo.ts playerTotals) — never a query per connection per broadcast.
 */

const LABELS = 'ABCDEFGHIJ';

export function rulesOf(g: GameRow): EliminationRules {
	return { eliminationAfter: g.elimination_after, eliminationKeep: g.elimination_keep, revivePosition: g.revive_position };
}

/** One version of one game, as this process shows it. */
export interface Snapshot {
	version: number;
	game: GameRow;
	/** The view without `me` per audience (players: `me` added per connection). */
	views: Record<LiveAudience, LiveView>;
	/** JSON of the player view without its closing brace and without `me`, to append `,"me":…}` to. */
	playerPrefix: string;
	screenJson: string;
	hostJson: string;
	/** Each player's own part, at this version. */
	me: Map<number, LiveMe>;
}

function questionOf(g: GameRow, q: GameQuestion, total: number, withStem: boolean): LiveQuestion {
	return {
		position: q.position,
		total,
		kind: q.kind,
		stem: withStem ? q.stem : null,
		options: q.options.map((o, i) => ({ id: o.id, label: LABELS[i] ?? String(i + 1), text: o.text })),
		revive: isRevive(rulesOf(g), q.position)
	};
}

function revealOf(q: GameQuestion, totals: PlayerTotals[]): LiveReveal {
	const chosen: Record<string, number> = Object.fromEntries(q.options.map((o) => [o.id, 0]));
	let correctCount = 0;
	for (const p of totals) {
		if (!p.answer) continue;
		if (p.answer.correct) correctCount++;
		for (const id of p.answer.optionIds) if (id in chosen) chosen[id]++;
	}
	return {
		correctOptionIds: q.options.filter((o) => o.correct).map((o) => o.id),
		explanation: q.explanation,
		legalRef: q.legalRef,
		chosen,
		correctCount
	};
}

type Team = { id: number; name: string; unit_id: number | null };
type Part = Awaited<ReturnType<typeof repo.partsOf>>[number];
type Score = Awaited<ReturnType<typeof repo.judgeScoresOf>>[number];

/** Shown score per part and team (trimmed mean), and how many judges scored. */
function judgedTable(parts: Part[], scores: Score[]) {
	const by = new Map<string, number[]>();
	for (const s of scores) {
		const k = `${s.part_id}:${s.team_id}`;
		const list = by.get(k) ?? [];
		list.push(s.score_tenths);
		by.set(k, list);
	}
	return (partId: number, teamId: number) => {
		const list = by.get(`${partId}:${teamId}`) ?? [];
		return { shown: judgedScore(list), judges: list.length, part: parts.find((p) => p.id === partId)! };
	};
}

/** The team standings: quiz (average or sum of members), judged parts, combined with the weights. */
export function teamBoard(g: GameRow, teams: Team[], players: PlayerTotals[], parts: Part[], scores: Score[], questionsAsked: number) {
	const active = players.filter((p) => !p.removed);
	const members = new Map<number, number[]>();
	for (const p of active) if (p.teamId != null) members.set(p.teamId, [...(members.get(p.teamId) ?? []), p.points]);
	const table = judgedTable(parts, scores);
	const largest = Math.max(1, ...[...members.values()].map((m) => m.length));
	const max = quizMax({ questionsAsked, mode: g.team_scoring, largestTeam: largest });
	const rows = teams.map((t) => {
		const quiz = teamScore(members.get(t.id) ?? [], g.team_scoring);
		const judgedParts = parts.map((p) => ({ shown: table(p.id, t.id).shown, scaleMax: p.scale_max }));
		const judged = Math.round(judgedParts.reduce((s, x) => s + (x.shown ?? 0), 0) * 100) / 100;
		const points = parts.length
			? combinedScore({ quiz, quizMax: max, parts: judgedParts, quizWeight: g.quiz_weight, judgedWeight: g.judged_weight }).points
			: quiz;
		return { id: t.id, name: t.name, quiz, judged, points, members: members.get(t.id)?.length ?? 0 };
	});
	// Teams: equal points share a rank; the order of a tie is by name (no answer time for a team).
	const sorted = [...rows].sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'vi'));
	let r = 0;
	return sorted.map((t, i) => {
		if (i === 0 || t.points !== sorted[i - 1].points) r = i + 1;
		return { ...t, rank: r };
	});
}

/** The players in board order, removed players left out, with their shared ranks. */
export function rankedPlayers(players: PlayerTotals[]) {
	return rank(players.filter((p) => !p.removed).map((p) => ({ ...p, joinOrder: p.joinedAt })));
}

function detailOf(p: PlayerTotals, teamNames: Map<number, string>): string {
	return [p.teamId != null ? teamNames.get(p.teamId) : null, p.unitName, p.affiliation].filter(Boolean).join(' · ');
}

/** The game's state as every audience sees it, at the version of `g`. */
async function buildSnapshot(db: Executor, g: GameRow, now = Date.now()): Promise<Snapshot> {
	const questions = await memory.questionsOf(db, g);
	const q = g.position >= 0 ? questions[g.position] : undefined;
	const [totals, teams] = await Promise.all([
		repo.playerTotals(db, g.id, g.position),
		g.team_mode === 'none' ? Promise.resolve([]) : repo.teamsOf(db, g.id)
	]);
	const wantsBoard = g.phase === 'scoreboard' || g.phase === 'podium' || g.status === 'finished';
	const [parts, scores] =
		wantsBoard || g.phase === 'judging' ? await Promise.all([repo.partsOf(db, g.id), repo.judgeScoresOf(db, g.id)]) : [[], []];
	const ranked = rankedPlayers(totals);
	const rankById = new Map(ranked.map((p) => [p.id, p.rank]));
	const teamNames = new Map(teams.map((t) => [t.id, t.name]));
	const inQuestion = g.phase === 'question' && !!q;
	const showQuestion = (g.phase === 'question' || g.phase === 'reveal') && !!q;
	const reveal = g.phase === 'reveal' && q ? revealOf(q, totals) : null;
	const asked = Math.max(0, g.position + 1 - (g.revive_position != null && g.revive_position <= g.position ? 1 : 0));

	let board: LiveBoard | null = null;
	if (wantsBoard) {
		const top = g.phase === 'podium' ? 3 : 10;
		const players: LiveBoardRow[] = ranked
			.slice(0, top)
			.map((p) => ({ rank: p.rank, name: p.name, detail: detailOf(p, teamNames), points: p.points }));
		const teamRows = teams.length ? teamBoard(g, teams, totals, parts, scores, asked) : [];
		board = {
			players,
			teams: teamRows.slice(0, g.phase === 'podium' ? 3 : 10).map((t) => ({
				rank: t.rank,
				name: t.name,
				detail: `${t.members} thành viên`,
				points: t.points,
				quiz: t.quiz,
				judged: t.judged
			}))
		};
	}

	let judging: LiveJudging | null = null;
	if (g.phase === 'judging' && g.current_part_id != null) {
		const part = parts.find((p) => p.id === g.current_part_id);
		if (part) {
			const table = judgedTable(parts, scores);
			const allTeams = teams.length ? teams : await repo.teamsOf(db, g.id);
			judging = {
				partId: part.id,
				title: part.title,
				scaleMax: part.scale_max,
				teams: allTeams.map((t) => {
					const cell = table(part.id, t.id);
					return { teamId: t.id, name: t.name, shown: cell.shown, judges: cell.judges };
				})
			};
		}
	}

	const playersCount = ranked.length;
	const answered = inQuestion ? totals.filter((p) => p.answer).length : 0;
	const base: Omit<LiveView, 'me'> = {
		version: g.version,
		gameId: g.id,
		code: g.code,
		title: g.title,
		status: g.status,
		phase: g.phase,
		locked: g.locked === 1,
		paused: g.paused_remaining_ms != null,
		displayMode: g.display_mode,
		serverNow: now,
		question: showQuestion ? questionOf(g, q!, questions.length, true) : null,
		opensAt: showQuestion ? g.opened_at : null,
		closesAt: showQuestion ? g.closes_at : null,
		remainingMs: g.paused_remaining_ms,
		players: playersCount,
		answered,
		reveal,
		board,
		judging
	};
	const playerBase: Omit<LiveView, 'me'> = {
		...base,
		question: showQuestion ? questionOf(g, q!, questions.length, g.display_mode === 'no_projector') : null,
		answered: 0
	};
	const me = new Map<number, LiveMe>();
	for (const p of totals) me.set(p.id, meOf(g, p, rankById.get(p.id) ?? null));
	const views: Record<LiveAudience, LiveView> = {
		player: { ...playerBase, me: null },
		screen: { ...base, me: null },
		host: { ...base, me: null }
	};
	const playerJson = JSON.stringify(playerBase);
	return {
		version: g.version,
		game: g,
		views,
		playerPrefix: playerJson.slice(0, -1),
		screenJson: JSON.stringify(views.screen),
		hostJson: JSON.stringify(views.host),
		me
	};
}

/** One player's own part of the view. */
export function meOf(g: GameRow, p: PlayerTotals, rankOf: number | null): LiveMe {
	const revealed = g.phase !== 'question';
	return {
		playerId: p.id,
		name: p.name,
		points: p.points,
		rank: p.removed ? null : rankOf,
		answer: p.answer ? p.answer.optionIds : null,
		lastCorrect: revealed && p.answer ? p.answer.correct : null,
		lastPoints: revealed && p.answer ? p.answer.points : null,
		eliminated: p.eliminatedAt != null,
		removed: p.removed
	};
}

/** The player view's JSON for one player: the shared prefix plus their `me`. */
export function playerJson(s: Snapshot, me: LiveMe | null): string {
	return `${s.playerPrefix},"me":${JSON.stringify(me)}}`;
}

const snapshots = new Map<number, { version: number; promise: Promise<Snapshot> }>();

/**
 * The snapshot of game `g`'s version, built once in this process however many streams ask for it
 * at once (single flight); an older version is never built again once a newer one is known.
 */
export function snapshotOf(db: Executor, g: GameRow): Promise<Snapshot> {
	const cur = snapshots.get(g.id);
	if (cur && cur.version >= g.version) return cur.promise;
	const promise = buildSnapshot(db, g);
	snapshots.set(g.id, { version: g.version, promise });
	promise.catch(() => {
		if (snapshots.get(g.id)?.promise === promise) snapshots.delete(g.id);
	});
	return promise;
}

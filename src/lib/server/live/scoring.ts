import type { QuestionKind } from '../db/types';
import type { StoredOption } from '../questions/questions';
import { isAnswerCorrect } from '../attempts/scoring';

/**
 * The live hội thi's scoring rules (issue 14 item 4), pure: no database, no clock of their own.
 * service.ts feeds them rows and the server's clock; scoring.spec.ts pins every rule.
 */

/** A correct answer earns at least this… */
const BASE_POINTS = 500;
/** …plus up to this much for speed, linear in the share of the window still left when it arrived. */
const SPEED_POINTS = 500;
/** A correct answer when the game has the speed bonus off. */
export const FLAT_POINTS = BASE_POINTS + SPEED_POINTS;

/**
 * Whether an answer is right: the chosen set must equal the set of correct options (multiple
 * choice all-or-nothing, like the rounds: attempts/scoring.ts is the one rule).
 */
export function isCorrect(kind: QuestionKind, options: StoredOption[], chosen: readonly string[]): boolean {
	return isAnswerCorrect(kind, options, chosen);
}

/**
 * The points of one answer, fixed when the server accepts it. `elapsedMs` is measured on the
 * server clock from the question's opening (`opened_at`, shifted by pauses so a pause costs no
 * one anything) to the answer's arrival; `windowMs` is the question's full time
 * (seconds_per_question), not what was left when the host revealed early, so a fast answer earns
 * the same whether the host waited or not. Wrong or no answer: 0.
 */
export function answerPoints(a: { correct: boolean; speedBonus: boolean; elapsedMs: number; windowMs: number }): number {
	if (!a.correct) return 0;
	if (!a.speedBonus) return FLAT_POINTS;
	const window = Math.max(1, a.windowMs);
	const left = Math.min(1, Math.max(0, 1 - a.elapsedMs / window));
	return BASE_POINTS + Math.round(SPEED_POINTS * left);
}

export type TeamScoring = 'average' | 'sum';

/**
 * A team's quiz score from its members' points: the sum, or the average (rounded to a whole
 * point, so a team of 3 and a team of 30 compete fairly). A team nobody joined scores 0.
 */
export function teamScore(memberPoints: readonly number[], mode: TeamScoring): number {
	if (memberPoints.length === 0) return 0;
	const sum = memberPoints.reduce((s, p) => s + p, 0);
	return mode === 'sum' ? sum : Math.round(sum / memberPoints.length);
}

/**
 * The score shown for one team in one judged part, from the judges' scores in tenths (8.5 → 85):
 * the mean, after dropping ONE highest and ONE lowest score when at least 4 judges scored (with 3
 * or fewer, every score counts: dropping two of three would leave one judge deciding alone).
 * Rounded to two decimals (8.33…), which is what a score sheet shows; null when nobody scored yet.
 */
export function judgedScore(tenths: readonly number[]): number | null {
	if (tenths.length === 0) return null;
	const sorted = [...tenths].sort((a, b) => a - b);
	const kept = sorted.length >= 4 ? sorted.slice(1, -1) : sorted;
	const meanTenths = kept.reduce((s, t) => s + t, 0) / kept.length;
	return Math.round(meanTenths * 10) / 100;
}

/** Whether a judge's score is allowed: 0 … scaleMax in steps of 0.5. */
export function validJudgeScore(score: number, scaleMax: number): boolean {
	return Number.isFinite(score) && score >= 0 && score <= scaleMax && Number.isInteger(score * 2);
}

/** A score in points (8.5) as the tenths the database keeps (85). */
export function toTenths(score: number): number {
	return Math.round(score * 10);
}

/** One judged part of one team, for the combined board. */
export interface JudgedPart {
	/** judgedScore of the part, null when nobody scored the team yet (counts 0). */
	shown: number | null;
	scaleMax: number;
}

/**
 * The combined team board (quiz + judged parts with the host's weights, per mille).
 *
 * The two are on very different scales — quiz points run into the thousands per player, a judge
 * scores out of 10 — so adding them raw would make the judged parts irrelevant (or, with a big
 * weight, make the quiz irrelevant). Both are therefore brought to a 100-point scale first:
 * - quiz: the team's quiz score ÷ the most it could have had × 100; the most is FLAT_POINTS per
 *   question asked (the revive question aside) — times the size of the largest team when the
 *   team score is a sum, so "sum" still rewards the bigger team, as the host chose;
 * - judged: the sum over the parts of the shown scores ÷ the sum of the parts' scales × 100 (a part
 *   a team was not scored in counts 0).
 * Then combined = quiz100 × quizWeight/1000 + judged100 × judgedWeight/1000, to two decimals.
 * A game without judged parts keeps its raw quiz points on the team board (no scaling needed).
 */
export function combinedScore(p: {
	quiz: number;
	quizMax: number;
	parts: readonly JudgedPart[];
	quizWeight: number;
	judgedWeight: number;
}): { quiz100: number; judged100: number; points: number } {
	const quiz100 = p.quizMax > 0 ? (100 * p.quiz) / p.quizMax : 0;
	const scale = p.parts.reduce((s, x) => s + x.scaleMax, 0);
	const judged = p.parts.reduce((s, x) => s + (x.shown ?? 0), 0);
	const judged100 = scale > 0 ? (100 * judged) / scale : 0;
	const points = (quiz100 * p.quizWeight) / 1000 + (judged100 * p.judgedWeight) / 1000;
	const r2 = (x: number) => Math.round(x * 100) / 100;
	return { quiz100: r2(quiz100), judged100: r2(judged100), points: r2(points) };
}

/** The most quiz points a team can have, for combinedScore. */
export function quizMax(p: { questionsAsked: number; mode: TeamScoring; largestTeam: number }): number {
	const perPlayer = FLAT_POINTS * Math.max(0, p.questionsAsked);
	return p.mode === 'sum' ? perPlayer * Math.max(1, p.largestTeam) : perPlayer;
}

export interface Rankable {
	id: number;
	points: number;
	/** Total answer time over the questions answered (ms): the faster player comes first. */
	totalMs: number;
	/** Join order (id or joined_at): the earlier player comes first on a full tie. */
	joinOrder: number;
}

/**
 * Orders a board: points (high first), then total answer time (low first), then join order. The
 * rank is shared by equal points (1, 1, 3 …): the tie-breaks only decide the order of a line and
 * who stays at an elimination cut, never the place a player is told.
 */
export function rank<T extends Rankable>(rows: readonly T[]): (T & { rank: number })[] {
	const sorted = [...rows].sort((a, b) => b.points - a.points || a.totalMs - b.totalMs || a.joinOrder - b.joinOrder || a.id - b.id);
	let rankOf = 0;
	return sorted.map((r, i) => {
		if (i === 0 || r.points !== sorted[i - 1].points) rankOf = i + 1;
		return { ...r, rank: rankOf };
	});
}

/**
 * Elimination when the game leaves position `eliminationAfter`: of the players still in (not
 * removed, not eliminated), the best `keep` by the full order of `rank` stay; the ids of the
 * others are returned (they are eliminated at that position). Fewer players than `keep`: nobody.
 */
export function eliminated<T extends Rankable>(stillIn: readonly T[], keep: number): number[] {
	if (keep < 0 || stillIn.length <= keep) return [];
	return rank(stillIn)
		.slice(keep)
		.map((r) => r.id);
}

/** The game's elimination settings as service.ts reads them from live_games. */
export interface EliminationRules {
	eliminationAfter: number | null;
	eliminationKeep: number | null;
	revivePosition: number | null;
}

/** Whether leaving `position` applies the elimination. */
export function eliminatesAt(rules: EliminationRules, position: number): boolean {
	return rules.eliminationAfter != null && rules.eliminationKeep != null && position === rules.eliminationAfter;
}

/**
 * Who may answer the question at `position`: the revive ("cứu trợ") question only the eliminated;
 * every other question only those still in. A removed player answers nothing.
 */
export function mayAnswer(rules: EliminationRules, position: number, player: { eliminated: boolean; removed: boolean }): boolean {
	if (player.removed) return false;
	const revive = rules.revivePosition != null && position === rules.revivePosition;
	return revive ? player.eliminated : !player.eliminated;
}

/** Whether `position` is the revive question. */
export function isRevive(rules: EliminationRules, position: number): boolean {
	return rules.revivePosition != null && position === rules.revivePosition;
}

/**
 * Points of an answer to the revive question: none — it decides who comes back, it does not add
 * to a score the players still in could not answer for.
 */
export const REVIVE_POINTS = 0;

/** The eliminated players who answered the revive question right: they come back in. */
export function revived(eliminatedIds: readonly number[], correctIds: ReadonlySet<number>): number[] {
	return eliminatedIds.filter((id) => correctIds.has(id));
}

import type { Executor } from '../db';
import * as contests from '../contests/contests';
import * as questions from '../questions/questions';
import { maskName } from '../../vn/text';
import * as events from './events';
import {
	findSharedOrigins,
	findTooFast,
	findTwinSheets,
	type FastAttempt,
	type OriginCluster,
	type SheetAttempt,
	type TimedAttempt,
	type TwinPair
} from './detectors';

const DAY = 24 * 60 * 60 * 1000;
/** The report reads at most this many finished attempts of a round (newest first). */
const REPORT_ATTEMPT_LIMIT = 20_000;

/** What the report shows about a person: masked name and unit only; details one click away. */
export interface PersonBrief {
	id: number;
	name: string;
	unitName: string;
	disqualified: boolean;
}

export interface SuspiciousReport {
	round: { id: number; title: string; contestId: number };
	origins: OriginCluster[];
	twins: (TwinPair & { disqualifiedA: boolean; disqualifiedB: boolean })[];
	fast: (FastAttempt & { disqualified: boolean })[];
	people: Record<number, PersonBrief>;
	attemptsRead: number;
	truncated: boolean;
}

async function loadFinishedAttempts(db: Executor, roundId: number) {
	return db
		.selectFrom('attempts')
		.select(['id', 'user_id', 'started_at', 'duration_ms', 'score', 'total', 'disqualified_at'])
		.where('round_id', '=', roundId)
		.where('status', 'in', ['submitted', 'expired'])
		.orderBy('id', 'desc')
		.limit(REPORT_ATTEMPT_LIMIT + 1)
		.execute();
}

/**
 * The suspicious-activity report of one round: the three detectors run over the round's
 * finished attempts and the access events of the people who took part (from a week before the
 * round opened, to catch account farms registered for it).
 */
export async function roundReport(db: Executor, roundId: number): Promise<SuspiciousReport | null> {
	const round = await contests.findRound(db, roundId);
	if (!round) return null;
	const rows = await loadFinishedAttempts(db, roundId);
	const truncated = rows.length > REPORT_ATTEMPT_LIMIT;
	const finished = rows.slice(0, REPORT_ATTEMPT_LIMIT);
	const ids = finished.map((a) => a.id);

	const [items, answers, originEvents] = await Promise.all([
		chunked(ids, (part) =>
			db
				.selectFrom('attempt_questions')
				.select(['attempt_id', 'question_id', 'question_version_id'])
				.where('attempt_id', 'in', part)
				.execute()
		),
		chunked(ids, (part) =>
			db.selectFrom('attempt_answers').select(['attempt_id', 'question_id', 'option_ids_json']).where('attempt_id', 'in', part).execute()
		),
		events.listEventsOfRoundPeople(db, roundId, round.opensAt - 7 * DAY, round.closesAt)
	]);
	const versions = await questions.getVersions(db, [...new Set(items.map((i) => i.question_version_id))]);

	const chosen = new Map<number, Map<number, string[]>>();
	for (const a of answers) {
		let m = chosen.get(a.attempt_id);
		if (!m) chosen.set(a.attempt_id, (m = new Map()));
		m.set(a.question_id, JSON.parse(a.option_ids_json) as string[]);
	}
	const shown = new Map<number, { questionId: number; versionId: number }[]>();
	for (const it of items) {
		let l = shown.get(it.attempt_id);
		if (!l) shown.set(it.attempt_id, (l = []));
		l.push({ questionId: it.question_id, versionId: it.question_version_id });
	}

	const sheets: SheetAttempt[] = [];
	const timed: TimedAttempt[] = [];
	for (const a of finished) {
		const qs = shown.get(a.id) ?? [];
		const mine = chosen.get(a.id) ?? new Map<number, string[]>();
		const answerMap = new Map<number, string[]>();
		const correct = new Map<number, string[]>();
		let textChars = 0;
		let answered = 0;
		for (const q of qs) {
			const v = versions.get(q.versionId);
			if (!v) continue;
			const ids = mine.get(q.questionId) ?? [];
			answerMap.set(q.questionId, ids);
			correct.set(
				q.questionId,
				v.options.filter((o) => o.correct).map((o) => o.id)
			);
			textChars += v.stem.length + v.options.reduce((n, o) => n + o.text.length, 0);
			if (ids.length > 0) answered++;
		}
		const durationMs = a.duration_ms ?? 0;
		sheets.push({ attemptId: a.id, userId: a.user_id, startedAt: a.started_at, durationMs, answers: answerMap, correct });
		timed.push({ attemptId: a.id, userId: a.user_id, durationMs, textChars, questions: qs.length, answered, score: a.score ?? 0 });
	}

	const dq = new Map(finished.map((a) => [a.id, a.disqualified_at != null]));
	const origins = findSharedOrigins(originEvents);
	const twins = findTwinSheets(sheets).map((p) => ({ ...p, disqualifiedA: dq.get(p.a) ?? false, disqualifiedB: dq.get(p.b) ?? false }));
	const fast = findTooFast(timed).map((f) => ({ ...f, disqualified: dq.get(f.attemptId) ?? false }));

	const userIds = new Set<number>();
	for (const c of origins) for (const u of c.userIds) userIds.add(u);
	for (const t of twins) userIds.add(t.userA).add(t.userB);
	for (const f of fast) userIds.add(f.userId);
	return {
		round: { id: round.id, title: round.title, contestId: round.contestId },
		origins,
		twins,
		fast,
		people: await peopleBriefs(db, [...userIds]),
		attemptsRead: finished.length,
		truncated
	};
}

async function peopleBriefs(db: Executor, ids: number[]): Promise<Record<number, PersonBrief>> {
	const rows = await chunked(ids, (part) =>
		db
			.selectFrom('users')
			.innerJoin('units', 'units.id', 'users.unit_id')
			.select(['users.id', 'users.full_name', 'users.disqualified_at', 'units.name as unit_name'])
			.where('users.id', 'in', part)
			.execute()
	);
	return Object.fromEntries(
		rows.map((r) => [r.id, { id: r.id, name: maskName(r.full_name), unitName: r.unit_name, disqualified: r.disqualified_at != null }])
	);
}

/** SQLite caps bound parameters; long id lists are queried in parts. */
async function chunked<T>(ids: number[], run: (part: number[]) => Promise<T[]>): Promise<T[]> {
	const out: T[] = [];
	for (let i = 0; i < ids.length; i += 900) out.push(...(await run(ids.slice(i, i + 900))));
	return out;
}

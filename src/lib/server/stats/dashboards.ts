import { offloaded, type Db } from '../db';
import type { StoredOption } from '../questions/questions';
import { registerCache, TtlCache } from '../cache';
import type { Scope } from '../contests/scope';
import { participationRate, sharedUnitRanking, unitCounts } from '../leaderboards/units';
import * as q from './queries';
import { breakdown, listGroups } from '../groups/groups';
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
	pointBiserial,
	scoreHistogram,
	type AgeGroup,
	type ItemFlag
} from './rules';

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
export async function unitDashboard(db: Db, scope: Scope, unitId: number, days: { from: number; to: number } | null = null) {
	const [units, daily, dist] = await Promise.all([
		sharedUnitRanking(db, scope),
		q.dailyCounts(offloaded(db), scope, unitId),
		q.bestScoreCounts(offloaded(db), scope, unitId)
	]);
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
export async function gapMap(db: Db, scope: Scope) {
	db = offloaded(db);
	const [cells, units, topics] = await Promise.all([q.unitTopicCounts(db, scope), unitCounts(db, scope), q.listTopicNames(db)]);
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
	/** `times`: chosen in the scope's rounds; `liveTimes`: in live hội thi. */
	options: { text: string; correct: boolean; times: number; liveTimes: number }[];
	flags: ItemFlag[];
	/**
	 * Answers given in live hội thi (every game, not only the scope's: a game belongs to no round),
	 * shown apart: `shown`, `facility` and the flags are the rounds' alone, as before.
	 */
	live: { shown: number; correct: number; facility: number | null };
}

/** Item analysis: times shown, facility, corrected point-biserial, option choices, review flags. */
export async function itemAnalysis(db: Db, scope: Scope): Promise<ItemRow[]> {
	db = offloaded(db);
	const [sums, choices, live, liveChoices] = await Promise.all([
		q.itemSums(db, scope),
		q.optionChoiceCounts(db, scope),
		q.liveItemCounts(db),
		q.liveOptionChoiceCounts(db)
	]);
	const liveOf = new Map(live.map((l) => [l.questionId, l]));
	// Questions answered only in live games get a row too (no round figures: shown 0, no flags).
	const inRounds = new Set(sums.map((s) => s.questionId));
	const rows = [
		...sums,
		...live
			.filter((l) => !inRounds.has(l.questionId))
			.map((l) => ({ questionId: l.questionId, n: 0, sumX: 0, sumY: 0, sumXY: 0, sumY2: 0 }))
	];
	const heads = new Map(
		(
			await q.questionHeads(
				db,
				rows.map((s) => s.questionId)
			)
		).map((h) => [h.id, h])
	);
	const chosen = new Map(choices.map((c) => [`${c.questionId}:${c.optionId}`, c.times]));
	const liveChosen = new Map(liveChoices.map((c) => [`${c.questionId}:${c.optionId}`, c.times]));
	return (
		rows
			.map((s) => {
				const h = heads.get(s.questionId);
				const fac = facility(s.sumX, s.n);
				const disc = pointBiserial(s);
				const options = h ? (JSON.parse(h.options_json) as StoredOption[]) : [];
				const l = liveOf.get(s.questionId);
				return {
					questionId: s.questionId,
					stem: h?.stem ?? `#${s.questionId}`,
					topic: h?.topic_name ?? '',
					difficulty: h?.difficulty ?? 0,
					shown: s.n,
					facility: fac,
					discrimination: disc,
					options: options.map((o) => ({
						text: o.text,
						correct: o.correct,
						times: chosen.get(`${s.questionId}:${o.id}`) ?? 0,
						liveTimes: liveChosen.get(`${s.questionId}:${o.id}`) ?? 0
					})),
					flags: flagItem(s.n, fac, disc),
					live: { shown: l?.n ?? 0, correct: l?.correct ?? 0, facility: facility(l?.correct ?? 0, l?.n ?? 0) }
				};
			})
			// Ties by question id: the same order on both engines (the sums come in no particular order).
			.sort((a, b) => b.flags.length - a.flags.length || (a.discrimination ?? 1) - (b.discrimination ?? 1) || a.questionId - b.questionId)
	);
}

/** The plan's periodic report over attempts handed in within [from, to). */
export async function periodReport(db: Db, from: number, to: number, ageAt: number, unitId: number | null = null) {
	db = offloaded(db);
	const [units, people, groupList] = await Promise.all([
		q.periodUnitCounts(db, from, to, unitId),
		q.periodPeople(db, from, to, unitId),
		listGroups(db, { withHidden: true })
	]);
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
		byAge: AGE_GROUPS.map((g) => ({ label: g, people: byAge.get(g) ?? 0 })),
		byGroup: breakdown(groupList, people)
	};
}

/**
 * The knowledge-gap map and item analysis scan every graded answer of the scope (seconds on a
 * city-wide contest, see README "Dashboards"): they run on the worker connection (db/offload.ts),
 * so participants are never kept waiting, and organisers share one result for 10 minutes.
 */
// Bounded by its TTL alone: a decision or an edit changes a scan of every answer only marginally.
const heavy = registerCache('stats.heavy', new TtlCache<unknown>(10 * 60_000, 50), {});
export function cachedGapMap(db: Db, scope: Scope) {
	return heavy.get(JSON.stringify(['gap', scope]), () => gapMap(db, scope)) as ReturnType<typeof gapMap>;
}
export function cachedItemAnalysis(db: Db, scope: Scope) {
	return heavy.get(JSON.stringify(['items', scope]), () => itemAnalysis(db, scope)) as ReturnType<typeof itemAnalysis>;
}

import { getDb, offloaded } from '../db';
import { breakdown, listGroups } from '../groups/groups';
import * as contests from '../contests/contests';
import * as units from '../units/units';
import { cachedGapMap, cachedItemAnalysis, unitDashboard } from './dashboards';
import { groupCounts, listUnitParticipants, roundTotals, type ParticipantSearch } from './queries';
import { resolveScope, type Scope } from '../contests/scope';
import { publicUnits, sharedUnitRanking } from '../leaderboards/units';

/**
 * What the dashboards (organisers' city picture, item analysis, a unit's page) call. Like every
 * service a route calls, each function gets the database itself (getDb()).
 */

/** Which contest or round a dashboard shows: ?round=, else ?contest=, else the featured contest. */
export function findScope(search: URLSearchParams) {
	return resolveScope(getDb(), search);
}

type Resolved = { scope: Scope; contest: contests.Contest; round: contests.Round | null };

/** Any unit by id, active or not. */
export function findUnit(id: number) {
	return units.findById(getDb(), id);
}

/** The organisers' city picture: totals per round, units by participation, the knowledge-gap map. */
export async function cityDashboard(r: Resolved) {
	const db = getDb();
	const [rounds, ranking, gaps, all] = await Promise.all([
		roundTotals(db, r.contest.id),
		sharedUnitRanking(db, r.scope),
		cachedGapMap(db, r.scope),
		contests.listContests(db)
	]);
	return { rounds, units: publicUnits(ranking), gaps, contests: all };
}

/** Item analysis of the scope, with the contest's rounds for the picker. */
export async function itemAnalysis(r: Resolved) {
	const db = getDb();
	const [items, rounds] = await Promise.all([cachedItemAnalysis(db, r.scope), contests.listRounds(db, r.contest.id)]);
	return { items, rounds };
}

/**
 * A unit's page: the contest's rounds, the unit's dashboard over the days of the round (or of the
 * contest's rounds) from opening to closing or to today, one page of its people and, for
 * organisers, every unit to switch to.
 */
export async function unitOverview(
	r: Resolved & { unitId: number; search: ParticipantSearch | null },
	page: { page: number; pageSize: number },
	withUnitPicker: boolean
) {
	const db = getDb();
	const rounds = await contests.listRounds(db, r.contest.id);
	const spanned = r.round ? [r.round] : rounds;
	const days = spanned.length
		? { from: Math.min(...spanned.map((x) => x.opensAt)), to: Math.min(Date.now(), Math.max(...spanned.map((x) => x.closesAt))) }
		: null;
	const [dash, people, allUnits, groupList, byGroup] = await Promise.all([
		unitDashboard(db, r.scope, r.unitId, days && days.from <= days.to ? days : null),
		listUnitParticipants(db, { unitId: r.unitId, scope: r.scope, search: r.search }, page.page, page.pageSize),
		withUnitPicker ? units.listBelowCity(db) : Promise.resolve([]),
		listGroups(db, { withHidden: true }),
		groupCounts(offloaded(db), r.scope, r.unitId)
	]);
	return { rounds, dash, people, units: allUnits, groups: breakdown(groupList, byGroup) };
}

import type { Db } from '../db';
import { offloaded } from '../db/offload';
import { registerCache } from '../cache';
import type { FormBalance, PoolItem, Quota } from '../questions/draw';
import { expectedShare, roundTarget, type FacilityMap } from '../questions/forms';
import { listQuestionFacility } from './attempts';

/**
 * Equal forms at an attempt's start (issue 15 item 6): the facility of every question, read in the
 * background and never waited for, and the balance a round's forms are drawn with.
 */

interface Holder {
	value: FacilityMap;
	at: number;
	pending: Promise<FacilityMap> | null;
	version: number;
}
let holders = new WeakMap<Db, Holder>();
const REFRESH_MS = 10 * 60_000;
const EMPTY: FacilityMap = new Map();
// clearCaches() (tests, scripts) forgets every database's map.
registerCache(
	'questions.facility',
	{
		clear: () => {
			holders = new WeakMap();
		}
	},
	{}
);

function holderOf(db: Db): Holder {
	let h = holders.get(db);
	if (!h) holders.set(db, (h = { value: EMPTY, at: -Infinity, pending: null, version: 0 }));
	return h;
}

/**
 * Reads every question's answers and correct answers now (on the report worker: a scan of all
 * graded answers) and keeps them for the draws.
 */
export function refreshFacility(db: Db, now = Date.now()): Promise<FacilityMap> {
	const h = holderOf(db);
	if (h.pending) return h.pending;
	h.pending = listQuestionFacility(offloaded(db))
		.then((rows) => {
			h.value = new Map(rows.map((r) => [r.questionId, { shown: r.shown, correct: r.correct }]));
			h.at = now;
			h.version++;
			return h.value;
		})
		.finally(() => {
			h.pending = null;
		});
	return h.pending;
}

/**
 * The facility map as last read, for an attempt's start: never waits. A map older than 10 minutes
 * (or none yet: the first starts use the difficulty priors) starts a refresh in the background.
 */
export function facilityNow(db: Db, now = Date.now()): { map: FacilityMap; version: number } {
	const h = holderOf(db);
	if (!h.pending && now - h.at > REFRESH_MS) {
		h.at = now; // one refresh per period even when it fails
		refreshFacility(db, now).catch((e) => console.error('facility refresh failed', e));
	}
	return { map: h.value, version: h.version };
}

const targets = new WeakMap<readonly PoolItem[], Map<string, number>>();

/**
 * The balance of a round's forms for the draw: expected shares from the facility map and the
 * round's target (remembered per pool, quotas and map version: the pool is cached and the same
 * array until the bank changes).
 */
export function balanceFor(
	db: Db,
	pool: readonly PoolItem[],
	quotas: readonly Quota[],
	count: number,
	bandPoints: number,
	now = Date.now()
): FormBalance {
	const { map, version } = facilityNow(db, now);
	const expected = (p: PoolItem) => expectedShare(p, map);
	let memo = targets.get(pool);
	if (!memo) targets.set(pool, (memo = new Map()));
	const key = `${version}|${count}|${quotas.map((q) => `${q.topicId},${q.difficulty},${q.count}`).join(';')}`;
	let target = memo.get(key);
	if (target === undefined) {
		target = roundTarget(pool, quotas, count, expected);
		if (memo.size > 50) memo.clear();
		memo.set(key, target);
	}
	return { expected, target, band: bandPoints };
}

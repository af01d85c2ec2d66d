import { afterTransaction, beforeCommit, databaseOf, exclusive, withConn, type Conn, type Db, type Executor, type Program } from './db';
import { config } from './config';
import * as events from './db/cache-events';

/**
 * A short-lived in-process cache with single flight: every caller for a key within `ttlMs` gets
 * the same value, and concurrent misses share one pending computation, so N clients polling a
 * leaderboard cost one query per `ttlMs`. With `staleWhileRevalidate`, a caller arriving after the
 * TTL gets the previous value at once while one refresh runs, so nobody waits for a recompute
 * (the value is at most one refresh older). Per process; what clears a cache when its data changes
 * — in this process and in the others — is the registry below.
 */
interface Entry<V> {
	at: number;
	/** Until when the entry is fresh: `at + ttlMs`, or earlier once the value says so (`expiresAt`). */
	until: number;
	value: Promise<V>;
	/** The most recent resolved value (kept across refreshes). */
	last?: { v: V };
	done: boolean;
}

export class TtlCache<V, K = string> {
	private entries = new Map<K, Entry<V>>();

	constructor(
		private readonly ttlMs: number,
		private readonly maxEntries = 200,
		private readonly clock: () => number = Date.now,
		private readonly staleWhileRevalidate = false,
		/** When a computed value stops being fresh, if before the TTL (e.g. a page that changes at a round's opening). */
		private readonly expiresAt?: (value: V) => number
	) {}

	get(key: K, compute: () => Promise<V>): Promise<V> {
		const now = this.clock();
		const hit = this.entries.get(key);
		if (hit && now < hit.until) {
			// A refresh is running: with stale-while-revalidate, hand out the previous value meanwhile.
			return this.staleWhileRevalidate && !hit.done && hit.last ? Promise.resolve(hit.last.v) : hit.value;
		}
		const value = compute();
		const entry: Entry<V> = { at: now, until: now + this.ttlMs, value, last: hit?.last, done: false };
		value.then(
			(v) => {
				entry.last = { v };
				entry.done = true;
				if (this.expiresAt) entry.until = Math.min(entry.until, this.expiresAt(v));
			},
			// A failed computation is not kept: the next caller tries again.
			() => {
				if (this.entries.get(key) === entry) this.entries.delete(key);
			}
		);
		this.entries.delete(key);
		this.entries.set(key, entry);
		while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
		return this.staleWhileRevalidate && hit?.last ? Promise.resolve(hit.last.v) : value;
	}

	/**
	 * The value get() would hand out for `key` without computing one: the fresh entry's (resolved or
	 * still being computed), else undefined. For a reader that has no way to compute it itself.
	 */
	peek(key: K): Promise<V> | undefined {
		const hit = this.entries.get(key);
		if (!hit || this.clock() >= hit.until) return undefined;
		return this.staleWhileRevalidate && !hit.done && hit.last ? Promise.resolve(hit.last.v) : hit.value;
	}

	/** Forget the keys `which` picks (e.g. every page of one round). */
	deleteWhere(which: (key: K) => boolean): void {
		for (const key of [...this.entries.keys()]) if (which(key)) this.entries.delete(key);
	}

	/** Forget one key (its next read computes afresh and waits for it). */
	delete(key: K): void {
		this.entries.delete(key);
	}

	/** Forget everything (after a decision that changes results, e.g. a disqualification). */
	clear(): void {
		this.entries.clear();
	}
}

/* ——— The registry: every cache of the process, and what a write touched ——— */

/**
 * What a write can touch, and what it tells the caches that depend on it. Every in-process cache
 * is registered below under a name with the topics it depends on; a write calls invalidate() with
 * the executor it wrote through. Inside a transaction (`db.transaction().execute`, or `exclusive`
 * on the hot path) the invalidation waits until the transaction has ended (db afterTransaction):
 * a reader who misses a cache cleared before the commit would compute from the state before the
 * commit — on the worker connection, or later on another connection or process — and cache it
 * for a whole TTL. A rolled-back transaction still invalidates what it touched (conservatively:
 * code inside it may have filled a cache from its own uncommitted writes; clearing costs only a
 * recomputation). Outside a transaction the invalidation is immediate.
 *
 * Several processes (WORKERS, or several servers on one database): invalidate() also writes the
 * topic and its detail to cache_events in the same transaction (cache-events.ts), and every
 * process reads the others' events every POLL_MS and applies them to its own registry
 * (pollCacheEvents): a write anywhere clears the stale entries everywhere within about POLL_MS
 * after its commit. The rare topics are written so always (a command-line import reaches a running
 * server too). 'scored' — every hand-in — only when there are other processes (SERVER_PROCESSES >
 * 1), and not in the hand-in's transaction: a row there costs the hand-in as much as the account's
 * rate limit (measured: ~16 µs of ~170). The committed ones are collected for SCORED_BATCH_MS and
 * written as one row (flushScored). Best effort, and enough for it: what those events clear lives
 * 2–5 s anyway, so a crash that loses the last 50 ms of them only leaves those entries to their TTL.
 */
export interface Topics {
	/** A contest or a round was created or changed; `roundId` when an existing round changed. */
	contests: { roundId?: number };
	/** The question bank changed; `versionId` when a draft's version was rewritten in place. */
	questions: { versionId?: number };
	/** Units were imported or changed (names, levels, targets). */
	units: Record<never, never>;
	/** A prize list was published or amended (prizes/service.ts): the public "Kết quả đạt giải" pages. */
	prizes: Record<never, never>;
	/** What counts changed for the rankings at large: round_best refreshed after a decision (disqualify, reinstate, merge) or rebuilt. */
	results: Record<never, never>;
	/** One attempt was scored (hand-in or expiry): its person's rank, maybe the round's top list. */
	scored: {
		roundId: number;
		userId: number;
		result: { score: number; prediction: number | null; durationMs: number; submittedAt: number };
	};
}
export type Topic = keyof Topics;

/** What a cache does when a topic it depends on is touched: forget everything, or just what the detail says. */
type Reaction<T extends Topic> = 'clear' | ((detail: Topics[T]) => void);
type Dependencies = { [T in Topic]?: Reaction<T> };

interface Registered {
	cache: { clear(): void };
	on: Dependencies;
}

const registry = new Map<string, Registered>();

/**
 * Registers `cache` under `name` (re-registering a name replaces it: modules reloaded in dev) with
 * what it depends on; returns the cache. A cache with no topics is bounded by its TTL alone.
 */
export function registerCache<C extends { clear(): void }>(name: string, cache: C, on: Dependencies): C {
	registry.set(name, { cache, on });
	return cache;
}

/**
 * A write through `via` touched `topic`: every cache depending on it reacts once the write is
 * committed (see Topics). `via` null: no transaction (a test, a script).
 */
export function invalidate<T extends Topic>(
	via: Executor | Conn | null,
	topic: T,
	...given: Partial<Topics[T]> extends Topics[T] ? [detail?: Topics[T]] : [detail: Topics[T]]
): void {
	const detail = (given[0] ?? {}) as Topics[T];
	if (topic === 'scored') {
		if (via && config().SERVER_PROCESSES > 1)
			afterTransaction(via, (committed) => committed && tellOthers(databaseOf(via), detail as Topics['scored']));
	} else {
		const json = JSON.stringify(detail);
		// Once per topic and detail per transaction (a bank import invalidates 'questions' per row).
		beforeCommit(via, `cache-event:${topic}:${json}`, (c) => events.writeEvent(c, topic, json));
	}
	afterTransaction(via, () => apply(topic, detail));
}

/** How long committed hand-ins are collected before they are written for the other processes, as one row. */
export const SCORED_BATCH_MS = 50;
const scoredBatches = new Map<Db, Topics['scored'][]>();

function tellOthers(db: Db, detail: Topics['scored']): void {
	const batch = scoredBatches.get(db);
	if (batch) return void batch.push(detail);
	scoredBatches.set(db, [detail]);
	setTimeout(() => void flushScored(db), SCORED_BATCH_MS);
}

/** Writes the hand-ins collected so far as one 'scored' event (a JSON array); in a transaction of its own. */
export async function flushScored(db: Db): Promise<void> {
	const batch = scoredBatches.get(db);
	if (!batch) return;
	scoredBatches.delete(db);
	await exclusive(db, (c) => events.writeEvent(c, 'scored', JSON.stringify(batch))).catch((e) =>
		console.error('[hoithi] telling the other processes about hand-ins failed', e)
	);
}

function apply<T extends Topic>(topic: T, detail: Topics[T]): void {
	for (const { cache, on } of registry.values()) {
		const react = on[topic] as Reaction<T> | undefined;
		if (react === 'clear') cache.clear();
		else if (react) react(detail);
	}
}

/** How often each process looks for the others' events. */
const POLL_MS = 250;
const lastSeen = new WeakMap<Db, number>();

/**
 * Applies the events other processes wrote since the last call (one read on the primary key),
 * as they were applied where they were written. The first call only notes where to start: a
 * process that has just started has nothing cached. Answers how many were applied.
 */
export function pollCacheEvents(db: Db): Promise<number> {
	return withConn(db, (c) => applyEvents(c, db));
}

function* applyEvents(c: Conn, db: Db): Program<number> {
	let last: number | undefined = lastSeen.get(db);
	if (last === undefined) {
		lastSeen.set(db, yield* events.latestEventId(c));
		return 0;
	}
	let applied = 0;
	for (;;) {
		const batch: events.CacheEvent[] = yield* events.eventsAfter(c, last, 500);
		// A gap: events were pruned before this process read them. Whatever they were about, forget it all.
		if (batch.length && batch[0].id !== last + 1) clearCaches();
		for (const e of batch) {
			last = e.id;
			if (e.origin === events.ORIGIN || !(e.topic in TOPICS)) continue;
			let detail: unknown;
			try {
				detail = JSON.parse(e.detail);
			} catch {
				continue;
			}
			// Hand-ins come in batches (flushScored); every other topic one by one.
			for (const d of e.topic === 'scored' && Array.isArray(detail) ? detail : [detail]) {
				apply(e.topic as Topic, d as Topics[Topic]);
				applied++;
			}
		}
		lastSeen.set(db, last);
		if (batch.length < 500) return applied;
	}
}

/** Every topic (an event naming another, from a newer version during a rolling restart, is skipped). */
const TOPICS: Record<Topic, true> = { contests: true, questions: true, units: true, prizes: true, results: true, scored: true };

/** Polls every POLL_MS for as long as the process runs (hooks.server.ts init). */
export async function followCacheEvents(db: Db): Promise<void> {
	await pollCacheEvents(db);
	const timer = setInterval(() => {
		pollCacheEvents(db).catch((e) => console.error('[hoithi] reading cache events failed', e));
	}, POLL_MS);
	timer.unref();
}

/** Forgets everything every cache holds (tests that open a new database with the same ids; a restore). */
export function clearCaches(): void {
	for (const { cache } of registry.values()) cache.clear();
}

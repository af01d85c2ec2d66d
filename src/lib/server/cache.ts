/**
 * A short-lived in-process cache with single flight: every caller for a key within `ttlMs` gets
 * the same value, and concurrent misses share one pending computation, so N clients polling a
 * leaderboard cost one query per `ttlMs`. With `staleWhileRevalidate`, a caller arriving after the
 * TTL gets the previous value at once while one refresh runs, so nobody waits for a recompute
 * (the value is at most one refresh older). One process only (adapter-node).
 */
interface Entry<V> {
	at: number;
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
		private readonly staleWhileRevalidate = false
	) {}

	get(key: K, compute: () => Promise<V>): Promise<V> {
		const now = this.clock();
		const hit = this.entries.get(key);
		if (hit && now - hit.at < this.ttlMs) {
			// A refresh is running: with stale-while-revalidate, hand out the previous value meanwhile.
			return this.staleWhileRevalidate && !hit.done && hit.last ? Promise.resolve(hit.last.v) : hit.value;
		}
		const value = compute();
		const entry: Entry<V> = { at: now, value, last: hit?.last, done: false };
		value.then(
			(v) => {
				entry.last = { v };
				entry.done = true;
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

	/** Forget one key (its next read computes afresh and waits for it). */
	delete(key: K): void {
		this.entries.delete(key);
	}

	/** Forget everything (after a decision that changes results, e.g. a disqualification). */
	clear(): void {
		this.entries.clear();
	}
}

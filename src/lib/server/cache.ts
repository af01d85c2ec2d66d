/**
 * A short-lived in-process cache with single flight: every caller for a key within `ttlMs` gets
 * the same value, and concurrent misses share one pending computation, so N clients polling a
 * leaderboard cost one query per `ttlMs`. One process only (adapter-node); a second process
 * would keep its own copy.
 */
export class TtlCache<V, K = string> {
	private entries = new Map<K, { at: number; value: Promise<V> }>();

	constructor(
		private readonly ttlMs: number,
		private readonly maxEntries = 200,
		private readonly clock: () => number = Date.now
	) {}

	get(key: K, compute: () => Promise<V>): Promise<V> {
		const now = this.clock();
		const hit = this.entries.get(key);
		if (hit && now - hit.at < this.ttlMs) return hit.value;
		const value = compute();
		// A failed computation is not kept: the next caller tries again.
		value.catch(() => {
			if (this.entries.get(key)?.value === value) this.entries.delete(key);
		});
		this.entries.delete(key);
		this.entries.set(key, { at: now, value });
		while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
		return value;
	}

	/** Forget one key (its next read computes afresh). */
	delete(key: K): void {
		this.entries.delete(key);
	}

	/** Forget everything (after a decision that changes results, e.g. a disqualification). */
	clear(): void {
		this.entries.clear();
	}
}

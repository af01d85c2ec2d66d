/**
 * A small in-process cache with a time-to-live and single flight: while a value is being
 * computed, every caller for the same key awaits the same promise, so a thousand requests arriving
 * together cost one query. One process, one cache (see README "Scale beyond one machine").
 */
export class TtlCache<K, V> {
	private entries = new Map<K, { at: number; value: Promise<V> }>();

	constructor(
		private readonly ttlMs: number,
		private readonly max = 1000
	) {}

	get(key: K, compute: () => Promise<V>, now = Date.now()): Promise<V> {
		const hit = this.entries.get(key);
		if (hit && now - hit.at < this.ttlMs) return hit.value;
		const value = compute();
		// A failed computation is not cached.
		value.catch(() => this.entries.delete(key));
		this.entries.delete(key);
		if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as K);
		this.entries.set(key, { at: now, value });
		return value;
	}

	delete(key: K): void {
		this.entries.delete(key);
	}

	/** Forget everything (after a decision that changes results, e.g. a disqualification). */
	clear(): void {
		this.entries.clear();
	}
}

/**
 * A short-lived in-process cache: every client polling a leaderboard within `ttlMs` gets the same
 * computed value, so N clients cost one query per `ttlMs`. Concurrent misses share one pending
 * computation. One process only (adapter-node); a second process would keep its own copy.
 */
export class TtlCache<T> {
	private entries = new Map<string, { at: number; value: Promise<T> }>();

	constructor(
		private readonly ttlMs: number,
		private readonly maxEntries = 200,
		private readonly clock: () => number = Date.now
	) {}

	get(key: string, compute: () => Promise<T>): Promise<T> {
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

	clear(): void {
		this.entries.clear();
	}
}

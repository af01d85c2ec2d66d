/**
 * Token buckets kept in memory (one process): login, registration and the attempt API, per IP,
 * per device and per account (see limits.ts). Callers only see `consume(key)` / `take(key)`, so
 * the storage can move elsewhere when the app runs on several processes.
 */
export class TokenBucket {
	private buckets = new Map<string, { tokens: number; refilledAt: number }>();
	constructor(
		private readonly max: number,
		private readonly refillIntervalMs: number
	) {}

	consume(key: string, cost = 1, now = Date.now()): boolean {
		return this.take(key, cost, now) === 0;
	}

	/**
	 * Takes `cost` tokens and answers 0, or takes nothing and answers how many ms until enough
	 * tokens will be there (for a Retry-After header).
	 */
	take(key: string, cost = 1, now = Date.now()): number {
		let b = this.buckets.get(key);
		if (!b) {
			b = { tokens: this.max, refilledAt: now };
			this.buckets.set(key, b);
		}
		const refill = Math.floor((now - b.refilledAt) / this.refillIntervalMs);
		if (refill > 0) {
			b.tokens = Math.min(this.max, b.tokens + refill);
			b.refilledAt += refill * this.refillIntervalMs;
		}
		if (this.buckets.size > 100_000) this.prune(now);
		if (b.tokens < cost) {
			const missing = Math.min(cost, this.max) - b.tokens;
			return Math.max(1, b.refilledAt + missing * this.refillIntervalMs - now);
		}
		b.tokens -= cost;
		return 0;
	}

	reset(key: string): void {
		this.buckets.delete(key);
	}

	private prune(now: number): void {
		for (const [k, b] of this.buckets) {
			if (now - b.refilledAt > this.max * this.refillIntervalMs) this.buckets.delete(k);
		}
	}
}

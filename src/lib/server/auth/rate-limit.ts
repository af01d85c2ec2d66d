/**
 * Token buckets kept in memory (one process). Used for login and registration per IP and per
 * identifier. A full abuse-limit design (issue "Fairness") can replace the storage; callers
 * only see `consume(key)`.
 */
export class TokenBucket {
	private buckets = new Map<string, { tokens: number; refilledAt: number }>();
	constructor(
		private readonly max: number,
		private readonly refillIntervalMs: number
	) {}

	consume(key: string, cost = 1, now = Date.now()): boolean {
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
		if (b.tokens < cost) return false;
		b.tokens -= cost;
		return true;
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

/**
 * Failed-login back-off, kept in memory per key. After `free` failures each further failure
 * locks the key for base · 2^(n−1), but never longer than `cap`; failures are forgotten once a
 * key has been quiet for `forgetMs`. So a lock always ends on its own: an attacker can slow a
 * victim's account down, never lock it for good (login also lets the owner's known device and
 * other IPs past the locks an attacker causes; see logIn in users/service.ts).
 */
export class BackoffLock {
	private state = new Map<string, { failures: number; lastFailAt: number; lockedUntil: number }>();
	constructor(
		private readonly opts: { free: number; baseMs: number; capMs: number; forgetMs: number }
	) {}

	/** 0 when the key may try now, otherwise the ms until it may. */
	retryAfter(key: string, now = Date.now()): number {
		const s = this.state.get(key);
		if (!s) return 0;
		if (now - s.lastFailAt >= this.opts.forgetMs) {
			this.state.delete(key);
			return 0;
		}
		return Math.max(0, s.lockedUntil - now);
	}

	fail(key: string, now = Date.now()): void {
		let s = this.state.get(key);
		if (!s || now - s.lastFailAt >= this.opts.forgetMs) s = { failures: 0, lastFailAt: now, lockedUntil: 0 };
		s.failures++;
		s.lastFailAt = now;
		const over = s.failures - this.opts.free;
		if (over > 0) {
			const lock = Math.min(this.opts.capMs, this.opts.baseMs * 2 ** Math.min(over - 1, 30));
			s.lockedUntil = now + lock;
		}
		this.state.set(key, s);
		if (this.state.size > 100_000) this.prune(now);
	}

	reset(key: string): void {
		this.state.delete(key);
	}

	private prune(now: number): void {
		for (const [k, s] of this.state) if (now - s.lastFailAt >= this.opts.forgetMs) this.state.delete(k);
	}
}

import { plain, type Conn, type Db, type Program } from '../db';

/**
 * Token buckets: login, registration and the attempt API, per IP, per device and per account (see
 * limits.ts). A bucket holds up to `max` tokens and gets one back every `refillIntervalMs`; a
 * request takes one (or `cost`) or is refused with the time until enough are back.
 *
 * Two stores, one rule (`step`): `TokenBucket` keeps its state in the database (rate_buckets), so
 * that a limit holds whichever server process answers — statement programs on the caller's
 * connection, inside the caller's transaction when it has one (the attempt API charges the limit in
 * the attempt's own write: no extra commit); `ProcessBucket` keeps it in this process's memory, for
 * the generous per-IP limits of the hot path (see there).
 */
export interface Limit {
	/** Takes `cost` tokens and answers 0, or takes nothing and answers the ms until enough tokens are back. */
	take(c: Conn, key: string, cost?: number, now?: number): Program<number>;
}

interface State {
	tokens: number;
	refilledAt: number;
}

/** The bucket `s` (undefined: never used, i.e. full) at `now` after asking for `cost` tokens. */
function step(s: State | undefined, max: number, intervalMs: number, cost: number, now: number): { state: State; wait: number } {
	const b = s ? { ...s } : { tokens: max, refilledAt: now };
	const refill = Math.floor((now - b.refilledAt) / intervalMs);
	if (refill > 0) {
		b.tokens = Math.min(max, b.tokens + refill);
		b.refilledAt += refill * intervalMs;
	}
	if (b.tokens < cost) {
		const missing = Math.min(cost, max) - b.tokens;
		return { state: b, wait: Math.max(1, b.refilledAt + missing * intervalMs - now) };
	}
	b.tokens -= cost;
	return { state: b, wait: 0 };
}

/** A token bucket in the database, named `name` (the rate_buckets.bucket column). */
export class TokenBucket implements Limit {
	constructor(
		readonly name: string,
		private readonly max: number,
		private readonly refillIntervalMs: number
	) {}

	*consume(c: Conn, key: string, cost = 1, now = Date.now()): Program<boolean> {
		return (yield* this.take(c, key, cost, now)) === 0;
	}

	/**
	 * Read, then written back: the row is locked in between (db Conn.getForUpdate), so two processes
	 * charging one key queue on PostgreSQL. A key's first charge has no row to lock: it inserts one,
	 * and when a concurrent first charge has inserted it meanwhile (nothing inserted: PostgreSQL only,
	 * SQLite has one writer), it charges that row instead.
	 */
	*take(c: Conn, key: string, cost = 1, now = Date.now()): Program<number> {
		const row = yield* c.getForUpdate<State>(
			'select tokens, refilled_at as "refilledAt" from rate_buckets where bucket = ? and key = ?',
			this.name,
			key
		);
		const { state, wait } = step(row, this.max, this.refillIntervalMs, cost, now);
		if (!row) {
			const inserted = yield* c.run(
				'insert into rate_buckets (bucket, key, tokens, refilled_at) values (?, ?, ?, ?) on conflict (bucket, key) do nothing',
				this.name,
				key,
				state.tokens,
				state.refilledAt
			);
			return inserted.changes === 0 ? yield* this.take(c, key, cost, now) : wait;
		}
		if (row.tokens !== state.tokens || row.refilledAt !== state.refilledAt)
			yield* c.run(
				'update rate_buckets set tokens = ?, refilled_at = ? where bucket = ? and key = ?',
				state.tokens,
				state.refilledAt,
				this.name,
				key
			);
		return wait;
	}

	*reset(c: Conn, key: string): Program<void> {
		yield* c.run('delete from rate_buckets where bucket = ? and key = ?', this.name, key);
	}

	/**
	 * Forgets the buckets that have refilled completely (the same as never used): untouched for
	 * max × interval, whatever they held. Run by the sweep; walks this bucket's rows by the key.
	 */
	async prune(db: Db, now = Date.now()): Promise<number> {
		const r = await db
			.deleteFrom('rate_buckets')
			.where('bucket', '=', this.name)
			.where('refilled_at', '<=', now - this.max * this.refillIntervalMs)
			.executeTakeFirst();
		return Number(r.numDeletedRows);
	}
}

/**
 * A token bucket in this process's memory. With several server processes (SERVER_PROCESSES = n)
 * each keeps `1/n` of the limit (max / n, refilled n times slower), so all together allow about the
 * limit when the requests are spread over them — as they are for a crowd behind one address: the
 * cluster hands connections out in turn, and each browser has its own. One client on one connection
 * meets only one process's share: stricter, never looser. Used only for the per-IP limits of the hot
 * attempt API, which are generous and coarse by design (NAT); the per-account limits next to them
 * are exact, in the database.
 */
export class ProcessBucket implements Limit {
	private buckets = new Map<string, State>();
	private shape: { max: number; intervalMs: number } | null = null;

	constructor(
		private readonly max: number,
		private readonly refillIntervalMs: number,
		/** How many processes share the limit (read on first use: config is read lazily). */
		private readonly processes: () => number = () => 1
	) {}

	private get share() {
		if (!this.shape) {
			const n = Math.max(1, this.processes());
			this.shape = { max: Math.max(1, Math.floor(this.max / n)), intervalMs: this.refillIntervalMs * n };
		}
		return this.shape;
	}

	consume(key: string, cost = 1, now = Date.now()): boolean {
		return this.takeHere(key, cost, now) === 0;
	}

	/** In memory: a program of no statement (the Limit interface). */
	take(_c: Conn, key: string, cost = 1, now = Date.now()): Program<number> {
		return plain(() => this.takeHere(key, cost, now));
	}

	takeHere(key: string, cost = 1, now = Date.now()): number {
		const { max, intervalMs } = this.share;
		const { state, wait } = step(this.buckets.get(key), max, intervalMs, cost, now);
		this.buckets.set(key, state);
		if (this.buckets.size > 100_000) this.prune(now);
		return wait;
	}

	reset(key: string): void {
		this.buckets.delete(key);
	}

	private prune(now: number): void {
		const { max, intervalMs } = this.share;
		for (const [k, b] of this.buckets) if (now - b.refilledAt > max * intervalMs) this.buckets.delete(k);
	}
}

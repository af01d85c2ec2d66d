import type { Conn, Db } from '../db';

/**
 * Failed-login back-off per key, kept in the database (backoff_locks) so that every server process
 * sees the same failures. After `free` failures each further failure locks the key for
 * base · 2^(n−1), but never longer than `cap`; failures are forgotten once a key has been quiet for
 * `forgetMs`. So a lock always ends on its own: an attacker can slow a victim's account down, never
 * lock it for good (login also lets the owner's known device and other IPs past the locks an
 * attacker causes; see logIn in users/service.ts).
 */
interface State {
	failures: number;
	lastFailAt: number;
	lockedUntil: number;
}

export class BackoffLock {
	constructor(
		/** The lock's name (the backoff_locks.name column). */
		readonly name: string,
		private readonly opts: { free: number; baseMs: number; capMs: number; forgetMs: number }
	) {}

	private read(c: Conn, key: string, now: number): State | undefined {
		const s = c.get<State>(
			'select failures, last_fail_at as lastFailAt, locked_until as lockedUntil from backoff_locks where name = ? and key = ?',
			this.name,
			key
		);
		// Forgotten after a quiet period (the row itself goes in the sweep).
		return s && now - s.lastFailAt < this.opts.forgetMs ? s : undefined;
	}

	/** 0 when the key may try now, otherwise the ms until it may. */
	retryAfter(c: Conn, key: string, now = Date.now()): number {
		const s = this.read(c, key, now);
		return s ? Math.max(0, s.lockedUntil - now) : 0;
	}

	fail(c: Conn, key: string, now = Date.now()): void {
		const s = this.read(c, key, now) ?? { failures: 0, lastFailAt: now, lockedUntil: 0 };
		s.failures++;
		s.lastFailAt = now;
		const over = s.failures - this.opts.free;
		if (over > 0) s.lockedUntil = now + Math.min(this.opts.capMs, this.opts.baseMs * 2 ** Math.min(over - 1, 30));
		c.run(
			'insert into backoff_locks (name, key, failures, last_fail_at, locked_until) values (?, ?, ?, ?, ?) on conflict (name, key) do update set failures = excluded.failures, last_fail_at = excluded.last_fail_at, locked_until = excluded.locked_until',
			this.name,
			key,
			s.failures,
			s.lastFailAt,
			s.lockedUntil
		);
	}

	reset(c: Conn, key: string): void {
		c.run('delete from backoff_locks where name = ? and key = ?', this.name, key);
	}

	/** Deletes the keys quiet for `forgetMs` (already forgotten). Run by the sweep. */
	async prune(db: Db, now = Date.now()): Promise<number> {
		const r = await db
			.deleteFrom('backoff_locks')
			.where('name', '=', this.name)
			.where('last_fail_at', '<=', now - this.opts.forgetMs)
			.executeTakeFirst();
		return Number(r.numDeletedRows);
	}
}

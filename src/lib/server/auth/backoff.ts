import type { Conn, Db, Program } from '../db';

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

const READ = 'select failures, last_fail_at as "lastFailAt", locked_until as "lockedUntil" from backoff_locks where name = ? and key = ?';

export class BackoffLock {
	constructor(
		/** The lock's name (the backoff_locks.name column). */
		readonly name: string,
		private readonly opts: { free: number; baseMs: number; capMs: number; forgetMs: number }
	) {}

	/** The key's failures, unless forgotten after a quiet period (the row itself goes in the sweep). */
	private fresh(s: State | undefined, now: number): State | undefined {
		return s && now - s.lastFailAt < this.opts.forgetMs ? s : undefined;
	}

	/** 0 when the key may try now, otherwise the ms until it may. */
	*retryAfter(c: Conn, key: string, now = Date.now()): Program<number> {
		const s = this.fresh(yield* c.get<State>(READ, this.name, key), now);
		return s ? Math.max(0, s.lockedUntil - now) : 0;
	}

	/**
	 * One more failure. Read, then written back: the row is locked in between (db Conn.getForUpdate),
	 * so two processes failing on one key count two failures on PostgreSQL too. The first failure of
	 * a key has no row to lock: it inserts one, and when a concurrent first failure has inserted it
	 * meanwhile (nothing inserted: PostgreSQL only, SQLite has one writer), it counts on that row.
	 */
	*fail(c: Conn, key: string, now = Date.now()): Program<void> {
		const row = yield* c.getForUpdate<State>(READ, this.name, key);
		const s = { ...(this.fresh(row, now) ?? { failures: 0, lastFailAt: now, lockedUntil: 0 }) };
		s.failures++;
		s.lastFailAt = now;
		const over = s.failures - this.opts.free;
		if (over > 0) s.lockedUntil = now + Math.min(this.opts.capMs, this.opts.baseMs * 2 ** Math.min(over - 1, 30));
		if (row) {
			yield* c.run(
				'update backoff_locks set failures = ?, last_fail_at = ?, locked_until = ? where name = ? and key = ?',
				s.failures,
				s.lastFailAt,
				s.lockedUntil,
				this.name,
				key
			);
			return;
		}
		const inserted = yield* c.run(
			'insert into backoff_locks (name, key, failures, last_fail_at, locked_until) values (?, ?, ?, ?, ?) on conflict (name, key) do nothing',
			this.name,
			key,
			s.failures,
			s.lastFailAt,
			s.lockedUntil
		);
		if (inserted.changes === 0) yield* this.fail(c, key, now);
	}

	*reset(c: Conn, key: string): Program<void> {
		yield* c.run('delete from backoff_locks where name = ? and key = ?', this.name, key);
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

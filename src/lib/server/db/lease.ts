import type { Conn, Program } from './program';

/**
 * A lease: work that one process should do at a time (the periodic sweep) is done by whoever holds
 * the lease `name`. Taking it succeeds when nobody holds it, when it has expired (its holder died or
 * stalled) or when `holder` holds it already (a renewal); the holder renews it each time it works.
 * One portable upsert: the row changes only when the `where` of its update holds.
 */
export function* tryLease(c: Conn, name: string, holder: string, now: number, ttlMs: number): Program<boolean> {
	const r = yield* c.run(
		`insert into leases (name, holder, expires_at) values (?, ?, ?)
		 on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
		 where leases.holder = excluded.holder or leases.expires_at <= ?`,
		name,
		holder,
		now + ttlMs,
		now
	);
	return r.changes === 1;
}

import { randomInt } from 'node:crypto';
import type { Db } from './index';
import type { Conn, Program } from './program';

/**
 * The cache_events table: what one process tells the others about a write (cache.ts invalidate).
 * A row is written in the transaction of the write it is about, so another process sees it exactly
 * when it can see the write; each process reads the rows after the last one it saw and skips its
 * own (`ORIGIN`). Ids are handed out in commit order and without gaps (one writer at a time on
 * SQLite; see migration 0007), so a process that finds a gap knows it missed some (they were pruned
 * while it was not looking) and must forget everything instead.
 */

/** This process, in the rows it writes. */
export const ORIGIN = randomInt(1, 2 ** 47);

export interface CacheEvent {
	id: number;
	topic: string;
	detail: string;
	origin: number;
}

export function* writeEvent(c: Conn, topic: string, detail: string, now = Date.now()): Program<void> {
	yield* c.run('insert into cache_events (topic, detail, origin, at) values (?, ?, ?, ?)', topic, detail, ORIGIN, now);
}

/** The newest id (0 for none): where a process that has just started begins to read. */
export function* latestEventId(c: Conn): Program<number> {
	const row = yield* c.get<{ id: number | null }>('select max(id) as id from cache_events');
	return row?.id ?? 0;
}

/** The events after `last`, oldest first (an index range on the primary key). */
export function* eventsAfter(c: Conn, last: number, limit: number): Program<CacheEvent[]> {
	return yield* c.all<CacheEvent>('select id, topic, detail, origin from cache_events where id > ? order by id limit ?', last, limit);
}

/**
 * Deletes the events older than `keepMs` (the sweep), oldest first in chunks, always keeping the
 * newest row (ids are max + 1: an emptied table would hand out old ids again). A process that has
 * not read for `keepMs` finds the gap and clears its caches.
 */
export async function pruneEvents(db: Db, now = Date.now(), keepMs = 60_000): Promise<number> {
	const first = await db
		.selectFrom('cache_events')
		.select('id')
		.where('at', '>=', now - keepMs)
		.orderBy('id')
		.limit(1)
		.executeTakeFirst();
	const newest = first
		? null
		: await db
				.selectFrom('cache_events')
				.select((e) => e.fn.max('id').as('id'))
				.executeTakeFirst();
	const keepFrom = first?.id ?? newest?.id;
	if (keepFrom == null) return 0;
	let n = 0;
	for (;;) {
		const oldest = await db.selectFrom('cache_events').select('id').orderBy('id').limit(1).executeTakeFirst();
		if (!oldest || oldest.id >= keepFrom) return n;
		// A few thousand rows a statement: the connection is not held for long.
		const r = await db
			.deleteFrom('cache_events')
			.where('id', '<', Math.min(keepFrom, oldest.id + 5_000))
			.executeTakeFirst();
		n += Number(r.numDeletedRows);
	}
}

import { sql, type Kysely, type RawBuilder } from 'kysely';
import { utcOffsetMs } from '../../vn/time';
import { dialectOf } from './dialect';

/**
 * The calendar day in Hanoi ('YYYY-MM-DD') of a column of UTC milliseconds. The zone's offset —
 * taken from vn/time.ts, never written here by hand — is added before the date is cut (SQLite knows
 * no time zones; on PostgreSQL the day is cut in UTC likewise, whatever the session's TimeZone).
 * Vietnam has kept one offset all year since 1975, so today's offset is that of every day the data
 * holds.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function localDay(db: Kysely<any>, column: RawBuilder<unknown>): RawBuilder<string> {
	const seconds = sql`(${column} + ${utcOffsetMs(Date.now())}) / 1000`;
	return dialectOf(db) === 'postgres'
		? sql<string>`to_char(to_timestamp(${seconds}) at time zone 'UTC', 'YYYY-MM-DD')`
		: sql<string>`date(${seconds}, 'unixepoch')`;
}

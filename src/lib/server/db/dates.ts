import { sql, type RawBuilder } from 'kysely';
import { utcOffsetMs } from '../../vn/time';

/**
 * The calendar day in Hanoi ('YYYY-MM-DD') of a column of UTC milliseconds. SQLite knows no time
 * zones, so the zone's offset — taken from vn/time.ts, never written here by hand — is added before
 * the date is cut. Vietnam has kept one offset all year since 1975, so today's offset is that of
 * every day the data holds.
 */
export function localDay(column: RawBuilder<unknown>): RawBuilder<string> {
	return sql<string>`date((${column} + ${utcOffsetMs(Date.now())}) / 1000, 'unixepoch')`;
}

import { sql } from 'kysely';

/**
 * Which attempts count — the one definition every ranking, dashboard and report uses
 * (aliases: a = attempts, u = users). An attempt counts when it is finished (submitted, or closed
 * at its deadline) and not disqualified; a person's attempts count only while the person is not
 * disqualified. Kept as SQL text so the synchronous statements of the hot path (db Conn) and the
 * Kysely queries share it.
 */
const COUNTED_ATTEMPT_SQL = "a.status in ('submitted','expired') and a.disqualified_at is null";
export const COUNTED_SQL = `${COUNTED_ATTEMPT_SQL} and u.disqualified_at is null`;
export const COUNTED_ATTEMPT = sql.raw(COUNTED_ATTEMPT_SQL);
export const COUNTED = sql.raw(COUNTED_SQL);

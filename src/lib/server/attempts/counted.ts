import { sql } from 'kysely';

/**
 * Which attempts count — the one definition every ranking, dashboard and report uses
 * (aliases: a = attempts, u = users). An attempt counts when it is finished (submitted, or closed
 * at its deadline) and not disqualified; a person's attempts count only while the person is not
 * disqualified.
 */
export const COUNTED_ATTEMPT = sql`a.status in ('submitted','expired') and a.disqualified_at is null`;
export const COUNTED = sql`${COUNTED_ATTEMPT} and u.disqualified_at is null`;

import type { Executor } from '../db';
import type { AccessEventKind } from '../db/types';

/** Reading access events back for the detectors (written by auth/access-events.ts). */

export interface EventRow {
	userId: number;
	at: number;
	kind: AccessEventKind;
	deviceHash: string | null;
	ipHash: string | null;
}

/**
 * Events of the people who took part in a round, from `since` to `until`: the input of the
 * shared-origin detector. Registrations count even when they were before the round (an account
 * farm is usually registered shortly before use).
 */
export async function listEventsOfRoundPeople(db: Executor, roundId: number, since: number, until: number): Promise<EventRow[]> {
	const rows = await db
		.selectFrom('access_events as e')
		.select(['e.user_id', 'e.at', 'e.kind', 'e.device_hash', 'e.ip_hash'])
		.where('e.user_id', 'in', (eb) => eb.selectFrom('attempts').select('user_id').where('round_id', '=', roundId))
		.where('e.at', '>=', since)
		.where('e.at', '<=', until)
		.orderBy('e.at')
		.limit(200_000)
		.execute();
	return rows.map((r) => ({ userId: r.user_id, at: r.at, kind: r.kind, deviceHash: r.device_hash, ipHash: r.ip_hash }));
}

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

/** Where each attempt of a round was started from (the 'attempt_start' event written with it; index access_events_round_idx). */
export async function startOrigins(
	db: Executor,
	roundId: number
): Promise<Map<number, { deviceHash: string | null; ipHash: string | null }>> {
	const rows = await db
		.selectFrom('access_events')
		.select(['attempt_id', 'device_hash', 'ip_hash'])
		.where('round_id', '=', roundId)
		.where('kind', '=', 'attempt_start')
		.execute();
	return new Map(rows.filter((r) => r.attempt_id != null).map((r) => [r.attempt_id!, { deviceHash: r.device_hash, ipHash: r.ip_hash }]));
}

/** When each of these people first used each device, over all time: "user device" → ms. */
export async function deviceFirstSeen(db: Executor, userIds: number[]): Promise<Map<string, number>> {
	const out = new Map<string, number>();
	for (let i = 0; i < userIds.length; i += 900) {
		const rows = await db
			.selectFrom('access_events')
			.select(['user_id', 'device_hash'])
			.select((eb) => eb.fn.min<number>('at').as('first'))
			.where('user_id', 'in', userIds.slice(i, i + 900))
			.where('device_hash', 'is not', null)
			.groupBy(['user_id', 'device_hash'])
			.execute();
		for (const r of rows) out.set(`${r.user_id} ${r.device_hash}`, Number(r.first));
	}
	return out;
}

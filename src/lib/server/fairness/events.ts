import type { Conn, Executor } from '../db';
import type { AccessEventKind } from '../db/types';
import type { Fingerprint } from './fingerprint';

/** Queries for access events (registrations, logins, attempt starts with their hashes). */

export async function recordEvent(
	db: Executor,
	e: { kind: AccessEventKind; userId: number; at: number; roundId?: number | null; attemptId?: number | null } & Fingerprint
): Promise<void> {
	await db
		.insertInto('access_events')
		.values({
			kind: e.kind,
			user_id: e.userId,
			at: e.at,
			round_id: e.roundId ?? null,
			attempt_id: e.attemptId ?? null,
			device_hash: e.deviceHash,
			ip_hash: e.ipHash
		})
		.execute();
}

/** The same insert on the synchronous connection (starting an attempt, service.ts). */
export function recordEventSync(
	c: Conn,
	e: { kind: AccessEventKind; userId: number; at: number; roundId?: number | null; attemptId?: number | null } & Fingerprint
): void {
	c.run(
		'insert into access_events (kind, user_id, at, round_id, attempt_id, device_hash, ip_hash) values (?, ?, ?, ?, ?, ?, ?)',
		e.kind,
		e.userId,
		e.at,
		e.roundId ?? null,
		e.attemptId ?? null,
		e.deviceHash,
		e.ipHash
	);
}

/** Whether this device has registered or logged in successfully as this person before. */
export async function isKnownDevice(db: Executor, userId: number, deviceHash: string | null): Promise<boolean> {
	if (!deviceHash) return false;
	const row = await db
		.selectFrom('access_events')
		.select('id')
		.where('user_id', '=', userId)
		.where('kind', 'in', ['register', 'login'])
		.where('device_hash', '=', deviceHash)
		.limit(1)
		.executeTakeFirst();
	return row != null;
}

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

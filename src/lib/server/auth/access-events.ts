import type { Conn, Executor, Program } from '../db';
import type { AccessEventKind } from '../db/types';
import type { Fingerprint } from './fingerprint';

/**
 * The access log: registrations, logins and attempt starts with the keyed hashes of their device
 * and IP, written where they happen (users/service.ts, attempts/service.ts) and asked by the login
 * back-off whether a device is known; the fairness report reads it back (fairness/events.ts).
 */

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

/** The same insert as a statement program (starting an attempt, service.ts). */
export function* recordEventIn(
	c: Conn,
	e: { kind: AccessEventKind; userId: number; at: number; roundId?: number | null; attemptId?: number | null } & Fingerprint
): Program<void> {
	yield* c.run(
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

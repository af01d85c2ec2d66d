import { randomBytes } from 'node:crypto';
import { getDb, type Db } from '../db';
import type { ImportPlan } from './bank';

/**
 * Validated uploads waiting for the organiser's "confirm", kept under a random token bound to the
 * uploader, for 30 minutes. The browser never sends rows back, so what is written is exactly what
 * was checked. In the database (pending_imports, the plan as JSON), so the confirm may reach
 * another server process than the preview, and a restart in between loses nothing.
 */
const TTL_MS = 30 * 60 * 1000;

export interface PendingImport {
	plan: ImportPlan;
	fileName: string;
}

/** Keeps the plan of a validated upload for its uploader; answers the token to confirm it with. */
export async function put(userId: number, fileName: string, plan: ImportPlan, now = Date.now(), db: Db = getDb()): Promise<string> {
	const token = randomBytes(18).toString('base64url');
	await db.transaction().execute(async (trx) => {
		// One pending upload per person: a new preview replaces the previous one.
		await trx
			.deleteFrom('pending_imports')
			.where((w) => w.or([w('user_id', '=', userId), w('expires_at', '<=', now)]))
			.execute();
		await trx
			.insertInto('pending_imports')
			.values({ token, user_id: userId, file_name: fileName, payload: JSON.stringify(plan), expires_at: now + TTL_MS })
			.execute();
	});
	return token;
}

/**
 * The pending upload, only for the person who uploaded it, only before it expires and only once:
 * taken and deleted in one statement, so two confirms racing (from two processes) get it once.
 */
export async function take(userId: number, token: string, now = Date.now(), db: Db = getDb()): Promise<PendingImport | undefined> {
	const row = await db
		.deleteFrom('pending_imports')
		.where('token', '=', token)
		.where('user_id', '=', userId)
		.where('expires_at', '>', now)
		.returning(['file_name', 'payload'])
		.executeTakeFirst();
	return row ? { fileName: row.file_name, plan: JSON.parse(row.payload) as ImportPlan } : undefined;
}

/** Deletes the expired uploads nobody confirmed (the sweep). */
export async function pruneExpired(db: Db, now = Date.now()): Promise<number> {
	const r = await db.deleteFrom('pending_imports').where('expires_at', '<=', now).executeTakeFirst();
	return Number(r.numDeletedRows);
}

import { randomBytes } from 'node:crypto';
import type { Db } from '../db';
import type { UnitImportPlan } from './service';

/**
 * Validated unit sheets waiting for the uploader's "confirm": the same scheme as the question
 * bank's pending imports (questions/pending-imports.ts) in a table of their own, so neither
 * confirm can take the other's plan. The browser never sends rows back; 30 minutes; taken once.
 */
const TTL_MS = 30 * 60 * 1000;

export async function put(db: Db, userId: number, fileName: string, plan: UnitImportPlan, now = Date.now()): Promise<string> {
	const token = randomBytes(18).toString('base64url');
	await db.transaction().execute(async (trx) => {
		await trx
			.deleteFrom('pending_unit_imports')
			.where((w) => w.or([w('user_id', '=', userId), w('expires_at', '<=', now)]))
			.execute();
		await trx
			.insertInto('pending_unit_imports')
			.values({ token, user_id: userId, file_name: fileName, payload: JSON.stringify(plan), expires_at: now + TTL_MS })
			.execute();
	});
	return token;
}

export async function take(
	db: Db,
	userId: number,
	token: string,
	now = Date.now()
): Promise<{ fileName: string; plan: UnitImportPlan } | undefined> {
	const row = await db
		.deleteFrom('pending_unit_imports')
		.where('token', '=', token)
		.where('user_id', '=', userId)
		.where('expires_at', '>', now)
		.returning(['file_name', 'payload'])
		.executeTakeFirst();
	return row ? { fileName: row.file_name, plan: JSON.parse(row.payload) as UnitImportPlan } : undefined;
}

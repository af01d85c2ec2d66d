import type { Executor } from './db';

/** Appends to the audit log: who did what to which entity, with details (never secrets). */
export async function audit(
	db: Executor,
	e: {
		actorUserId: number | null;
		action: string;
		entity: string;
		entityId?: string | number | null;
		details?: Record<string, unknown>;
		at?: number;
	}
): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			at: e.at ?? Date.now(),
			actor_user_id: e.actorUserId,
			action: e.action,
			entity: e.entity,
			entity_id: e.entityId == null ? null : String(e.entityId),
			details_json: JSON.stringify(e.details ?? {})
		})
		.execute();
}

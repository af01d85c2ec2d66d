import { getDb, type Executor } from './db';

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

export interface AuditFilter {
	action?: string;
	entity?: string;
	entityId?: string;
	actorId?: number;
	from?: number;
	to?: number;
}

/** One page of the audit log, newest first, with the actor's name. */
async function listAudit(db: Executor, f: AuditFilter, page: number, pageSize = 50) {
	let q = db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_user_id');
	if (f.action) q = q.where('audit_log.action', '=', f.action);
	if (f.entity) q = q.where('audit_log.entity', '=', f.entity);
	if (f.entityId) q = q.where('audit_log.entity_id', '=', f.entityId);
	if (f.actorId != null) q = q.where('audit_log.actor_user_id', '=', f.actorId);
	if (f.from != null) q = q.where('audit_log.at', '>=', f.from);
	if (f.to != null) q = q.where('audit_log.at', '<', f.to);
	const [rows, count] = await Promise.all([
		q
			.select([
				'audit_log.id',
				'audit_log.at',
				'audit_log.action',
				'audit_log.entity',
				'audit_log.entity_id',
				'audit_log.details_json',
				'audit_log.actor_user_id',
				'users.full_name as actor_name'
			])
			.orderBy('audit_log.id', 'desc')
			.limit(pageSize)
			.offset((page - 1) * pageSize)
			.execute(),
		q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(count.n) };
}

async function listAuditActions(db: Executor): Promise<string[]> {
	const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
	return rows.map((r) => r.action);
}

/** The audit-log page (a service a route calls: it gets the database itself): one page and the actions to filter by. */
export async function readAuditLog(f: AuditFilter, page: number, pageSize: number) {
	const db = getDb();
	const [{ rows, total }, actions] = await Promise.all([listAudit(db, f, page, pageSize), listAuditActions(db)]);
	return { rows, total, actions };
}

import { z } from 'zod';
import { requireRole } from '$lib/server/auth/guards';
import { readAuditLog } from '$lib/server/audit';
import { fromLocalInput } from '$lib/vn/time';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;
const text = (max: number) => z.string().trim().max(max).optional().catch(undefined);
const FilterSchema = z.object({
	action: text(60),
	entity: text(40),
	entityId: text(40),
	actor: z.coerce.number().int().positive().optional().catch(undefined),
	from: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/)
		.optional()
		.catch(undefined),
	to: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/)
		.optional()
		.catch(undefined),
	page: z.coerce.number().int().min(1).max(100_000).catch(1)
});

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const f = FilterSchema.parse(Object.fromEntries(event.url.searchParams));
	const from = f.from ? fromLocalInput(`${f.from}T00:00`) : null;
	const toStart = f.to ? fromLocalInput(`${f.to}T00:00`) : null;
	const { rows, total, actions } = await readAuditLog(
		{
			action: f.action || undefined,
			entity: f.entity || undefined,
			entityId: f.entityId || undefined,
			actorId: f.actor,
			from: from ?? undefined,
			// "to" is inclusive: up to the end of that day in Hanoi.
			to: toStart == null ? undefined : toStart + 24 * 60 * 60 * 1000
		},
		f.page,
		PAGE_SIZE
	);
	return {
		filters: {
			action: f.action ?? '',
			entity: f.entity ?? '',
			entityId: f.entityId ?? '',
			actor: f.actor ? String(f.actor) : '',
			from: f.from ?? '',
			to: f.to ?? ''
		},
		page: f.page,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		total,
		actions,
		rows: rows.map((r) => ({
			id: r.id,
			at: r.at,
			action: r.action,
			entity: r.entity,
			entityId: r.entity_id,
			actorId: r.actor_user_id,
			actorName: r.actor_name,
			details: r.details_json.length > 600 ? r.details_json.slice(0, 600) + '…' : r.details_json
		}))
	};
}) satisfies PageServerLoad;

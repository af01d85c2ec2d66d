import { z } from 'zod';
import type { QuestionFilter } from '$lib/server/questions/questions';
import { KINDS, STATUSES } from '$lib/schemas/question';

/** List/export filters from the query string. Anything malformed is simply ignored (a filter, not a form). */
const FilterSchema = z.object({
	q: z.string().max(200).catch(''),
	topic: z.coerce.number().int().positive().nullable().catch(null),
	difficulty: z.coerce.number().int().min(1).max(3).nullable().catch(null),
	kind: z.enum(KINDS).nullable().catch(null),
	status: z.enum(STATUSES).nullable().catch(null),
	warnings: z.enum(['open', 'accepted']).nullable().catch(null),
	page: z.coerce.number().int().min(1).max(100_000).catch(1)
});

export function parseFilter(url: URL): {
	filter: QuestionFilter & { warnings: 'open' | 'accepted' | null };
	page: number;
	raw: Record<string, string>;
} {
	const get = (k: string) => url.searchParams.get(k) ?? '';
	const raw = {
		q: get('q'),
		topic: get('topic'),
		difficulty: get('difficulty'),
		kind: get('kind'),
		status: get('status'),
		warnings: get('warnings')
	};
	const p = FilterSchema.parse({
		q: raw.q,
		topic: raw.topic || null,
		difficulty: raw.difficulty || null,
		kind: raw.kind || null,
		status: raw.status || null,
		warnings: raw.warnings || null,
		page: get('page') || 1
	});
	return {
		filter: { q: p.q.trim(), topicId: p.topic, difficulty: p.difficulty, kind: p.kind, status: p.status, warnings: p.warnings },
		page: p.page,
		raw
	};
}

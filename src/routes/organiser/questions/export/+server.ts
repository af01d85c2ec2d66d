import { requireRole } from '$lib/server/auth/guards';
import * as questions from '$lib/server/questions/service';
import { CONTENT_TYPES } from '$lib/server/questions/bank';
import { parseFilter } from '../filter.server';
import type { RequestHandler } from './$types';

/** The bank, or the list's current filter of it, as XLSX or CSV in the import layout. */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'organiser');
	const format = event.url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
	const { filter } = parseFilter(event.url);
	const bytes = await questions.exportBank(user.id, format, filter);
	const stamp = new Date().toISOString().slice(0, 10);
	return new Response(bytes as BodyInit, {
		headers: {
			'content-type': CONTENT_TYPES[format],
			'content-disposition': `attachment; filename="ngan-hang-cau-hoi-${stamp}.${format}"`,
			'cache-control': 'no-store'
		}
	});
};

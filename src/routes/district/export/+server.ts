import { unitParticipantsFile } from '$lib/server/reports/service';
import { CONTENT_TYPES } from '$lib/server/reports/sheets';
import { districtContext } from '../unit.server';
import type { RequestHandler } from './$types';

/** The unit's participant list (the page's search applied) as XLSX or CSV; every export is audited. */
export const GET: RequestHandler = async (event) => {
	const ctx = await districtContext(event);
	const format = event.url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
	const bytes = await unitParticipantsFile(ctx.user.id, { ...ctx, typed: ctx.q }, format);
	const stamp = new Date().toISOString().slice(0, 10);
	return new Response(bytes as BodyInit, {
		headers: {
			'content-type': CONTENT_TYPES[format],
			'content-disposition': `attachment; filename="nguoi-du-thi-${ctx.unit.code}-${stamp}.${format}"`,
			'cache-control': 'no-store'
		}
	});
};

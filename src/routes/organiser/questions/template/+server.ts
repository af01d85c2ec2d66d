import { requireRole } from '$lib/server/auth/guards';
import * as bank from '$lib/server/questions/bank';
import type { RequestHandler } from './$types';

/** An empty sheet in the import layout (XLSX with a "Hướng dẫn" sheet describing the columns). */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'organiser');
	const format = event.url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
	return new Response((await bank.templateFile(format)) as BodyInit, {
		headers: {
			'content-type': bank.CONTENT_TYPES[format],
			'content-disposition': `attachment; filename="mau-nhap-cau-hoi.${format}"`,
			'cache-control': 'no-store'
		}
	});
};

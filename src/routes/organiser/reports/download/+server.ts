import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { periodFromUrl } from '$lib/server/reports/period';
import { periodReportFile, reportCalendar } from '$lib/server/reports/service';
import { CONTENT_TYPES } from '$lib/server/reports/sheets';
import { toLocalInput } from '$lib/vn/time';
import type { RequestHandler } from './$types';

/** The period report as XLSX (sheets “Tổng hợp” and “Theo đơn vị”). */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'organiser');
	const period = periodFromUrl(event.url, (await reportCalendar()).calendar);
	if ('error' in period) error(400, { message: period.error });
	const bytes = await periodReportFile(user.id, period);
	// The file is named by the period's first day in Hanoi.
	const stamp = toLocalInput(period.from).slice(0, 10);
	return new Response(bytes as BodyInit, {
		headers: {
			'content-type': CONTENT_TYPES.xlsx,
			'content-disposition': `attachment; filename="bao-cao-hoi-thi-${stamp}.xlsx"`,
			'cache-control': 'no-store'
		}
	});
};

import { error } from '@sveltejs/kit';
import { periodFromUrl } from '$lib/server/reports/period';
import { periodReportFile, reportCalendar } from '$lib/server/reports/service';
import { CONTENT_TYPES } from '$lib/server/reports/sheets';
import { toLocalInput } from '$lib/vn/time';
import { districtUnit } from '../../unit.server';
import type { RequestHandler } from './$types';

/** The unit's period report as XLSX (a district lead: their own unit only); audit-logged. */
export const GET: RequestHandler = async (event) => {
	const { user, unit } = await districtUnit(event);
	const period = periodFromUrl(event.url, (await reportCalendar()).calendar);
	if ('error' in period) error(400, { message: period.error });
	const bytes = await periodReportFile(user.id, period, unit);
	const stamp = toLocalInput(period.from).slice(0, 10);
	return new Response(bytes as BodyInit, {
		headers: {
			'content-type': CONTENT_TYPES.xlsx,
			'content-disposition': `attachment; filename="bao-cao-${unit.code}-${stamp}.xlsx"`,
			'cache-control': 'no-store'
		}
	});
};

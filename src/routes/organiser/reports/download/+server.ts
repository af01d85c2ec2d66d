import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { audit } from '$lib/server/audit';
import { periodFromUrl } from '$lib/server/reports/period';
import { buildPeriodReport, periodReportXlsx } from '$lib/server/reports/period-report';
import { CONTENT_TYPES } from '$lib/server/reports/sheets';
import type { RequestHandler } from './$types';

/** The period report as XLSX (sheets “Tổng hợp” and “Theo đơn vị”). */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'organiser');
	const period = periodFromUrl(event.url);
	if ('error' in period) error(400, { message: period.error });
	const db = getDb();
	const report = await buildPeriodReport(db, period);
	const bytes = await periodReportXlsx(report, period);
	await audit(db, { actorUserId: user.id, action: 'report.export', entity: 'report', details: { label: period.label, from: period.from, to: period.to } });
	const stamp = new Date(period.from + 7 * 3600_000).toISOString().slice(0, 10);
	return new Response(bytes as BodyInit, {
		headers: {
			'content-type': CONTENT_TYPES.xlsx,
			'content-disposition': `attachment; filename="bao-cao-hoi-thi-${stamp}.xlsx"`,
			'cache-control': 'no-store'
		}
	});
};

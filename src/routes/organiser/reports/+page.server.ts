import { requireRole } from '$lib/server/auth/guards';
import { periodFromUrl } from '$lib/server/reports/period';
import { periodReport } from '$lib/server/reports/service';
import type { PageServerLoad } from './$types';

/** Choose a period; with one chosen, the printable report is shown below the form. */
export const load = (async (event) => {
	requireRole(event, 'organiser');
	const url = event.url;
	const values = Object.fromEntries(url.searchParams);
	if (!url.searchParams.has('kind')) return { values, period: null, error: null, report: null };
	const period = periodFromUrl(url);
	if ('error' in period) return { values, period: null, error: period.error, report: null };
	return { values, period, error: null, report: await periodReport(period) };
}) satisfies PageServerLoad;

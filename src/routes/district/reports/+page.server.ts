import { periodFromUrl } from '$lib/server/reports/period';
import { periodReport, reportCalendar } from '$lib/server/reports/service';
import { districtUnit } from '../unit.server';
import type { PageServerLoad } from './$types';

/**
 * A district lead's period report for their own unit (the one they send to the city): the same
 * periods, figures and file as the organisers', restricted to the unit (any other ?unit= is a 403).
 */
export const load = (async (event) => {
	const { unit, staff } = await districtUnit(event);
	const url = event.url;
	const values = Object.fromEntries(url.searchParams);
	const { calendar, due } = await reportCalendar();
	const base = { values, calendar, due, staff, unit: { id: unit.id, name: unit.name }, period: null, error: null, report: null };
	if (!url.searchParams.has('kind')) return base;
	const period = periodFromUrl(url, calendar);
	if ('error' in period) return { ...base, error: period.error };
	return { ...base, period, report: await periodReport(period, unit) };
}) satisfies PageServerLoad;

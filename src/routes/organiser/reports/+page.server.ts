import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { CalendarSchema, periodFromUrl } from '$lib/server/reports/period';
import { periodReport, reportCalendar, saveReportCalendar } from '$lib/server/reports/service';
import { fieldErrors } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

/** Choose a period; with one chosen, the printable report is shown below the form. The organisers also set the report calendar here. */
export const load = (async (event) => {
	requireRole(event, 'organiser');
	const url = event.url;
	const values = Object.fromEntries(url.searchParams);
	const { calendar, due } = await reportCalendar();
	const base = { values, calendar, due, period: null, error: null, report: null };
	if (!url.searchParams.has('kind')) return base;
	const period = periodFromUrl(url, calendar);
	if ('error' in period) return { ...base, error: period.error };
	return { ...base, period, report: await periodReport(period) };
}) satisfies PageServerLoad;

/** Cut-off and due day of the 6-month and yearly reports (audit-logged). */
async function calendar(event: Parameters<Actions['calendar']>[0]) {
	const user = requireRole(event, 'organiser');
	const raw = Object.fromEntries(await event.request.formData());
	const values = Object.fromEntries(['halfCutoff', 'halfDue', 'yearCutoff', 'yearDue'].map((k) => [k, String(raw[k] ?? '')]));
	const parsed = CalendarSchema.safeParse(values);
	if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
	await saveReportCalendar(user.id, parsed.data);
	return { saved: true };
}

export const actions = { calendar } satisfies Actions;

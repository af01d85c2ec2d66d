import { z } from 'zod';
import { fromLocalInput, toLocalInput } from '../../vn/time';

/**
 * The reporting periods of the plan, the one place that says what each report covers and when it
 * is due. Returned as [from, to) in ms, midnight in Hanoi.
 * - monthly report: the calendar month, due on the 5th of the next month;
 * - 6-month report: 01/01 → the data cut-off (ngày chốt số liệu, default 15/5), due 30/5;
 * - yearly report: 01/01 → the cut-off (default 15/11), due 30/11;
 * - any dates: no due date.
 * The cut-offs and due dates of the 6-month and yearly reports are the organisers' (calendar.ts).
 */

/** Day and month as "MM-DD". */
export interface ReportCalendar {
	halfCutoff: string;
	halfDue: string;
	yearCutoff: string;
	yearDue: string;
}
export const DEFAULT_CALENDAR: ReportCalendar = { halfCutoff: '05-15', halfDue: '05-30', yearCutoff: '11-15', yearDue: '11-30' };
/** The monthly report is due on this day of the next month. */
const MONTHLY_DUE_DAY = 5;

const periodSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('month'), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Chọn tháng.') }),
	z.object({ kind: z.literal('half'), year: z.coerce.number().int().min(2000, 'Chọn năm.').max(2100, 'Chọn năm.') }),
	z.object({ kind: z.literal('year'), year: z.coerce.number().int().min(2000, 'Chọn năm.').max(2100, 'Chọn năm.') }),
	z.object({
		kind: z.literal('dates'),
		from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Chọn ngày bắt đầu.'),
		to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Chọn ngày kết thúc.')
	})
]);
export type PeriodInput = z.infer<typeof periodSchema>;

export interface Period {
	from: number;
	to: number;
	label: string;
	/** The days covered, as people read them: "01/01/2026 – 15/05/2026". */
	range: string;
	/** Midnight (Hanoi) of the due day, when the plan sets one; the report is due by the end of that day. */
	dueAt: number | null;
	/** The query that produces this report (the form's fields). */
	query: Record<string, string>;
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const midnight = (y: number, m: number, d: number) => fromLocalInput(`${y}-${pad(m)}-${pad(d)}T00:00`)!;
const vnDay = (ms: number) => toLocalInput(ms).slice(0, 10).split('-').reverse().join('/');
const md = (s: string) => s.split('-').map(Number) as [number, number];

function make(from: number, to: number, label: string, dueAt: number | null, query: Record<string, string>): Period {
	return { from, to, label, range: `${vnDay(from)} – ${vnDay(to - DAY_MS)}`, dueAt, query };
}

function toPeriod(p: PeriodInput, cal: ReportCalendar = DEFAULT_CALENDAR): Period | { error: string } {
	switch (p.kind) {
		case 'month': {
			const [y, m] = p.month.split('-').map(Number);
			const next = m === 12 ? [y + 1, 1] : [y, m + 1];
			return make(
				midnight(y, m, 1),
				midnight(next[0], next[1], 1),
				`Báo cáo tháng ${m}/${y}`,
				midnight(next[0], next[1], MONTHLY_DUE_DAY),
				{
					kind: 'month',
					month: p.month
				}
			);
		}
		case 'half':
		case 'year': {
			const [cm, cd] = md(p.kind === 'half' ? cal.halfCutoff : cal.yearCutoff);
			const [dm, dd] = md(p.kind === 'half' ? cal.halfDue : cal.yearDue);
			const label = p.kind === 'half' ? `Báo cáo 6 tháng đầu năm ${p.year}` : `Báo cáo năm ${p.year}`;
			return make(midnight(p.year, 1, 1), midnight(p.year, cm, cd) + DAY_MS, label, midnight(p.year, dm, dd), {
				kind: p.kind,
				year: String(p.year)
			});
		}
		case 'dates': {
			const from = fromLocalInput(`${p.from}T00:00`);
			const last = fromLocalInput(`${p.to}T00:00`);
			if (from == null || last == null) return { error: 'Ngày không hợp lệ.' };
			if (last < from) return { error: 'Ngày kết thúc phải sau ngày bắt đầu.' };
			return make(from, last + DAY_MS, `Báo cáo từ ${vnDay(from)} đến ${vnDay(last)}`, null, { kind: 'dates', from: p.from, to: p.to });
		}
	}
}

/** Reads the period from a URL's query (the report form is a GET form). */
export function periodFromUrl(url: URL, cal: ReportCalendar = DEFAULT_CALENDAR): Period | { error: string } {
	const parsed = periodSchema.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Chọn kỳ báo cáo.' };
	return toPeriod(parsed.data, cal);
}

/** Reminders start this many days before a due date. */
const REMIND_DAYS = 7;

/**
 * The plan's reports whose due date is today or within REMIND_DAYS days (Hanoi days): last
 * month's report until the 5th, the 6-month and the yearly report in the week before theirs.
 */
export function dueSoon(now: number, cal: ReportCalendar = DEFAULT_CALENDAR): (Period & { daysLeft: number })[] {
	const [y, m, d] = toLocalInput(now).slice(0, 10).split('-').map(Number);
	const today = midnight(y, m, d);
	const prev = m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
	const candidates: PeriodInput[] = [
		{ kind: 'month', month: prev },
		{ kind: 'month', month: `${y}-${pad(m)}` },
		{ kind: 'half', year: y },
		{ kind: 'year', year: y }
	];
	const out: (Period & { daysLeft: number })[] = [];
	for (const c of candidates) {
		const p = toPeriod(c, cal);
		if ('error' in p || p.dueAt == null) continue;
		const daysLeft = Math.round((p.dueAt - today) / DAY_MS);
		if (daysLeft >= 0 && daysLeft <= REMIND_DAYS) out.push({ ...p, daysLeft });
	}
	return out.sort((a, b) => a.dueAt! - b.dueAt!);
}

const CalendarDay = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$|^\d{2}-\d{2}$/, 'Chọn ngày.')
	.transform((s) => s.slice(-5));
/** The organisers' form: cut-off and due day of the 6-month and yearly reports (a date input; only day and month count). */
export const CalendarSchema = z
	.object({ halfCutoff: CalendarDay, halfDue: CalendarDay, yearCutoff: CalendarDay, yearDue: CalendarDay })
	.superRefine((c, ctx) => {
		for (const k of ['halfCutoff', 'halfDue', 'yearCutoff', 'yearDue'] as const) {
			const [mm, dd] = md(c[k]);
			// 2001 is no leap year: 29/02 is refused, since the date must exist every year.
			if (mm < 1 || mm > 12 || dd < 1 || dd > new Date(Date.UTC(2001, mm, 0)).getUTCDate())
				ctx.addIssue({ code: 'custom', path: [k], message: 'Ngày không hợp lệ (ngày 29/02 không có mỗi năm).' });
		}
		if (c.halfCutoff > c.halfDue) ctx.addIssue({ code: 'custom', path: ['halfDue'], message: 'Hạn nộp phải sau ngày chốt số liệu.' });
		if (c.yearCutoff > c.yearDue) ctx.addIssue({ code: 'custom', path: ['yearDue'], message: 'Hạn nộp phải sau ngày chốt số liệu.' });
		if (c.halfCutoff >= c.yearCutoff)
			ctx.addIssue({ code: 'custom', path: ['yearCutoff'], message: 'Ngày chốt báo cáo năm phải sau ngày chốt báo cáo 6 tháng.' });
	});

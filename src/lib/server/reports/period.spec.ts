import { describe, expect, it } from 'vitest';
import { CalendarSchema, DEFAULT_CALENDAR, dueSoon, periodFromUrl } from './period';

const HOUR = 3_600_000;
/** Midnight in Hanoi of a day (month 1–12). */
const hn = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - 7 * HOUR;
const at = (q: string, cal = DEFAULT_CALENDAR) => periodFromUrl(new URL('http://x/?' + q), cal);

describe('report periods', () => {
	it('turns a month into Hanoi midnights, due on the 5th of the next month, December rolling into the next year', () => {
		expect(at('kind=month&month=2026-05')).toEqual({
			from: hn(2026, 5, 1),
			to: hn(2026, 6, 1),
			label: 'Báo cáo tháng 5/2026',
			range: '01/05/2026 – 31/05/2026',
			dueAt: hn(2026, 6, 5),
			query: { kind: 'month', month: '2026-05' }
		});
		expect(at('kind=month&month=2026-12')).toMatchObject({ to: hn(2027, 1, 1), dueAt: hn(2027, 1, 5) });
	});

	it('ends the 6-month report on its cut-off 15/5 (included), due 30/5, and the yearly one on 15/11, due 30/11', () => {
		expect(at('kind=half&year=2026')).toMatchObject({
			from: hn(2026, 1, 1),
			to: hn(2026, 5, 16),
			range: '01/01/2026 – 15/05/2026',
			dueAt: hn(2026, 5, 30),
			label: 'Báo cáo 6 tháng đầu năm 2026'
		});
		expect(at('kind=year&year=2026')).toMatchObject({ to: hn(2026, 11, 16), dueAt: hn(2026, 11, 30), label: 'Báo cáo năm 2026' });
	});

	it('follows the cut-offs and due dates the organisers set', () => {
		const cal = { halfCutoff: '06-10', halfDue: '06-20', yearCutoff: '12-01', yearDue: '12-10' };
		expect(at('kind=half&year=2026', cal)).toMatchObject({ to: hn(2026, 6, 11), dueAt: hn(2026, 6, 20), range: '01/01/2026 – 10/06/2026' });
		expect(at('kind=year&year=2026', cal)).toMatchObject({ to: hn(2026, 12, 2), dueAt: hn(2026, 12, 10) });
	});

	it('includes the last day of a date range, without a due date', () => {
		expect(at('kind=dates&from=2026-05-01&to=2026-05-31')).toMatchObject({
			to: hn(2026, 6, 1),
			dueAt: null,
			label: 'Báo cáo từ 01/05/2026 đến 31/05/2026'
		});
	});

	it('explains what is wrong instead of failing', () => {
		expect(at('kind=dates&from=2026-05-31&to=2026-05-01')).toEqual({ error: 'Ngày kết thúc phải sau ngày bắt đầu.' });
		expect(at('kind=month&month=2026-13')).toEqual({ error: 'Chọn tháng.' });
		expect(at('kind=half&year=abc')).toHaveProperty('error');
		expect(at('')).toHaveProperty('error');
	});
});

describe('dueSoon', () => {
	const labels = (now: number) => dueSoon(now).map((p) => [p.label, p.daysLeft]);
	it('reminds of last month’s report from 7 days before the 5th until the 5th itself', () => {
		expect(labels(hn(2026, 3, 1) + 10 * HOUR)).toEqual([['Báo cáo tháng 2/2026', 4]]);
		expect(labels(hn(2026, 3, 5) + 23 * HOUR)).toEqual([['Báo cáo tháng 2/2026', 0]]);
		expect(labels(hn(2026, 3, 6))).toEqual([]);
		// February is short: on 26/02 its own report is due in 7 days (05/03).
		expect(labels(hn(2026, 2, 26))).toEqual([['Báo cáo tháng 2/2026', 7]]);
		expect(labels(hn(2026, 1, 2))).toEqual([['Báo cáo tháng 12/2025', 3]]);
		// The 29th: this month's report is due on the 5th of the next one, 7 days ahead.
		expect(labels(hn(2026, 3, 29))).toEqual([['Báo cáo tháng 3/2026', 7]]);
	});

	it('reminds of the 6-month and yearly reports in the week before 30/5 and 30/11', () => {
		expect(labels(hn(2026, 5, 22))).toEqual([]);
		expect(labels(hn(2026, 5, 23))).toEqual([['Báo cáo 6 tháng đầu năm 2026', 7]]);
		expect(labels(hn(2026, 11, 30) + 12 * HOUR)).toEqual([
			['Báo cáo năm 2026', 0],
			['Báo cáo tháng 11/2026', 5]
		]);
		expect(labels(hn(2026, 12, 1))).toEqual([['Báo cáo tháng 11/2026', 4]]);
	});
});

describe('CalendarSchema', () => {
	it('takes date inputs, keeps day and month, and refuses impossible or out-of-order days', () => {
		expect(CalendarSchema.parse({ halfCutoff: '2026-05-15', halfDue: '2026-05-30', yearCutoff: '11-15', yearDue: '11-30' })).toEqual(
			DEFAULT_CALENDAR
		);
		const bad = CalendarSchema.safeParse({ halfCutoff: '2028-02-29', halfDue: '05-01', yearCutoff: '11-20', yearDue: '11-10' });
		expect(bad.success).toBe(false);
		if (bad.success) return;
		expect(bad.error.issues.map((i) => i.path[0]).sort()).toEqual(['halfCutoff', 'yearDue']);
		expect(CalendarSchema.safeParse({ ...DEFAULT_CALENDAR, yearCutoff: '05-01', yearDue: '05-10' }).success).toBe(false);
	});
});

import { describe, it, expect } from 'vitest';
import { TIME_ZONE, ageOn, formatDate, formatDateTime, formatDuration, fromLocalInput, toLocalInput } from './time';

describe('fromLocalInput', () => {
	it('reads a datetime-local value as Hanoi time (UTC+7)', () => {
		expect(fromLocalInput('2026-12-01T08:00')).toBe(Date.UTC(2026, 11, 1, 1, 0));
	});

	it('crosses the date line back to the previous UTC day', () => {
		expect(fromLocalInput('2026-12-01T05:30')).toBe(Date.UTC(2026, 10, 30, 22, 30));
	});

	it('accepts optional seconds and surrounding spaces', () => {
		expect(fromLocalInput(' 2026-12-01T08:00:45 ')).toBe(Date.UTC(2026, 11, 1, 1, 0, 45));
	});

	it('accepts 29 February in a leap year', () => {
		expect(fromLocalInput('2028-02-29T12:00')).toBe(Date.UTC(2028, 1, 29, 5, 0));
	});

	it.each([['2026-02-30T10:00'], ['2027-02-29T10:00'], ['2026-13-01T10:00'], ['2026-04-31T10:00']])(
		'rejects the impossible date %j',
		(value) => {
			expect(fromLocalInput(value)).toBeNull();
		}
	);

	it.each([[''], ['garbage'], ['01/12/2026 08:00'], ['2026-12-01'], ['2026-12-01 08:00'], ['2026-12-01T8:00']])(
		'rejects the malformed value %j',
		(value) => {
			expect(fromLocalInput(value)).toBeNull();
		}
	);
});

describe('toLocalInput', () => {
	it('shows an instant in Hanoi time', () => {
		expect(toLocalInput(Date.UTC(2026, 11, 1, 1, 0))).toBe('2026-12-01T08:00');
		expect(toLocalInput(Date.UTC(2026, 10, 30, 18, 0))).toBe('2026-12-01T01:00');
	});

	it('round-trips with fromLocalInput', () => {
		for (const value of ['2026-12-01T08:00', '2026-12-31T23:59', '2027-01-01T00:00', '2028-02-29T07:00']) {
			const ms = fromLocalInput(value);
			expect(ms).not.toBeNull();
			expect(toLocalInput(ms as number)).toBe(value);
		}
	});

	it('round-trips a whole-minute instant through the input value', () => {
		const ms = Date.UTC(2026, 5, 15, 17, 45);
		expect(fromLocalInput(toLocalInput(ms))).toBe(ms);
	});
});

describe('formatDate / formatDateTime', () => {
	// 18:00 on 30/11 in UTC is 01:00 on 01/12 in Hanoi.
	const lateUtc = Date.UTC(2026, 10, 30, 18, 0);

	it('uses the Hanoi zone', () => {
		expect(TIME_ZONE).toBe('Asia/Ho_Chi_Minh');
	});

	it('formats the Hanoi date as dd/mm/yyyy', () => {
		expect(formatDate(lateUtc)).toBe('01/12/2026');
	});

	it('pads day and month with zeros', () => {
		expect(formatDate(Date.UTC(2027, 0, 5, 3, 0))).toBe('05/01/2027');
	});

	it('shows the time in 24-hour Hanoi time before the date', () => {
		const s = formatDateTime(lateUtc);
		expect(s).toContain('01:00');
		expect(s).toContain('01/12/2026');
		expect(s).toBe('01:00 01/12/2026');
	});

	it('shows afternoon hours without AM/PM', () => {
		expect(formatDateTime(Date.UTC(2026, 11, 1, 13, 5))).toBe('20:05 01/12/2026');
	});
});

describe('formatDuration', () => {
	it('shows minutes and zero-padded seconds', () => {
		expect(formatDuration(12 * 60_000 + 5_000)).toBe('12 phút 05 giây');
	});

	it('shows only seconds under a minute', () => {
		expect(formatDuration(42_000)).toBe('42 giây');
	});

	it('shows a whole minute with 00 seconds', () => {
		expect(formatDuration(60_000)).toBe('1 phút 00 giây');
	});

	it('rounds to the nearest second', () => {
		expect(formatDuration(1_499)).toBe('1 giây');
		expect(formatDuration(59_600)).toBe('1 phút 00 giây');
	});

	it('never shows a negative duration', () => {
		expect(formatDuration(0)).toBe('0 giây');
		expect(formatDuration(-5_000)).toBe('0 giây');
	});
});

describe('ageOn', () => {
	it('counts a birthday that falls on the day itself', () => {
		expect(ageOn('2000-12-01', Date.UTC(2026, 11, 1, 5, 0))).toBe(26);
	});

	it('does not count a birthday that has not come yet', () => {
		expect(ageOn('2000-12-02', Date.UTC(2026, 11, 1, 5, 0))).toBe(25);
		expect(ageOn('2000-12-01', Date.UTC(2026, 10, 15, 5, 0))).toBe(25);
	});

	it('uses the Hanoi date, not the UTC date', () => {
		// Still 30/11 in UTC, already 01/12 in Hanoi.
		expect(ageOn('2000-12-01', Date.UTC(2026, 10, 30, 18, 0))).toBe(26);
		// 23:00 on 30/11 in Hanoi.
		expect(ageOn('2000-12-01', Date.UTC(2026, 10, 30, 16, 0))).toBe(25);
	});

	it('counts a later month in the same year as a full year', () => {
		expect(ageOn('2010-03-15', Date.UTC(2026, 11, 1))).toBe(16);
	});
});

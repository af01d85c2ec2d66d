import { describe, expect, it } from 'vitest';
import { periodFromUrl } from './period';

const HOUR = 3_600_000;
const at = (q: string) => periodFromUrl(new URL('http://x/?' + q));

describe('report periods', () => {
	it('turns a month into Hanoi midnights, December rolling into the next year', () => {
		expect(at('kind=month&month=2026-05')).toEqual({
			from: Date.UTC(2026, 4, 1) - 7 * HOUR,
			to: Date.UTC(2026, 5, 1) - 7 * HOUR,
			label: 'Tháng 5/2026'
		});
		expect(at('kind=month&month=2026-12')).toMatchObject({ to: Date.UTC(2027, 0, 1) - 7 * HOUR });
	});
	it('knows both halves of a year and the whole year', () => {
		expect(at('kind=half&year=2026&half=1')).toMatchObject({ from: Date.UTC(2026, 0, 1) - 7 * HOUR, to: Date.UTC(2026, 6, 1) - 7 * HOUR });
		expect(at('kind=half&year=2026&half=2')).toMatchObject({ from: Date.UTC(2026, 6, 1) - 7 * HOUR, label: '6 tháng cuối năm 2026' });
		expect(at('kind=year&year=2026')).toMatchObject({ to: Date.UTC(2027, 0, 1) - 7 * HOUR, label: 'Năm 2026' });
	});
	it('includes the last day of a date range', () => {
		expect(at('kind=dates&from=2026-05-01&to=2026-05-31')).toMatchObject({
			to: Date.UTC(2026, 5, 1) - 7 * HOUR,
			label: 'Từ 01/05/2026 đến 31/05/2026'
		});
	});
	it('explains what is wrong instead of failing', () => {
		expect(at('kind=dates&from=2026-05-31&to=2026-05-01')).toEqual({ error: 'Ngày kết thúc phải sau ngày bắt đầu.' });
		expect(at('kind=month&month=2026-13')).toEqual({ error: 'Chọn tháng.' });
		expect(at('')).toHaveProperty('error');
	});
});

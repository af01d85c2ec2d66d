import { describe, expect, it } from 'vitest';
import { formatFixed, formatMegabytes, formatNumber, formatPercent, formatSeconds, percentDigits } from './number';

describe('Vietnamese number format', () => {
	it('groups thousands with "." and writes decimals with ","', () => {
		expect(formatNumber(2000)).toBe('2.000');
		expect(formatNumber(1234567.891, 2)).toBe('1.234.567,89');
		expect(formatNumber(1.5, 1)).toBe('1,5');
		expect(formatNumber(2, 1)).toBe('2');
		expect(formatNumber(2, 1, 1)).toBe('2,0');
		expect(formatFixed(0.2, 2)).toBe('0,20');
		expect(formatFixed(-0.05, 2)).toBe('-0,05');
	});

	it('shows a dash where there is no number', () => {
		expect([formatNumber(null), formatPercent(undefined), formatSeconds(null), formatFixed(Number.NaN, 2)]).toEqual(['—', '—', '—', '—']);
	});

	it('keeps "%" and units on the number\'s line with a no-break space', () => {
		expect(formatPercent(0.125)).toBe('12,5\u00A0%');
		expect(formatPercent(0.5)).toBe('50\u00A0%');
		expect(formatPercent(0.001234, 2)).toBe('0,12\u00A0%');
		expect(formatSeconds(1500)).toBe('1,5\u00A0giây');
		expect(formatMegabytes(5 * 1024 * 1024)).toBe('5\u00A0MB');
		expect(formatMegabytes(1.34 * 1024 * 1024)).toBe('1,3\u00A0MB');
		expect(formatPercent(0.125)).not.toMatch(/ /);
	});

	it('gives small rates enough decimals to tell them apart', () => {
		expect([0.5, 0.123, 0.01, 0.0042, 0.00042, 0.000042, 0, Number.NaN].map(percentDigits)).toEqual([1, 1, 1, 2, 3, 4, 1, 1]);
		expect([0.0042, 0.0031].map((x) => formatPercent(x, percentDigits(0.0042)))).toEqual(['0,42\u00A0%', '0,31\u00A0%']);
	});
});

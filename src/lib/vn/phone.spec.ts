import { describe, it, expect } from 'vitest';
import { formatPhone, normalisePhone, phoneSearchDigits } from './phone';

describe('normalisePhone', () => {
	it.each([
		['0912 345 678'],
		['0912345678'],
		['+84912345678'],
		['+84 912 345 678'],
		['84912345678'],
		['0912.345.678'],
		['0912-345-678'],
		['0084 912 345 678'],
		['  0912 345 678  ']
	])('turns the mobile number %j into E.164', (input) => {
		expect(normalisePhone(input)).toBe('+84912345678');
	});

	it('accepts brackets and dashes around the country code', () => {
		expect(normalisePhone('(+84) 912-345-678')).toBe('+84912345678');
	});

	it('drops the trunk 0 written after the country code', () => {
		expect(normalisePhone('+84 0912 345 678')).toBe('+84912345678');
	});

	it('accepts full-width digits typed with a Vietnamese IME', () => {
		expect(normalisePhone('０９１２３４５６７８')).toBe('+84912345678');
	});

	it.each([
		['0312345678', '+84312345678'],
		['0569999999', '+84569999999'],
		['0701234567', '+84701234567'],
		['0888888888', '+84888888888']
	])('accepts the mobile prefix of %j', (input, expected) => {
		expect(normalisePhone(input)).toBe(expected);
	});

	it('accepts a Hanoi landline with its area code', () => {
		expect(normalisePhone('024 3825 1234')).toBe('+842438251234');
		expect(normalisePhone('+84 24 3825 1234')).toBe('+842438251234');
	});

	it.each([
		['too short', '12345'],
		['a 01x prefix that no longer exists', '0112345678'],
		['a 04x/06x prefix', '0412345678'],
		['letters', '09123abc78'],
		['only letters', 'không có'],
		['an empty string', ''],
		['only spaces', '   '],
		['a US number', '+1 202 555 0100'],
		['a mobile number with a digit too many', '09123456789'],
		['a mobile number with a digit too few', '091234567'],
		['a landline with a digit too few', '024 3825 123']
	])('rejects %s', (_, input) => {
		expect(normalisePhone(input)).toBeNull();
	});
});

describe('formatPhone', () => {
	it('shows an E.164 mobile number in the usual 4-3-3 grouping', () => {
		expect(formatPhone('+84912345678')).toBe('0912 345 678');
	});

	it('shows a landline with the trunk 0 and no grouping', () => {
		expect(formatPhone('+842438251234')).toBe('02438251234');
	});

	it('leaves a non-Vietnamese number untouched', () => {
		expect(formatPhone('+12025550100')).toBe('+12025550100');
	});

	it('round-trips with normalisePhone', () => {
		expect(normalisePhone(formatPhone('+84987654321'))).toBe('+84987654321');
	});
});

describe('phoneSearchDigits', () => {
	it('reads a phone typed as the list shows it, or in any usual spelling', () => {
		for (const typed of [
			'0981 000 007',
			'0981.000.007',
			'0981-000-007',
			'+84 981 000 007',
			'+84981000007',
			'84981000007',
			'0084 981 000 007',
			' 0981000007 '
		])
			expect(phoneSearchDigits(typed), typed).toBe('981000007');
	});

	it('reads part of a number', () => {
		expect(phoneSearchDigits('000 007')).toBe('00007');
		expect(phoneSearchDigits('0981')).toBe('981');
	});

	it('leaves names and too-short fragments to the name search', () => {
		expect(phoneSearchDigits('Nguyễn')).toBeNull();
		expect(phoneSearchDigits('0981 abc')).toBeNull();
		expect(phoneSearchDigits('%')).toBeNull();
		expect(phoneSearchDigits('12')).toBeNull();
	});
});

import { describe, it, expect } from 'vitest';
import { normaliseEmail, normaliseNationalId } from './identity';

describe('normaliseEmail', () => {
	it('lowercases the address', () => {
		expect(normaliseEmail('Hang.Nguyen@Example.VN')).toBe('hang.nguyen@example.vn');
	});

	it('trims surrounding spaces', () => {
		expect(normaliseEmail('  hang@example.vn \t')).toBe('hang@example.vn');
	});

	it.each([['khong-phai-email'], ['hang@'], ['@example.vn'], ['hang@example'], ['hang nguyen@example.vn'], ['hang@@example.vn']])(
		'rejects %j',
		(input) => {
			expect(normaliseEmail(input)).toBeNull();
		}
	);

	it('rejects an empty or blank value', () => {
		expect(normaliseEmail('')).toBeNull();
		expect(normaliseEmail('   ')).toBeNull();
	});

	it('rejects an address longer than 254 characters', () => {
		expect(normaliseEmail('a'.repeat(250) + '@b.vn')).toBeNull();
	});
});

describe('normaliseNationalId', () => {
	it('accepts 12 digits written in groups', () => {
		expect(normaliseNationalId('001 234 567 890')).toBe('001234567890');
	});

	it('accepts 12 digits written together, with dots or dashes', () => {
		expect(normaliseNationalId('001234567890')).toBe('001234567890');
		expect(normaliseNationalId('001.234.567.890')).toBe('001234567890');
		expect(normaliseNationalId('001-234-567-890')).toBe('001234567890');
	});

	it('keeps leading zeros', () => {
		expect(normaliseNationalId('000000000001')).toBe('000000000001');
	});

	it('rejects 11 digits (old or mistyped number)', () => {
		expect(normaliseNationalId('00123456789')).toBeNull();
	});

	it('rejects 13 digits', () => {
		expect(normaliseNationalId('0012345678901')).toBeNull();
	});

	it('rejects letters', () => {
		expect(normaliseNationalId('00123456789A')).toBeNull();
		expect(normaliseNationalId('CCCD 001234567890')).toBeNull();
	});

	it('rejects the 9-digit old identity card number', () => {
		expect(normaliseNationalId('123 456 789')).toBeNull();
	});

	it('rejects an empty value', () => {
		expect(normaliseNationalId('')).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import { LiveJoinSchema, nameField, normaliseCode } from './live';

describe('live names and codes (what the join form and the server accept)', () => {
	const name = nameField('Tên', 60, true);
	it('cleans a name (NFC, spaces) and keeps it as typed otherwise', () => {
		expect(name.parse('  Nguyễn   Thị Hằng '.normalize('NFD'))).toBe('Nguyễn Thị Hằng'.normalize('NFC'));
		expect(name.parse('Đặng Thị Thu-Hà')).toBe('Đặng Thị Thu-Hà');
	});
	it('refuses names too long, empty, with emoji or control characters, with a Vietnamese message', () => {
		const msg = (v: string) => name.safeParse(v).error?.issues[0].message;
		expect(msg('A'.repeat(61))).toBe('Tên dài quá 60 ký tự.');
		expect(msg('A'.repeat(200))).toBe('Tên dài quá 60 ký tự.');
		expect(name.safeParse('Ă'.repeat(60)).success).toBe(true);
		expect(msg('   ')).toBe('Vui lòng nhập tên.');
		expect(msg('Lan 🌸')).toBe('Tên không được chứa biểu tượng cảm xúc (emoji).');
		expect(msg('❤️')).toBe('Tên không được chứa biểu tượng cảm xúc (emoji).');
		expect(msg('Lan\u0007')).toBe('Tên chứa ký tự không hợp lệ.');
		expect(nameField('Tên đội', 60, false).safeParse('').success).toBe(true);
	});
	it('reads a room code as typed, 6 digits only', () => {
		expect(normaliseCode('123 456')).toBe('123456');
		expect(normaliseCode('123-456')).toBe('123456');
		expect(normaliseCode(123456)).toBe('123456');
		for (const bad of ['12345', '1234567', 'abcdef', '', null, undefined, {}]) expect(normaliseCode(bad)).toBeNull();
	});
	it('takes optional ids as numbers or form strings', () => {
		expect(LiveJoinSchema.parse({ name: 'Lan', unitId: '7', teamId: '', teamName: ' ', affiliation: null })).toEqual({
			name: 'Lan',
			unitId: 7,
			teamId: null,
			teamName: null,
			affiliation: null
		});
		expect(LiveJoinSchema.safeParse({ name: 'Lan', unitId: 'x' }).success).toBe(false);
	});
});

import { describe, it, expect } from 'vitest';
import { LoginSchema, ProfileSchema, RegisterSchema, isUnder16, keepProfileValues, keepRegisterValues } from './auth';
import { fieldErrors } from './form';

const valid = {
	fullName: 'Nguyễn Thị Hằng',
	birthDate: '2000-05-17',
	gender: 'female',
	phone: '0912 345 678',
	email: 'Hang.Nguyen@Example.VN',
	nationalId: '001 234 567 890',
	unitCode: 'HN-01',
	groupId: '2',
	password: 'mat-khau-du-dai',
	consent: 'on'
};

/** Parses and returns the field → first message map (empty when the form is valid). */
function errorsOf(input: Record<string, unknown>): Record<string, string> {
	const r = RegisterSchema.safeParse(input);
	return r.success ? {} : fieldErrors(r.error);
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('RegisterSchema', () => {
	it('requires a participant group (đối tượng) and reads its id', () => {
		expect(RegisterSchema.parse(valid).groupId).toBe(2);
		expect(errorsOf({ ...valid, groupId: undefined })).toEqual({ groupId: 'Vui lòng chọn đối tượng.' });
		expect(errorsOf({ ...valid, groupId: '' })).toEqual({ groupId: 'Vui lòng chọn đối tượng.' });
		expect(errorsOf({ ...valid, groupId: 'học sinh' })).toEqual({ groupId: 'Vui lòng chọn đối tượng.' });
	});

	it('parses a valid form and normalises it', () => {
		const r = RegisterSchema.safeParse({ ...valid, fullName: '  Nguyễn   Thị Hằng '.normalize('NFD') });
		expect(r.success).toBe(true);
		if (!r.success) return;
		expect(r.data).toEqual({
			fullName: 'Nguyễn Thị Hằng'.normalize('NFC'),
			birthDate: '2000-05-17',
			gender: 'female',
			phone: '+84912345678',
			email: 'hang.nguyen@example.vn',
			nationalId: '001234567890',
			unitCode: 'HN-01',
			groupId: 2,
			password: 'mat-khau-du-dai',
			consent: 'on',
			guardian: null
		});
	});

	it('composes an NFD name to NFC', () => {
		const r = RegisterSchema.parse({ ...valid, fullName: 'Đặng Văn Tuấn'.normalize('NFD') });
		expect(r.fullName).toBe('Đặng Văn Tuấn'.normalize('NFC'));
		expect(r.fullName).toHaveLength('Đặng Văn Tuấn'.normalize('NFC').length);
	});

	it('turns an empty or blank email into null', () => {
		expect(RegisterSchema.parse({ ...valid, email: '' }).email).toBeNull();
		expect(RegisterSchema.parse({ ...valid, email: '   ' }).email).toBeNull();
		expect(RegisterSchema.parse({ ...valid, email: undefined }).email).toBeNull();
	});

	it('turns an empty CCCD into null', () => {
		expect(RegisterSchema.parse({ ...valid, nationalId: '' }).nationalId).toBeNull();
		expect(RegisterSchema.parse({ ...valid, nationalId: undefined }).nationalId).toBeNull();
	});

	it('keeps the password exactly as typed', () => {
		expect(RegisterSchema.parse({ ...valid, password: '  Hoa Sen 2026  ' }).password).toBe('  Hoa Sen 2026  ');
	});

	it('reports missing consent on the consent field', () => {
		const { consent: _omit, ...rest } = valid;
		expect(errorsOf(rest)).toEqual({ consent: 'Bạn cần đồng ý với việc xử lý dữ liệu cá nhân để đăng ký.' });
		expect(Object.keys(errorsOf({ ...valid, consent: 'off' }))).toEqual(['consent']);
	});

	it('reports a bad phone number on the phone field', () => {
		expect(errorsOf({ ...valid, phone: '12345' })).toEqual({ phone: 'Số điện thoại không hợp lệ (ví dụ 0912 345 678).' });
		expect(Object.keys(errorsOf({ ...valid, phone: '+1 202 555 0100' }))).toEqual(['phone']);
	});

	it('reports an 11-digit CCCD on the nationalId field', () => {
		expect(errorsOf({ ...valid, nationalId: '001 234 567 89' })).toEqual({ nationalId: 'Số CCCD phải gồm đúng 12 chữ số.' });
	});

	it('reports a bad email on the email field', () => {
		expect(errorsOf({ ...valid, email: 'hang@' })).toEqual({ email: 'Email không hợp lệ.' });
	});

	it('reports a birth date in the future on the birthDate field', () => {
		expect(errorsOf({ ...valid, birthDate: '2999-01-01' })).toEqual({ birthDate: 'Ngày sinh phải trước hôm nay.' });
		const tomorrow = isoDay(Date.now() + 2 * 86_400_000);
		expect(Object.keys(errorsOf({ ...valid, birthDate: tomorrow }))).toEqual(['birthDate']);
	});

	it('rejects a birth date before 1900', () => {
		expect(Object.keys(errorsOf({ ...valid, birthDate: '1899-12-31' }))).toEqual(['birthDate']);
	});

	it('rejects a birth date that does not exist in the calendar', () => {
		expect(errorsOf({ ...valid, birthDate: '2001-02-29' })).toEqual({ birthDate: 'Ngày sinh không hợp lệ.' });
		expect(errorsOf({ ...valid, birthDate: '2000-04-31' })).toEqual({ birthDate: 'Ngày sinh không hợp lệ.' });
		expect(errorsOf({ ...valid, birthDate: '2000-13-01' })).toEqual({ birthDate: 'Ngày sinh không hợp lệ.' });
	});

	it('accepts 29 February in a leap year', () => {
		expect(errorsOf({ ...valid, birthDate: '2000-02-29' })).toEqual({});
	});

	it('rejects a birth date typed as dd/mm/yyyy', () => {
		expect(errorsOf({ ...valid, birthDate: '17/05/2000' })).toEqual({ birthDate: 'Ngày sinh không hợp lệ.' });
	});

	it('reports a short password on the password field', () => {
		expect(errorsOf({ ...valid, password: 'ngan' })).toEqual({ password: 'Mật khẩu cần ít nhất 8 ký tự.' });
	});

	it('reports an unknown gender on the gender field', () => {
		expect(errorsOf({ ...valid, gender: 'unknown' })).toEqual({ gender: 'Vui lòng chọn giới tính.' });
		expect(errorsOf({ ...valid, gender: '' })).toEqual({ gender: 'Vui lòng chọn giới tính.' });
	});

	it('rejects a name with digits', () => {
		expect(Object.keys(errorsOf({ ...valid, fullName: 'Nguyễn Văn 2' }))).toEqual(['fullName']);
	});

	it('rejects a blank unit', () => {
		expect(errorsOf({ ...valid, unitCode: '   ' })).toEqual({ unitCode: 'Vui lòng chọn đơn vị.' });
	});

	it('reports every invalid field at once', () => {
		const errors = errorsOf({ ...valid, phone: 'abc', password: '1', gender: 'x', consent: undefined });
		expect(Object.keys(errors).sort()).toEqual(['consent', 'gender', 'password', 'phone']);
	});
});

describe('LoginSchema', () => {
	it('trims the identifier but not the password', () => {
		expect(LoginSchema.parse({ identifier: ' 0912345678 ', password: ' pw ' })).toEqual({ identifier: '0912345678', password: ' pw ' });
	});

	it('requires both fields', () => {
		const r = LoginSchema.safeParse({ identifier: '  ', password: '' });
		expect(r.success).toBe(false);
		if (!r.success) expect(Object.keys(fieldErrors(r.error)).sort()).toEqual(['identifier', 'password']);
	});
});

describe('keepRegisterValues', () => {
	it('returns the non-secret fields and never the password', () => {
		const kept = keepRegisterValues({ ...valid, password: 'bí mật' });
		expect(kept).not.toHaveProperty('password');
		expect(kept).toMatchObject({ fullName: valid.fullName, phone: valid.phone, consent: true });
	});

	it('turns missing or non-string values into empty strings and consent into a boolean', () => {
		expect(keepRegisterValues({ fullName: 42, consent: 'yes' })).toEqual({
			fullName: '',
			birthDate: '',
			gender: '',
			phone: '',
			email: '',
			nationalId: '',
			unitCode: '',
			groupId: '',
			consent: false,
			guardianName: '',
			guardianPhone: '',
			guardianConsent: false
		});
	});
});

describe('RegisterSchema: children and passwords', () => {
	const yearsAgo = (n: number, days = 0) => {
		const d = new Date();
		d.setUTCFullYear(d.getUTCFullYear() - n);
		d.setUTCDate(d.getUTCDate() + days);
		return isoDay(d.getTime());
	};

	it('asks for a guardian name, phone and confirmation when the person is under 16', () => {
		const e = errorsOf({ ...valid, birthDate: yearsAgo(12) });
		expect(Object.keys(e).sort()).toEqual(['guardianConsent', 'guardianName', 'guardianPhone']);
	});

	it('accepts a child with a guardian and returns the guardian normalised', () => {
		const r = RegisterSchema.parse({
			...valid,
			birthDate: yearsAgo(12),
			guardianName: ' Trần Văn Bố ',
			guardianPhone: '0987 654 321',
			guardianConsent: 'on'
		});
		expect(r.guardian).toEqual({ name: 'Trần Văn Bố', phone: '+84987654321' });
	});

	it("refuses the child's own phone as the guardian's", () => {
		const e = errorsOf({
			...valid,
			birthDate: yearsAgo(12),
			guardianName: 'Trần Văn Bố',
			guardianPhone: valid.phone,
			guardianConsent: 'on'
		});
		expect(e.guardianPhone).toMatch(/khác số/);
	});

	it('needs no guardian from 16 on, and ignores guardian fields sent for an adult', () => {
		expect(errorsOf({ ...valid, birthDate: yearsAgo(16, -2) })).toEqual({});
		expect(RegisterSchema.parse({ ...valid, guardianName: 'Ai Đó', guardianConsent: 'on' }).guardian).toBeNull();
	});

	it('still needs a guardian the day before the 16th birthday (Hanoi calendar)', () => {
		expect(isUnder16('2010-06-02', '2026-06-01')).toBe(true);
		expect(isUnder16('2010-06-01', '2026-06-01')).toBe(false);
	});

	it('refuses a common password or one equal to the phone, with a field error on password', () => {
		expect(errorsOf({ ...valid, password: 'password123' }).password).toMatch(/phổ biến/);
		expect(errorsOf({ ...valid, password: '0912345678' }).password).toMatch(/số điện thoại/);
	});
});

describe('ProfileSchema', () => {
	const profile = {
		fullName: ' Nguyễn  Thị Hằng ',
		phone: '+84 912.345.678',
		email: 'Hang@Example.VN',
		nationalId: '',
		unitCode: '001',
		currentPassword: 'x'
	};

	it('normalises phone, email and name exactly as registration does', () => {
		const p = ProfileSchema.parse(profile);
		const r = RegisterSchema.parse({ ...valid, ...profile, nationalId: '' });
		expect([p.fullName, p.phone, p.email]).toEqual([r.fullName, r.phone, r.email]);
		expect(p).toMatchObject({ phone: '+84912345678', email: 'hang@example.vn', nationalId: null, removeNationalId: false });
	});

	it('refuses a new CCCD together with removing the stored one, and a malformed CCCD', () => {
		const both = ProfileSchema.safeParse({ ...profile, nationalId: '001234567890', removeNationalId: 'on' });
		expect(both.success ? {} : fieldErrors(both.error)).toEqual({ nationalId: 'Hãy để trống số CCCD khi chọn xóa số đã khai.' });
		const bad = ProfileSchema.safeParse({ ...profile, nationalId: '12345' });
		expect(bad.success ? {} : fieldErrors(bad.error)).toEqual({ nationalId: 'Số CCCD phải gồm đúng 12 chữ số.' });
	});

	it('answers a missing phone in Vietnamese and never keeps the password', () => {
		const r = ProfileSchema.safeParse({ fullName: 'Lan Anh', unitCode: '001' });
		expect(r.success ? {} : fieldErrors(r.error)).toEqual({ phone: 'Vui lòng nhập số điện thoại.' });
		expect(keepProfileValues({ ...profile, currentPassword: 'bí mật' })).not.toHaveProperty('currentPassword');
	});
});

describe('empty required fields', () => {
	it('say "Vui lòng nhập …" (or "chọn …") on registration, whether empty, blank or missing — not "không hợp lệ"', () => {
		const expected = {
			fullName: 'Vui lòng nhập họ và tên.',
			birthDate: 'Vui lòng nhập ngày sinh.',
			gender: 'Vui lòng chọn giới tính.',
			phone: 'Vui lòng nhập số điện thoại.',
			unitCode: 'Vui lòng chọn đơn vị.',
			groupId: 'Vui lòng chọn đối tượng.',
			password: 'Vui lòng nhập mật khẩu.',
			consent: 'Bạn cần đồng ý với việc xử lý dữ liệu cá nhân để đăng ký.'
		};
		expect(errorsOf({})).toEqual(expected);
		expect(errorsOf({ fullName: '', birthDate: '', gender: '', phone: '', unitCode: '', password: '', email: '', nationalId: '' })).toEqual(
			expected
		);
		expect(errorsOf({ fullName: '   ', birthDate: ' ', gender: '', phone: '  ', unitCode: ' ', password: '   ' })).toEqual(expected);
	});

	it('keep the format messages for something typed wrong', () => {
		expect(errorsOf({ ...valid, phone: '12' })).toEqual({ phone: 'Số điện thoại không hợp lệ (ví dụ 0912 345 678).' });
		expect(errorsOf({ ...valid, birthDate: '20/05/1990' })).toEqual({ birthDate: 'Ngày sinh không hợp lệ.' });
		expect(errorsOf({ ...valid, fullName: 'A' })).toEqual({ fullName: 'Vui lòng nhập đầy đủ họ và tên.' });
		expect(errorsOf({ ...valid, password: 'ngan' })).toEqual({ password: 'Mật khẩu cần ít nhất 8 ký tự.' });
	});

	it('say "Vui lòng nhập …" on the login form and the profile form', () => {
		const login = LoginSchema.safeParse({});
		expect(login.success ? {} : fieldErrors(login.error)).toEqual({
			identifier: 'Vui lòng nhập số điện thoại hoặc email.',
			password: 'Vui lòng nhập mật khẩu.'
		});
		const blank = LoginSchema.safeParse({ identifier: '  ', password: '' });
		expect(blank.success ? {} : fieldErrors(blank.error)).toEqual({
			identifier: 'Vui lòng nhập số điện thoại hoặc email.',
			password: 'Vui lòng nhập mật khẩu.'
		});
		const profile = ProfileSchema.safeParse({ fullName: ' ', phone: '', unitCode: '' });
		expect(profile.success ? {} : fieldErrors(profile.error)).toEqual({
			fullName: 'Vui lòng nhập họ và tên.',
			phone: 'Vui lòng nhập số điện thoại.',
			unitCode: 'Vui lòng chọn đơn vị.'
		});
	});
});

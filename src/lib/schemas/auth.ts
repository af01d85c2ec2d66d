import { z } from 'zod';
import { normalisePhone } from '../vn/phone';
import { normaliseEmail, normaliseNationalId } from '../vn/identity';
import { cleanText } from '../vn/text';
import { toLocalInput } from '../vn/time';
import { passwordProblem } from './password';
import { required } from './required';

/** Version of the personal-data consent text shown at registration; stored with the consent. */
export const CONSENT_VERSION = '2026-12-01';

/** Today's date in Hanoi (YYYY-MM-DD): a birth date is judged by the local calendar. */
const today = () => toLocalInput(Date.now()).slice(0, 10);

/** Children's accounts (under this age on the day they register) need a guardian's confirmation. */
export const GUARDIAN_AGE = 16;

/** True when someone born on `birthDate` (YYYY-MM-DD) is not yet 16 on `on` (YYYY-MM-DD, Hanoi). */
export function isUnder16(birthDate: string, on: string = today()): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || !/^\d{4}-\d{2}-\d{2}$/.test(on)) return false;
	const cutoff = String(Number(on.slice(0, 4)) - GUARDIAN_AGE).padStart(4, '0') + on.slice(4);
	return birthDate > cutoff;
}

const optionalText = (max: number) =>
	z
		.string()
		.max(1000)
		.optional()
		.transform((s) => (s == null ? '' : cleanText(s)))
		.pipe(z.string().max(max));

/**
 * The identity fields shared by registration and profile edits: one rule for each, so a phone
 * typed as "0912.345.678" or an email in capitals meets the UNIQUE index in the same form. The
 * output is already normalised: phone in E.164, email lowercased, CCCD as 12 digits (hashed by
 * the server).
 */
const fullNameField = required(
	'họ và tên',
	z
		.string({ error: 'Họ và tên không hợp lệ.' })
		.transform(cleanText)
		.pipe(
			z
				.string()
				.min(2, 'Vui lòng nhập đầy đủ họ và tên.')
				.max(100, 'Họ và tên quá dài (tối đa 100 ký tự).')
				.regex(/^[\p{L}\p{M}' .-]+$/u, 'Họ và tên chỉ gồm chữ cái và khoảng trắng.')
		)
);
const phoneField = required(
	'số điện thoại',
	z.string({ error: 'Số điện thoại không hợp lệ (ví dụ 0912 345 678).' }).transform((s, ctx) => {
		const p = normalisePhone(s);
		if (!p) {
			ctx.addIssue({ code: 'custom', message: 'Số điện thoại không hợp lệ (ví dụ 0912 345 678).' });
			return z.NEVER;
		}
		return p;
	})
);
const emailField = z
	.string()
	.optional()
	.transform((s, ctx) => {
		if (!s || s.trim() === '') return null;
		const e = normaliseEmail(s);
		if (!e) {
			ctx.addIssue({ code: 'custom', message: 'Email không hợp lệ.' });
			return z.NEVER;
		}
		return e;
	});
const nationalIdField = z
	.string()
	.optional()
	.transform((s, ctx) => {
		if (!s || s.trim() === '') return null;
		const n = normaliseNationalId(s);
		if (!n) {
			ctx.addIssue({ code: 'custom', message: 'Số CCCD phải gồm đúng 12 chữ số.' });
			return z.NEVER;
		}
		return n;
	});
/** The participant group (đối tượng) by id: required at registration, from the organisers' list. */
export const groupIdField = z
	.string({ error: 'Vui lòng chọn đối tượng.' })
	.trim()
	.regex(/^\d{1,9}$/, 'Vui lòng chọn đối tượng.')
	.transform(Number);
const unitCodeField = z.string({ error: 'Vui lòng chọn đơn vị.' }).trim().min(1, 'Vui lòng chọn đơn vị.').max(20, 'Đơn vị không hợp lệ.');

/** Registration form. Shared by the form (labels, hints) and the server (parsing). */
export const RegisterSchema = z
	.object({
		fullName: fullNameField,
		birthDate: required(
			'ngày sinh',
			z
				.string({ error: 'Ngày sinh không hợp lệ.' })
				.regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày sinh không hợp lệ.')
				// Date.parse rolls 2000-02-30 over to 1 March; a real date survives the round trip.
				.refine((s) => {
					const t = Date.parse(s + 'T00:00:00Z');
					return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
				}, 'Ngày sinh không hợp lệ.')
				.refine((s) => s >= '1900-01-01' && s < today(), 'Ngày sinh phải trước hôm nay.')
		),
		gender: z.enum(['female', 'male', 'other'], { error: 'Vui lòng chọn giới tính.' }),
		phone: phoneField,
		email: emailField,
		nationalId: nationalIdField,
		unitCode: unitCodeField,
		groupId: groupIdField,
		password: required(
			'mật khẩu',
			z.string({ error: 'Mật khẩu không hợp lệ.' }).min(8, 'Mật khẩu cần ít nhất 8 ký tự.').max(200, 'Mật khẩu quá dài.')
		),
		consent: z.literal('on', { error: 'Bạn cần đồng ý với việc xử lý dữ liệu cá nhân để đăng ký.' }),
		// Only for children under 16 (checked below); ignored for adults.
		guardianName: optionalText(100),
		guardianPhone: z.string().max(100).optional(),
		guardianConsent: z.string().max(10).optional()
	})
	.transform((v, ctx) => {
		const problem = passwordProblem(v.password, { phone: v.phone, email: v.email, fullName: v.fullName });
		if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
		let guardian: { name: string; phone: string } | null = null;
		if (isUnder16(v.birthDate)) {
			const phone = normalisePhone(v.guardianPhone ?? '');
			if (v.guardianName.length < 2 || !/^[\p{L}\p{M}' .-]+$/u.test(v.guardianName))
				ctx.addIssue({ code: 'custom', path: ['guardianName'], message: 'Vui lòng nhập họ và tên cha, mẹ hoặc người giám hộ.' });
			if (!phone)
				ctx.addIssue({
					code: 'custom',
					path: ['guardianPhone'],
					message: 'Vui lòng nhập số điện thoại hợp lệ của cha, mẹ hoặc người giám hộ.'
				});
			else if (phone === v.phone)
				ctx.addIssue({ code: 'custom', path: ['guardianPhone'], message: 'Số điện thoại người giám hộ phải khác số của người dự thi.' });
			if (v.guardianConsent !== 'on')
				ctx.addIssue({
					code: 'custom',
					path: ['guardianConsent'],
					message: 'Người dự thi dưới 16 tuổi cần cha, mẹ hoặc người giám hộ đồng ý.'
				});
			guardian = { name: v.guardianName, phone: phone ?? '' };
		}
		const { guardianName: _n, guardianPhone: _p, guardianConsent: _c, ...rest } = v;
		return { ...rest, guardian };
	});

export const LoginSchema = z.object({
	identifier: required(
		'số điện thoại hoặc email',
		z.string({ error: 'Số điện thoại hoặc email không hợp lệ.' }).trim().max(254, 'Số điện thoại hoặc email quá dài.')
	),
	password: required('mật khẩu', z.string({ error: 'Mật khẩu không hợp lệ.' }).max(200, 'Mật khẩu quá dài.'))
});

/**
 * "Thông tin cá nhân" on the account page. The CCCD is stored only as an HMAC, so the form never
 * shows it: an empty box keeps the stored one, `removeNationalId` clears it. Changing phone,
 * email or CCCD needs the current password (checked by the service, which knows what changed).
 */
export const ProfileSchema = z
	.object({
		fullName: fullNameField,
		phone: phoneField,
		email: emailField,
		nationalId: nationalIdField,
		removeNationalId: z
			.string()
			.max(10)
			.optional()
			.transform((s) => s === 'on'),
		unitCode: unitCodeField,
		currentPassword: z
			.string()
			.max(200, 'Mật khẩu quá dài.')
			.optional()
			.transform((s) => s ?? '')
	})
	.superRefine((v, ctx) => {
		if (v.removeNationalId && v.nationalId)
			ctx.addIssue({ code: 'custom', path: ['nationalId'], message: 'Hãy để trống số CCCD khi chọn xóa số đã khai.' });
	});

/** What the profile form gets back after an error: never the password. */
export function keepProfileValues(raw: Record<string, unknown>) {
	const pick = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string).slice(0, 300) : '');
	return {
		fullName: pick('fullName'),
		phone: pick('phone'),
		email: pick('email'),
		nationalId: pick('nationalId'),
		removeNationalId: raw.removeNationalId === 'on',
		unitCode: pick('unitCode')
	};
}

/** Only non-secret fields go back to the form after an error. */
export function keepRegisterValues(raw: Record<string, unknown>) {
	const pick = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string).slice(0, 300) : '');
	return {
		fullName: pick('fullName'),
		birthDate: pick('birthDate'),
		gender: pick('gender'),
		phone: pick('phone'),
		email: pick('email'),
		nationalId: pick('nationalId'),
		unitCode: pick('unitCode'),
		groupId: pick('groupId'),
		consent: raw.consent === 'on',
		guardianName: pick('guardianName'),
		guardianPhone: pick('guardianPhone'),
		guardianConsent: raw.guardianConsent === 'on'
	};
}

import { z } from 'zod';
import { normalisePhone } from '../vn/phone';
import { normaliseEmail, normaliseNationalId } from '../vn/identity';
import { cleanText } from '../vn/text';
import { toLocalInput } from '../vn/time';

/** Version of the personal-data consent text shown at registration; stored with the consent. */
export const CONSENT_VERSION = '2026-12-01';

/** Today's date in Hanoi (YYYY-MM-DD): a birth date is judged by the local calendar. */
const today = () => toLocalInput(Date.now()).slice(0, 10);

/**
 * Registration form. Shared by the form (labels, hints) and the server (parsing). The output is
 * already normalised: phone in E.164, email lowercased, CCCD as 12 digits (hashed by the server).
 */
export const RegisterSchema = z.object({
	fullName: z
		.string()
		.transform(cleanText)
		.pipe(
			z
				.string()
				.min(2, 'Vui lòng nhập họ và tên.')
				.max(100, 'Họ và tên quá dài (tối đa 100 ký tự).')
				.regex(/^[\p{L}\p{M}' .-]+$/u, 'Họ và tên chỉ gồm chữ cái và khoảng trắng.')
		),
	birthDate: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày sinh không hợp lệ.')
		// Date.parse rolls 2000-02-30 over to 1 March; a real date survives the round trip.
		.refine((s) => {
			const t = Date.parse(s + 'T00:00:00Z');
			return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
		}, 'Ngày sinh không hợp lệ.')
		.refine((s) => s >= '1900-01-01' && s < today(), 'Ngày sinh phải trước hôm nay.'),
	gender: z.enum(['female', 'male', 'other'], { error: 'Vui lòng chọn giới tính.' }),
	phone: z
		.string()
		.transform((s, ctx) => {
			const p = normalisePhone(s);
			if (!p) {
				ctx.addIssue({ code: 'custom', message: 'Số điện thoại không hợp lệ (ví dụ 0912 345 678).' });
				return z.NEVER;
			}
			return p;
		}),
	email: z
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
		}),
	nationalId: z
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
		}),
	unitCode: z.string().trim().min(1, 'Vui lòng chọn đơn vị.').max(20, 'Đơn vị không hợp lệ.'),
	password: z
		.string()
		.min(8, 'Mật khẩu cần ít nhất 8 ký tự.')
		.max(200, 'Mật khẩu quá dài.'),
	consent: z.literal('on', { error: 'Bạn cần đồng ý với việc xử lý dữ liệu cá nhân để đăng ký.' })
});
export type RegisterInput = z.infer<typeof RegisterSchema>;

export const LoginSchema = z.object({
	identifier: z.string().trim().min(1, 'Vui lòng nhập số điện thoại hoặc email.').max(254),
	password: z.string().min(1, 'Vui lòng nhập mật khẩu.').max(200)
});

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
		consent: raw.consent === 'on'
	};
}

/** zod issues → { field: first message }. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const out: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? 'form');
		out[key] ??= issue.message;
	}
	return out;
}

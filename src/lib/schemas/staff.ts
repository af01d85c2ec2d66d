import { z } from 'zod';
import { normalisePhone } from '../vn/phone';
import { normaliseEmail } from '../vn/identity';
import { required } from './required';

/**
 * The staff page (/admin/staff) and the forgotten-password pages. The account's own fields (name,
 * phone, email, unit) are checked once more by the registration schema when the account is made
 * (users/staff.ts staffAccount): these schemas only take the form apart.
 */

const STAFF = ['district_lead', 'organiser', 'admin'] as const;
const ROLES = ['participant', 'district_lead', 'organiser', 'admin'] as const;
const unitCode = z
	.string()
	.max(20, 'Đơn vị không hợp lệ.')
	.optional()
	.transform((s) => (s ?? '').trim());

export const StaffCreateSchema = z.object({
	fullName: required('họ và tên', z.string().max(200, 'Họ và tên quá dài (tối đa 100 ký tự).')),
	phone: required('số điện thoại', z.string().max(40, 'Số điện thoại không hợp lệ (ví dụ 0912 345 678).')),
	email: z
		.string()
		.max(254, 'Email không hợp lệ.')
		.optional()
		.transform((s) => s ?? ''),
	role: z.enum(STAFF, { error: 'Vui lòng chọn vai trò.' }),
	unitCode
});

export const StaffUpdateSchema = z.object({
	role: z.enum(ROLES, { error: 'Vai trò không hợp lệ.' }),
	unitCode
});

/** Deactivating asks for a tick: a click alone does not lock someone out. */
export const StaffDeactivateSchema = z.object({
	confirm: z.literal('on', { error: 'Vui lòng đánh dấu xác nhận trước khi khóa tài khoản.' })
});

export const IssueCodeSchema = z.object({
	userId: z
		.string({ error: 'Tài khoản không hợp lệ.' })
		.regex(/^[1-9]\d{0,12}$/, 'Tài khoản không hợp lệ.')
		.transform(Number)
});

const newPassword = {
	password: required('mật khẩu mới', z.string().min(8, 'Mật khẩu cần ít nhất 8 ký tự.').max(200, 'Mật khẩu quá dài.')),
	password2: required('lại mật khẩu mới', z.string().max(200, 'Mật khẩu quá dài.'))
};
const samePasswords = (v: { password: string; password2: string }, ctx: z.RefinementCtx) => {
	if (v.password !== v.password2) ctx.addIssue({ code: 'custom', path: ['password2'], message: 'Hai lần nhập mật khẩu không khớp.' });
};

/** "Tôi có mã đặt lại": phone + the officer's code + the new password twice. */
export const ResetWithCodeSchema = z
	.object({
		phone: required(
			'số điện thoại',
			z.string().transform((s, ctx) => {
				const p = normalisePhone(s);
				if (!p) {
					ctx.addIssue({ code: 'custom', message: 'Số điện thoại không hợp lệ (ví dụ 0912 345 678).' });
					return z.NEVER;
				}
				return p;
			})
		),
		code: required('mã đặt lại mật khẩu', z.string().max(80, 'Mã không đúng định dạng.')),
		...newPassword
	})
	.superRefine(samePasswords);

export const ResetLinkRequestSchema = z.object({
	email: required(
		'email',
		z.string().transform((s, ctx) => {
			const e = normaliseEmail(s);
			if (!e) {
				ctx.addIssue({ code: 'custom', message: 'Email không hợp lệ.' });
				return z.NEVER;
			}
			return e;
		})
	)
});

export const ResetWithLinkSchema = z
	.object({
		token: z.string({ error: 'Liên kết không hợp lệ.' }).max(300, 'Liên kết không hợp lệ.'),
		...newPassword
	})
	.superRefine(samePasswords);

import { z } from 'zod';

/** One unit's target typed inline: "12.500", "12500" or empty (no target). */
export const TargetSchema = z.object({
	unitId: z.coerce.number().int().positive('Đơn vị không hợp lệ.'),
	target: z
		.string()
		.trim()
		.max(15, 'Chỉ tiêu quá dài.')
		.transform((s, ctx) => {
			if (s === '') return null;
			if (!/^\d{1,3}([.\s]\d{3})+$|^\d+$/.test(s)) {
				ctx.addIssue({ code: 'custom', message: 'Chỉ tiêu phải là số nguyên không âm (ví dụ 12.500).' });
				return z.NEVER;
			}
			const n = Number(s.replace(/[.\s]/g, ''));
			if (n > 100_000_000) {
				ctx.addIssue({ code: 'custom', message: 'Chỉ tiêu quá lớn.' });
				return z.NEVER;
			}
			return n;
		})
});

/** A participant group's name (organisers' list). */
export const GroupNameSchema = z.object({
	name: z
		.string({ error: 'Vui lòng nhập tên nhóm đối tượng.' })
		.transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
		.pipe(z.string().min(2, 'Vui lòng nhập tên nhóm đối tượng.').max(80, 'Tên nhóm quá dài (tối đa 80 ký tự).'))
});
export const GroupIdSchema = z.object({ id: z.coerce.number().int().positive('Nhóm không hợp lệ.') });

import { z } from 'zod';
import { cleanMultiline } from '../vn/text';

/**
 * The word a person types to confirm erasing their data (a checkbox is too easy to tick by mistake).
 * Shown in the modern spelling; the older tone placement (XOÁ) and no diacritics are accepted too.
 */
export const DELETE_WORD = 'XÓA';
const DELETE_WORDS = new Set([DELETE_WORD, 'XOÁ', 'XOA']);

export const DeletionRequestSchema = z.object({
	confirmWord: z
		.string({ error: `Vui lòng gõ ${DELETE_WORD} để xác nhận.` })
		.max(20, `Vui lòng gõ ${DELETE_WORD} để xác nhận.`)
		.transform((s) => s.normalize('NFC').trim().toUpperCase())
		.refine((s) => DELETE_WORDS.has(s), `Vui lòng gõ ${DELETE_WORD} để xác nhận.`),
	reason: z
		.string()
		.max(2000, 'Lý do quá dài (tối đa 1.000 ký tự).')
		.optional()
		.transform((s) => cleanMultiline(s ?? ''))
		.pipe(z.string().max(1000, 'Lý do quá dài (tối đa 1.000 ký tự).'))
});

export const DeletionDecisionSchema = z.object({
	requestId: z
		.string()
		.regex(/^[1-9]\d{0,12}$/, 'Yêu cầu không hợp lệ.')
		.transform(Number),
	note: z
		.string()
		.max(2000, 'Ghi chú quá dài.')
		.optional()
		.transform((s) => cleanMultiline(s ?? ''))
		.pipe(z.string().max(1000, 'Ghi chú quá dài.'))
});

export const RoleChangeSchema = z.object({
	role: z.enum(['participant', 'district_lead', 'organiser', 'admin'], { error: 'Vai trò không hợp lệ.' })
});

import { z } from 'zod';
import { required } from './required';
import { QuotaSchema, quotasFromForm } from './contest';
import { LIVE_TEAM_NAME_MAX } from '../live/protocol';
import { nameField } from './live';

/**
 * The forms that prepare a live hội thi (issue 14 items 1 and 4): the game's settings, the draw of
 * its questions, its teams, judged parts and judges. Shared by the pages and the server
 * (src/lib/server/live/setup.ts), so the limits the page shows are the ones the server applies.
 */

export const LIVE_SECONDS = { min: 5, max: 120, default: 20 } as const;
export const LIVE_QUESTIONS_MAX = 100;
export const LIVE_SCALE_MAX = 100;
/** Weights are typed as a factor (“1”, “0,5”) and stored per mille. */
const LIVE_WEIGHT_MAX = 10;

const isTicked = (v: unknown) => v === true || v === 'on' || v === '1';
const checkbox = z
	.union([z.boolean(), z.literal('on'), z.literal('1'), z.literal('')])
	.optional()
	.transform(isTicked);

/**
 * A text the host types (title, team, part, judge): the join form's rule (schemas/live.ts
 * nameField: NFC-cleaned, emoji and control characters refused, never silently cut), required,
 * at least `min` characters.
 */
const shortText = (what: string, Label: string, min: number, max: number) =>
	required(
		what,
		nameField(Label, max, true).refine((s) => [...s].length >= min, `${Label} cần ít nhất ${min} ký tự.`)
	);

const wholeNumber = (what: string, Label: string, min: number, max: number) =>
	required(
		what,
		z.coerce
			.number({ error: `${Label} phải là một số.` })
			.int(`${Label} phải là số nguyên.`)
			.min(min, `${Label} tối thiểu là ${min}.`)
			.max(max, `${Label} tối đa là ${max}.`)
	);

/** An optional whole number: empty → null. */
const optionalNumber = (Label: string, min: number, max: number) =>
	z.preprocess(
		(v) => (typeof v === 'string' && v.trim() === '' ? null : v),
		z.coerce
			.number({ error: `${Label} phải là một số.` })
			.int(`${Label} phải là số nguyên.`)
			.min(min, `${Label} tối thiểu là ${min}.`)
			.max(max, `${Label} tối đa là ${max}.`)
			.nullable()
	);

/** “1”, “0,5”, “1.5” → per mille (1000, 500, 1500). */
const weight = (Label: string) =>
	required(
		Label.toLocaleLowerCase('vi'),
		z.preprocess(
			(v) => (typeof v === 'string' ? v.trim().replace(',', '.') : v),
			z.coerce
				.number({ error: `${Label} phải là một số, ví dụ 1 hoặc 0,5.` })
				.min(0, `${Label} không được âm.`)
				.max(LIVE_WEIGHT_MAX, `${Label} tối đa là ${LIVE_WEIGHT_MAX}.`)
				.transform((x) => Math.round(x * 1000))
		)
	);

const GameTitle = shortText('tên hội thi', 'Tên hội thi', 3, 200);

/** Who a game belongs to: a unit id, or '' for the city level (organisers only; a district lead's is forced). */
const unitChoice = z
	.union([z.literal(''), z.coerce.number().int().positive()], { error: 'Đơn vị không hợp lệ.' })
	.optional()
	.transform((v) => (v === '' || v == null ? null : v));

export const DrawSchema = z
	.object({
		questionCount: wholeNumber('số câu hỏi', 'Số câu hỏi', 1, LIVE_QUESTIONS_MAX),
		quotas: z.array(QuotaSchema).max(20)
	})
	.superRefine((r, ctx) => {
		const sum = r.quotas.reduce((s, q) => s + q.count, 0);
		if (sum > r.questionCount)
			ctx.addIssue({ code: 'custom', path: ['quotas'], message: `Tổng hạn mức (${sum}) vượt quá số câu hỏi (${r.questionCount}).` });
	});
export type DrawInput = z.infer<typeof DrawSchema>;

/** The “new game” form: a title, the unit, and the questions drawn by quotas (picked by hand later if wanted). */
export const NewGameSchema = z.object({ title: GameTitle, unitId: unitChoice }).and(DrawSchema);
export type NewGameInput = z.infer<typeof NewGameSchema>;

export const SettingsSchema = z
	.object({
		title: GameTitle,
		unitId: unitChoice,
		secondsPerQuestion: wholeNumber('số giây mỗi câu', 'Số giây mỗi câu', LIVE_SECONDS.min, LIVE_SECONDS.max),
		displayMode: z.enum(['projector', 'no_projector'], { error: 'Vui lòng chọn cách trình chiếu.' }),
		speedBonus: checkbox,
		teamMode: z.enum(['none', 'unit', 'custom'], { error: 'Vui lòng chọn cách chia đội.' }),
		teamScoring: z.enum(['average', 'sum'], { error: 'Vui lòng chọn cách tính điểm đội.' }),
		quizWeight: weight('Hệ số phần trắc nghiệm'),
		judgedWeight: weight('Hệ số phần giám khảo chấm'),
		/** Question numbers as the host sees them (1-based); stored as positions (0-based) by the service. */
		eliminationAfter: optionalNumber('Câu loại', 1, LIVE_QUESTIONS_MAX),
		eliminationKeep: optionalNumber('Số người đi tiếp', 1, 100_000),
		revivePosition: optionalNumber('Câu cứu trợ', 1, LIVE_QUESTIONS_MAX)
	})
	.superRefine((r, ctx) => {
		if ((r.eliminationAfter == null) !== (r.eliminationKeep == null))
			ctx.addIssue({
				code: 'custom',
				path: [r.eliminationAfter == null ? 'eliminationAfter' : 'eliminationKeep'],
				message: 'Vòng loại cần cả “sau câu thứ” và “số người đi tiếp” (hoặc để trống cả hai).'
			});
		if (r.revivePosition != null && r.eliminationAfter == null)
			ctx.addIssue({ code: 'custom', path: ['revivePosition'], message: 'Câu cứu trợ chỉ dùng khi có vòng loại.' });
		if (r.revivePosition != null && r.eliminationAfter != null && r.revivePosition <= r.eliminationAfter)
			ctx.addIssue({ code: 'custom', path: ['revivePosition'], message: 'Câu cứu trợ phải đến sau câu loại.' });
		if (r.quizWeight === 0 && r.judgedWeight === 0)
			ctx.addIssue({ code: 'custom', path: ['quizWeight'], message: 'Ít nhất một hệ số phải lớn hơn 0.' });
	});
export type SettingsInput = z.infer<typeof SettingsSchema>;

export const TeamSchema = z.object({ name: shortText('tên đội', 'Tên đội', 1, LIVE_TEAM_NAME_MAX) });
export const PartSchema = z.object({
	title: shortText('tên phần thi', 'Tên phần thi', 2, 120),
	scaleMax: wholeNumber('thang điểm', 'Thang điểm', 1, LIVE_SCALE_MAX)
});
export type PartInput = z.infer<typeof PartSchema>;
export const JudgeSchema = z.object({ name: shortText('tên giám khảo', 'Tên giám khảo', 1, 80) });

/** Picked question ids (checkboxes `questionId`), at most a game's worth. */
export const PickSchema = z.object({
	ids: z
		.array(z.coerce.number().int().positive())
		.min(1, 'Vui lòng chọn ít nhất một câu hỏi.')
		.max(LIVE_QUESTIONS_MAX, `Một hội thi có tối đa ${LIVE_QUESTIONS_MAX} câu hỏi.`)
});

/** The confirmation box of “Mở phòng” and “Xóa”: a forged or absent tick is refused. */
export const ConfirmSchema = z.object({ confirm: z.literal('on', { error: 'Vui lòng đánh dấu ô xác nhận.' }) });

/** FormData → what DrawSchema / NewGameSchema read. */
export function drawFormToObject(form: FormData): Record<string, unknown> {
	const one = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v : undefined;
	};
	return { title: one('title'), unitId: one('unitId'), questionCount: one('questionCount'), quotas: quotasFromForm(form) };
}

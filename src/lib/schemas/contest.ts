import { z } from 'zod';
import { cleanMultiline, cleanText } from '../vn/text';
import { fromLocalInput } from '../vn/time';
import { required } from './required';
import { fieldErrors, type FieldErrors } from './form';

export const ContestSchema = z.object({
	title: required(
		'tên cuộc thi',
		z
			.string({ error: 'Tên cuộc thi không hợp lệ.' })
			.transform(cleanText)
			.pipe(z.string().min(5, 'Tên cuộc thi cần ít nhất 5 ký tự.').max(200, 'Tên cuộc thi tối đa 200 ký tự.'))
	),
	rules: z.string().default('').transform(cleanMultiline).pipe(z.string().max(20_000, 'Thể lệ tối đa 20.000 ký tự.')),
	status: z.enum(['draft', 'published', 'archived'], { error: 'Trạng thái không hợp lệ.' }),
	/** "Không dùng câu hỏi của vòng đang mở cho ôn tập" (a checkbox: "on" when ticked). */
	practiceHidesOpenRounds: z
		.union([z.boolean(), z.literal('on'), z.literal('')], { error: 'Lựa chọn ôn tập không hợp lệ.' })
		.optional()
		.transform((v) => v === true || v === 'on')
});
export type ContestInput = z.infer<typeof ContestSchema>;

/** "Thời gian mở" → "thời gian mở", for "Vui lòng nhập thời gian mở." */
const lower = (label: string) => label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);

const localDateTime = (label: string) =>
	required(
		lower(label),
		z.string({ error: `${label} không hợp lệ (dd/mm/yyyy hh:mm).` }).transform((s, ctx) => {
			const ms = fromLocalInput(s);
			if (ms == null) {
				ctx.addIssue({ code: 'custom', message: `${label} không hợp lệ (dd/mm/yyyy hh:mm).` });
				return z.NEVER;
			}
			return ms;
		})
	);

const int = (label: string, min: number, max: number) =>
	required(
		lower(label),
		z.coerce
			.number({ error: `${label} phải là một số.` })
			.int(`${label} phải là số nguyên.`)
			.min(min, `${label} tối thiểu là ${min}.`)
			.max(max, `${label} tối đa là ${max}.`)
	);

export const QuotaSchema = z.object({
	topicId: z.number().int().positive('Chủ đề không hợp lệ.').nullable(),
	difficulty: z.number().int().min(1, 'Độ khó không hợp lệ.').max(3, 'Độ khó không hợp lệ.').nullable(),
	count: z
		.number({ error: 'Số câu của hạn mức phải là một số.' })
		.int('Số câu của hạn mức phải là số nguyên.')
		.min(1, 'Số câu của hạn mức tối thiểu là 1.')
		.max(100, 'Số câu của hạn mức tối đa là 100.')
});

/**
 * Round form. Times are typed in Hanoi time (datetime-local) and stored as UTC ms.
 * Quotas arrive as parallel lists (quotaTopic[], quotaDifficulty[], quotaCount[]); empty rows are ignored.
 */
const isTicked = (v: unknown) => v === true || v === 'on';

/** Equal forms (issue 15 item 6): the band of a form's expected score around the round's mean, points out of 10. */
export const FORM_BAND = { min: 0.1, max: 3, default: 0.5 } as const;

const RoundFields = z
	.object({
		title: required(
			'tên đợt thi',
			z
				.string({ error: 'Tên đợt thi không hợp lệ.' })
				.transform(cleanText)
				.pipe(z.string().min(2, 'Tên đợt thi cần ít nhất 2 ký tự.').max(200, 'Tên đợt thi tối đa 200 ký tự.'))
		),
		opensAt: localDateTime('Thời gian mở'),
		closesAt: localDateTime('Thời gian đóng'),
		questionCount: int('Số câu hỏi', 1, 100),
		timeLimitMinutes: int('Thời gian làm bài', 1, 180),
		maxAttempts: int('Số lượt thi tối đa', 1, 20),
		revealPolicy: z.enum(['after_submit', 'after_close'], { error: 'Vui lòng chọn thời điểm công bố đáp án.' }),
		/** "Vòng có giải thưởng" (a checkbox: "on" when ticked). */
		hasPrizes: z
			.union([z.boolean(), z.literal('on'), z.literal('')])
			.optional()
			.transform(isTicked),
		predictionKind: z
			.enum(['', 'participants', 'attempts', 'perfect_scores'], { error: 'Loại câu dự đoán không hợp lệ.' })
			.transform((v) => (v === '' ? null : v)),
		predictionQuestion: z.string().default('').transform(cleanText).pipe(z.string().max(500, 'Câu hỏi dự đoán tối đa 500 ký tự.')),
		quotas: z.array(QuotaSchema).max(20),
		/** Equal forms: "±0,5" of 10 points by default; typed with a comma or a dot; empty = the default. */
		formBand: z
			.preprocess(
				(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().replace(',', '.')) : v),
				z.coerce
					.number({ error: 'Độ lệch cho phép phải là một số, ví dụ 0,5.' })
					.min(FORM_BAND.min, `Độ lệch cho phép tối thiểu là ${String(FORM_BAND.min).replace('.', ',')} điểm.`)
					.max(FORM_BAND.max, `Độ lệch cho phép tối đa là ${FORM_BAND.max} điểm.`)
					.optional()
			)
			.transform((v) => (v == null ? FORM_BAND.default : Math.round(v * 100) / 100))
	})
	.superRefine((r, ctx) => {
		if (r.closesAt <= r.opensAt) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'Thời gian đóng phải sau thời gian mở.' });
		if (r.predictionKind && r.predictionQuestion.length < 5)
			ctx.addIssue({ code: 'custom', path: ['predictionQuestion'], message: 'Vui lòng nhập nội dung câu hỏi dự đoán.' });
		const sum = r.quotas.reduce((s, q) => s + q.count, 0);
		if (sum > r.questionCount)
			ctx.addIssue({ code: 'custom', path: ['quotas'], message: `Tổng hạn mức (${sum}) vượt quá số câu hỏi (${r.questionCount}).` });
	});
/**
 * The round form: a prize round whose reveal policy was left out gets the prize default (after
 * the close, issue 18 item 6); a policy the organiser chose is kept, whatever it is.
 */
export const RoundSchema = z.preprocess(
	(o) =>
		o && typeof o === 'object' && !(o as { revealPolicy?: unknown }).revealPolicy && isTicked((o as { hasPrizes?: unknown }).hasPrizes)
			? { ...o, revealPolicy: defaultRevealPolicy(true) }
			: o,
	RoundFields
);
export type RoundInput = z.infer<typeof RoundSchema>;

/**
 * A prize round reveals answers and explanations only once it has closed: revealed right after
 * hand-in, a few people with 3 attempts each could collect a verified answer key while it is open.
 */
function defaultRevealPolicy(hasPrizes: boolean): 'after_submit' | 'after_close' {
	return hasPrizes ? 'after_close' : 'after_submit';
}

/** What the round form says beside "Vòng có giải thưởng". */
export const PRIZE_REVEAL_HINT =
	'Vòng có giải: đáp án và giải thích chỉ hiện khi vòng đã đóng, để không ai gom được bộ đáp án trong lúc vòng còn mở.';

/** FormData → plain object the RoundSchema understands (repeated quota fields become a list). */
export function roundFormToObject(form: FormData): Record<string, unknown> {
	const o: Record<string, unknown> = {};
	for (const k of [
		'title',
		'opensAt',
		'closesAt',
		'questionCount',
		'timeLimitMinutes',
		'maxAttempts',
		'revealPolicy',
		'hasPrizes',
		'predictionKind',
		'predictionQuestion',
		'formBand'
	]) {
		const v = form.get(k);
		o[k] = typeof v === 'string' ? v : undefined;
	}
	o.quotas = quotasFromForm(form);
	return o;
}

/** The quota rows of a form (parallel lists quotaTopic[], quotaDifficulty[], quotaCount[]); rows without a count are left out. */
export function quotasFromForm(form: FormData): unknown[] {
	const topics = form.getAll('quotaTopic');
	const diffs = form.getAll('quotaDifficulty');
	const counts = form.getAll('quotaCount');
	const quotas: unknown[] = [];
	for (let i = 0; i < counts.length; i++) {
		const c = String(counts[i] ?? '').trim();
		if (c === '') continue;
		const t = String(topics[i] ?? '');
		const d = String(diffs[i] ?? '');
		quotas.push({ topicId: t === '' ? null : Number(t), difficulty: d === '' ? null : Number(d), count: Number(c) });
	}
	return quotas;
}

/**
 * zod issues → { field: message }, for a form with quota rows (rounds, live games). Quota item
 * issues carry zod's default (English) text and an index into the non-empty rows only, so they are
 * reworded with the row number the person sees; `quotaCount` is every row as typed.
 */
export function quotaErrors(err: Parameters<typeof fieldErrors>[0], quotaCount: readonly string[]): FieldErrors {
	const errors = fieldErrors(err);
	const filledRows = quotaCount.flatMap((c, i) => (c.trim() === '' ? [] : [i + 1]));
	for (const issue of err.issues) {
		if (issue.path[0] !== 'quotas' || issue.code === 'custom') continue;
		const i = issue.path[1];
		const row = typeof i === 'number' ? (filledRows[i] ?? i + 1) : null;
		errors.quotas =
			row == null
				? 'Hạn mức không hợp lệ (tối đa 20 dòng).'
				: issue.path[2] === 'count'
					? `Hạn mức dòng ${row}: số câu phải là số nguyên từ 1 đến 100.`
					: `Hạn mức dòng ${row}: chủ đề hoặc độ khó không hợp lệ.`;
		break;
	}
	return errors;
}

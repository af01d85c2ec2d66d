import { z } from 'zod';
import { cleanMultiline, cleanText, foldVietnamese } from '../vn/text';
import { formatNumber } from '../vn/number';
import type { FieldErrors } from './form';

/**
 * The content rules of a question, in one place: used by the authoring form, the import
 * (XLSX/CSV rows) and the seed. No server imports, so the form's live preview may use it too.
 */
export const KINDS = ['single', 'multiple', 'true_false'] as const;
export const STATUSES = ['draft', 'published', 'retired'] as const;
export type Kind = (typeof KINDS)[number];
export type Status = (typeof STATUSES)[number];

export const MAX_OPTIONS = 6;
export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const TRUE_FALSE_OPTIONS = ['Đúng', 'Sai'] as const;

export const KIND_LABELS: Record<Kind, string> = {
	single: 'Một đáp án đúng',
	multiple: 'Nhiều đáp án đúng',
	true_false: 'Đúng/Sai'
};
export const STATUS_LABELS: Record<Status, string> = {
	draft: 'Nháp',
	published: 'Đã công bố',
	retired: 'Ngừng sử dụng'
};
export const DIFFICULTY_LABELS: Record<1 | 2 | 3, string> = { 1: 'Dễ', 2: 'Trung bình', 3: 'Khó' };

const LIMITS = { stemMin: 5, stem: 2000, option: 500, explanation: 5000, legalRef: 500 } as const;

export interface QuestionContent {
	kind: Kind;
	stem: string;
	options: { text: string; correct: boolean }[];
	explanation: string;
	legalRef: string;
}

/** A problem with the content; `option` is the 0-based option it concerns, when there is one. */
export interface ContentIssue {
	field: 'stem' | 'options' | 'correct' | 'explanation' | 'legalRef';
	option?: number;
	message: string;
}

/**
 * Normalises (NFC, trimmed, collapsed spaces) and checks a question's content.
 * `optionTexts` are the option slots A…F as typed (empty = unused); `correct` flags the same slots.
 * A true/false question with no option texts gets "Đúng" / "Sai".
 */
export function normaliseContent(raw: {
	kind: Kind;
	stem: string;
	optionTexts: readonly string[];
	correct: readonly boolean[];
	explanation: string;
	legalRef: string;
}): { content: QuestionContent; issues: ContentIssue[] } {
	const issues: ContentIssue[] = [];
	const stem = cleanMultiline(raw.stem);
	if (stem === '') issues.push({ field: 'stem', message: 'Vui lòng nhập nội dung câu hỏi.' });
	else if (stem.length < LIMITS.stemMin)
		issues.push({ field: 'stem', message: `Nội dung câu hỏi quá ngắn (ít nhất ${LIMITS.stemMin} ký tự).` });
	else if (stem.length > LIMITS.stem)
		issues.push({ field: 'stem', message: `Nội dung câu hỏi quá dài (tối đa ${formatNumber(LIMITS.stem)} ký tự).` });

	let texts = raw.optionTexts.slice(0, MAX_OPTIONS).map((t) => cleanText(t ?? ''));
	let correct = texts.map((_, i) => Boolean(raw.correct[i]));
	if (raw.kind === 'true_false' && texts.every((t) => t === '')) texts = [...TRUE_FALSE_OPTIONS];
	const last = texts.reduce((m, t, i) => (t !== '' ? i : m), -1);
	texts = texts.slice(0, last + 1);
	for (let i = 0; i < texts.length; i++) {
		if (texts[i] === '')
			issues.push({ field: 'options', option: i, message: `Phương án ${OPTION_LETTERS[i]} để trống nhưng phương án sau nó có nội dung.` });
		else if (texts[i].length > LIMITS.option)
			issues.push({
				field: 'options',
				option: i,
				message: `Phương án ${OPTION_LETTERS[i]} quá dài (tối đa ${formatNumber(LIMITS.option)} ký tự).`
			});
	}
	let dangling = false;
	for (let i = texts.length; i < raw.correct.length; i++)
		if (raw.correct[i] && (dangling = true))
			issues.push({ field: 'correct', message: `Đáp án đúng ${OPTION_LETTERS[i] ?? i + 1} trỏ tới một phương án không có nội dung.` });
	correct = correct.slice(0, texts.length);

	const n = texts.length;
	if (raw.kind === 'true_false') {
		if (n !== 2) issues.push({ field: 'options', message: 'Câu Đúng/Sai phải có đúng 2 phương án (ví dụ “Đúng”, “Sai”).' });
	} else if (n < 2) issues.push({ field: 'options', message: 'Câu hỏi cần ít nhất 2 phương án trả lời.' });

	const nCorrect = correct.filter(Boolean).length;
	if (dangling) {
		/* already reported: the answer points at an option that does not exist */
	} else if (raw.kind === 'multiple') {
		if (nCorrect === 0) issues.push({ field: 'correct', message: 'Chưa chọn đáp án đúng (câu nhiều đáp án cần ít nhất 1).' });
	} else if (nCorrect !== 1)
		issues.push({
			field: 'correct',
			message:
				nCorrect === 0
					? 'Chưa chọn đáp án đúng.'
					: `Câu ${KIND_LABELS[raw.kind].toLowerCase()} chỉ được có 1 đáp án đúng (đang có ${nCorrect}).`
		});

	// Options are compared as written (NFC, spacing and case ignored) but with their diacritics:
	// "Bà" and "Ba", "Có" and "Cỏ" are different words in Vietnamese.
	const seen = new Map<string, number>();
	texts.forEach((t, i) => {
		if (t === '') return;
		const k = textKey(t);
		const j = seen.get(k);
		if (j !== undefined)
			issues.push({ field: 'options', option: i, message: `Phương án ${OPTION_LETTERS[i]} trùng với phương án ${OPTION_LETTERS[j]}.` });
		else seen.set(k, i);
	});

	const explanation = cleanMultiline(raw.explanation ?? '');
	if (explanation.length > LIMITS.explanation)
		issues.push({ field: 'explanation', message: `Giải thích quá dài (tối đa ${formatNumber(LIMITS.explanation)} ký tự).` });
	const legalRef = cleanText(raw.legalRef ?? '');
	if (legalRef.length > LIMITS.legalRef)
		issues.push({ field: 'legalRef', message: `Căn cứ pháp lý quá dài (tối đa ${formatNumber(LIMITS.legalRef)} ký tự).` });

	return {
		content: { kind: raw.kind, stem, options: texts.map((text, i) => ({ text, correct: correct[i] })), explanation, legalRef },
		issues
	};
}

/** A text as written, for comparisons: NFC, spacing collapsed, case ignored, diacritics kept. */
function textKey(s: string): string {
	return cleanText(s).toLowerCase();
}

/**
 * Key for duplicate stems: the same question is the same text ignoring case and spacing. Stems
 * that differ only in diacritics ("bà" / "ba") are different questions that merely look alike —
 * see `stemLookalikeKey`.
 */
export function stemKey(stem: string): string {
	return textKey(stem);
}

/** Stems equal once case, spacing and diacritics are folded: a warning to look at, not an error. */
export function stemLookalikeKey(stem: string): string {
	return foldVietnamese(stem);
}

/* ——— Who a question fits (issue 15 item 3) and its exclusion group (item 4) ——— */

export type Audience = 'all' | 'adults';
export const AUDIENCE_LABELS: Record<Audience, string> = { all: 'Mọi người', adults: 'Người lớn (từ 18 tuổi)' };
/** "Adults only" means this age and over, on the day of the round (Vietnamese civil law: 18). */
const ADULT_AGE = 18;
export const MIN_AGE_RANGE = { min: 6, max: 99 } as const;
/** Exclusion groups are short slugs, like topic codes. */
const GROUP_SLUG = /^[a-z0-9][a-z0-9._-]{0,39}$/;

/** Attributes of the question (not of a version, like difficulty): changing them adds no version. */
export interface QuestionFit {
	audience: Audience;
	minAge: number | null;
	exclusionGroup: string | null;
}
export const DEFAULT_FIT: QuestionFit = { audience: 'all', minAge: null, exclusionGroup: null };

/** The youngest age a question fits: 18 for adults-only, its minimum age, whichever is higher (0: any age). */
export function requiredAge(fit: Pick<QuestionFit, 'audience' | 'minAge'>): number {
	return Math.max(fit.audience === 'adults' ? ADULT_AGE : 0, fit.minAge ?? 0);
}

export interface FitIssue {
	field: 'audience' | 'minAge' | 'exclusionGroup';
	message: string;
}

const fold = (s: string) => foldVietnamese(s).replace(/[\s_/\-.]+/g, '');

/** Empty → everyone; "all"/"adults", and the Vietnamese "mọi người"/"người lớn" (with or without diacritics). */
export function parseAudience(s: string): Audience | null {
	const k = fold(s ?? '');
	if (['', 'all', 'moinguoi', 'tatca', 'everyone'].includes(k)) return 'all';
	if (['adults', 'adult', 'nguoilon', 'chinguoilon', 'tu18tuoi', '18+'].includes(k)) return 'adults';
	return null;
}

/**
 * Checks and normalises the three fit fields as typed (form or sheet cells). The minimum age is a
 * whole number 6–99 or empty (Excel's "16.0" is read as 16); the exclusion group a short slug or
 * empty (typed in capitals it is lowered: "BLGD-1" and "blgd-1" are one group).
 */
export function normaliseFit(raw: { audience: string; minAge: string; exclusionGroup: string }): { fit: QuestionFit; issues: FitIssue[] } {
	const issues: FitIssue[] = [];
	const audience = parseAudience(raw.audience);
	if (audience == null)
		issues.push({
			field: 'audience',
			message: `Đối tượng “${cleanText(raw.audience).slice(0, 30)}” không hợp lệ; dùng “mọi người” (all) hoặc “người lớn” (adults).`
		});
	const ageText = cleanText(raw.minAge ?? '').replace(',', '.');
	let minAge: number | null = null;
	if (ageText !== '') {
		const n = /^\d{1,3}(\.0+)?$/.test(ageText) ? Number(ageText) : NaN;
		if (!Number.isInteger(n) || n < MIN_AGE_RANGE.min || n > MIN_AGE_RANGE.max)
			issues.push({
				field: 'minAge',
				message: `Tuổi tối thiểu “${ageText.slice(0, 20)}” không hợp lệ; ghi một số nguyên từ ${MIN_AGE_RANGE.min} đến ${MIN_AGE_RANGE.max}, hoặc để trống.`
			});
		else minAge = n;
	}
	const groupText = cleanText(raw.exclusionGroup ?? '').toLowerCase();
	let exclusionGroup: string | null = null;
	if (groupText !== '') {
		if (!GROUP_SLUG.test(groupText))
			issues.push({
				field: 'exclusionGroup',
				message: `Nhóm loại trừ “${groupText.slice(0, 50)}” chỉ được gồm chữ không dấu, số, “-”, “_”, “.” (tối đa 40 ký tự), hoặc để trống.`
			});
		else exclusionGroup = groupText;
	}
	return { fit: { audience: audience ?? 'all', minAge, exclusionGroup }, issues };
}

/** The authoring form (topic, difficulty, kind, status + content fields as typed). */
const QuestionMetaSchema = z.object({
	topicId: z.coerce.number({ error: 'Vui lòng chọn chủ đề.' }).int('Vui lòng chọn chủ đề.').positive('Vui lòng chọn chủ đề.'),
	difficulty: z.coerce
		.number({ error: 'Vui lòng chọn độ khó.' })
		.int('Vui lòng chọn độ khó.')
		.min(1, 'Vui lòng chọn độ khó.')
		.max(3, 'Vui lòng chọn độ khó.'),
	kind: z.enum(KINDS, { error: 'Vui lòng chọn loại câu hỏi.' }),
	status: z.enum(STATUSES, { error: 'Trạng thái không hợp lệ.' })
});

export interface QuestionFormValues {
	topicId: string;
	difficulty: string;
	kind: string;
	status: string;
	stem: string;
	options: string[];
	correct: boolean[];
	explanation: string;
	legalRef: string;
	audience: string;
	minAge: string;
	exclusionGroup: string;
}

/** FormData → the raw strings as typed (so a failed submit loses nothing). */
export function questionFormValues(form: FormData): QuestionFormValues {
	const one = (k: string, max = 6000) => {
		const v = form.get(k);
		return typeof v === 'string' ? v.slice(0, max) : '';
	};
	const correctIdx = new Set(form.getAll('correct').map((v) => Number(v)));
	return {
		topicId: one('topicId', 20),
		difficulty: one('difficulty', 5),
		kind: one('kind', 20),
		status: one('status', 20),
		stem: one('stem'),
		options: Array.from({ length: MAX_OPTIONS }, (_, i) => one(`option${i}`, 1000)),
		correct: Array.from({ length: MAX_OPTIONS }, (_, i) => correctIdx.has(i)),
		explanation: one('explanation'),
		legalRef: one('legalRef', 1000),
		audience: one('audience', 40),
		minAge: one('minAge', 20),
		exclusionGroup: one('exclusionGroup', 100)
	};
}

/** Checks a submitted form: meta with zod, content with normaliseContent; errors keyed by field. */
export function parseQuestionForm(
	values: QuestionFormValues
): { ok: true; meta: z.infer<typeof QuestionMetaSchema>; content: QuestionContent; fit: QuestionFit } | { ok: false; errors: FieldErrors } {
	const errors: FieldErrors = {};
	const meta = QuestionMetaSchema.safeParse(values);
	if (!meta.success) for (const i of meta.error.issues) errors[String(i.path[0])] ??= i.message;
	const kind = (KINDS as readonly string[]).includes(values.kind) ? (values.kind as Kind) : 'single';
	const { content, issues } = normaliseContent({
		kind,
		stem: values.stem,
		optionTexts: values.options,
		correct: values.correct,
		explanation: values.explanation,
		legalRef: values.legalRef
	});
	for (const i of issues) errors[i.field] ??= i.message;
	const { fit, issues: fitIssues } = normaliseFit(values);
	for (const i of fitIssues) errors[i.field] ??= i.message;
	if (!meta.success || Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, meta: meta.data, content, fit };
}

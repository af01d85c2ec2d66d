import { cleanText, foldVietnamese } from '../../vn/text';
import {
	MAX_OPTIONS,
	OPTION_LETTERS,
	STATUSES,
	normaliseContent,
	normaliseFit,
	stemKey,
	stemLookalikeKey,
	type Kind,
	type QuestionContent,
	type QuestionFit,
	type Status
} from '../../schemas/question';

/**
 * The import/export layout of the question bank, shared by the UI, the CLI, the seed and the
 * template: one row per question, these columns (header names in row 1, in any order).
 */
export const COLUMNS = [
	{
		key: 'topic_code',
		required: true,
		help: 'Mã chủ đề: chữ không dấu, số, “-”, “_”, “.” (ví dụ bao-luc-gia-dinh). Chủ đề chưa có sẽ được tạo.'
	},
	{ key: 'topic_name', required: false, help: 'Tên chủ đề. Bắt buộc khi mã chủ đề chưa có trong ngân hàng.' },
	{ key: 'difficulty', required: true, help: 'Độ khó: 1/2/3 hoặc dễ/trung bình/khó.' },
	{ key: 'kind', required: true, help: 'Loại: single (một đáp án), multiple (nhiều đáp án), true_false (đúng/sai).' },
	{ key: 'stem', required: true, help: 'Nội dung câu hỏi (văn bản thuần, được giữ xuống dòng).' },
	{ key: 'option_a', required: true, help: 'Phương án A. Câu đúng/sai có thể để trống A, B (mặc định “Đúng”, “Sai”).' },
	{ key: 'option_b', required: true, help: 'Phương án B.' },
	{ key: 'option_c', required: false, help: 'Phương án C (không bắt buộc).' },
	{ key: 'option_d', required: false, help: 'Phương án D (không bắt buộc).' },
	{ key: 'option_e', required: false, help: 'Phương án E (không bắt buộc).' },
	{ key: 'option_f', required: false, help: 'Phương án F (không bắt buộc).' },
	{
		key: 'correct',
		required: true,
		help: 'Đáp án đúng: chữ cái của phương án, ví dụ “B” hoặc “A,C”. Câu đúng/sai có thể ghi “Đúng” hoặc “Sai”.'
	},
	{ key: 'explanation', required: false, help: 'Giải thích (hiện cho người thi sau khi công bố đáp án).' },
	{ key: 'legal_ref', required: false, help: 'Căn cứ pháp lý, ví dụ “Điều 3, Luật Phòng, chống bạo lực gia đình 2022”.' },
	{ key: 'status', required: false, help: 'Trạng thái: published (đã công bố, mặc định), draft (nháp), retired (ngừng sử dụng).' },
	{
		key: 'audience',
		required: false,
		help: 'Đối tượng: all / mọi người (mặc định khi để trống) hoặc adults / người lớn (chỉ rút cho người từ 18 tuổi).'
	},
	{ key: 'min_age', required: false, help: 'Tuổi tối thiểu của người thi (số nguyên 6–99), để trống nếu không giới hạn.' },
	{
		key: 'exclusion_group',
		required: false,
		help: 'Nhóm loại trừ: mã ngắn không dấu (ví dụ tuoi-ket-hon). Hai câu cùng nhóm không bao giờ cùng xuất hiện trong một lượt thi. Để trống nếu không có.'
	}
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];
export const COLUMN_KEYS: ColumnKey[] = COLUMNS.map((c) => c.key);
const OPTION_KEYS = ['option_a', 'option_b', 'option_c', 'option_d', 'option_e', 'option_f'] as const;

export type RawRow = { row: number; cells: Partial<Record<ColumnKey, string>> };
export interface RowError {
	row: number;
	column: ColumnKey | '';
	message: string;
}

/** "Option A", "option-a", " OPTION_A " → option_a; unknown headers → null (ignored). */
export function normaliseHeader(h: string): ColumnKey | null {
	const k = foldVietnamese(h).replace(/[\s\-.]+/g, '_');
	return (COLUMN_KEYS as string[]).includes(k) ? (k as ColumnKey) : null;
}

/** Header row → column index per key, or the problems (missing / repeated columns). */
export function mapHeaders(headers: readonly string[]): { ok: true; index: Map<ColumnKey, number> } | { ok: false; message: string } {
	const index = new Map<ColumnKey, number>();
	const repeated: string[] = [];
	headers.forEach((h, i) => {
		const k = normaliseHeader(h);
		if (!k) return;
		if (index.has(k)) repeated.push(k);
		else index.set(k, i);
	});
	const missing = COLUMNS.filter((c) => c.required && !index.has(c.key)).map((c) => c.key);
	if (missing.length)
		return {
			ok: false,
			message: `Tệp thiếu cột bắt buộc: ${missing.join(', ')}. Dòng 1 phải là tên cột như trong tệp mẫu.`
		};
	if (repeated.length) return { ok: false, message: `Cột bị lặp ở dòng 1: ${repeated.join(', ')}.` };
	return { ok: true, index };
}

/** Text of a cell as typed: NFC, trimmed, spaces collapsed; a CSV-injection guard "'=" is undone. */
function cellText(s: string | undefined): string {
	return (s ?? '').replace(/^'(?=[=+\-@])/, '');
}

const key = (s: string) => foldVietnamese(s).replace(/[\s_/\-.]+/g, '');

/** 1, "1", 1.0 (Excel), "2,0", "dễ", "trung bình", "khó", "easy" … → 1 | 2 | 3, or null. */
export function parseDifficulty(s: string): 1 | 2 | 3 | null {
	const t = cleanText(s).replace(',', '.');
	if (/^[123](\.0+)?$/.test(t)) return Number(t) as 1 | 2 | 3;
	const k = key(t);
	if (['de', 'easy', 'muc1'].includes(k)) return 1;
	if (['trungbinh', 'tb', 'vua', 'medium', 'muc2'].includes(k)) return 2;
	if (['kho', 'hard', 'muc3'].includes(k)) return 3;
	return null;
}

export function parseKind(s: string): Kind | null {
	const k = key(s);
	if (['single', 'motdapan', '1dapan', 'chonmot', 'mot'].includes(k)) return 'single';
	if (['multiple', 'nhieudapan', 'chonnhieu', 'nhieu'].includes(k)) return 'multiple';
	if (['truefalse', 'dungsai', 'dunghaysai'].includes(k)) return 'true_false';
	return null;
}

/** Empty → published (a sheet of vetted questions is meant to be used); Vietnamese words accepted. */
export function parseStatus(s: string): Status | null {
	const k = key(s);
	if (k === '') return 'published';
	if ((STATUSES as readonly string[]).includes(foldVietnamese(s))) return foldVietnamese(s) as Status;
	if (['congbo', 'dacongbo', 'xuatban', 'sudung'].includes(k)) return 'published';
	if (['nhap', 'bannhap'].includes(k)) return 'draft';
	if (['ngung', 'ngungdung', 'ngungsudung', 'luutru'].includes(k)) return 'retired';
	return null;
}

/**
 * "B", "a, c", "A;C", "AC", "1,3" → option indexes. For true/false, "Đúng"/"Sai" (or the text of
 * an option) also work. Returns null when something in the cell is not an option.
 */
export function parseCorrect(s: string, kind: Kind, optionTexts: readonly string[]): number[] | null {
	const t = cleanText(s);
	if (t === '') return [];
	if (kind === 'true_false') {
		const whole = foldVietnamese(t);
		const byText = optionTexts.findIndex((o) => o !== '' && foldVietnamese(o) === whole);
		if (byText >= 0) return [byText];
		if (['dung', 'true'].includes(whole)) return [0];
		if (['sai', 'false'].includes(whole)) return [1];
	}
	let tokens = t
		.toUpperCase()
		.split(/[\s,;/+&]+/)
		.filter((x) => x !== '' && x !== 'VÀ' && x !== 'VA');
	if (tokens.length === 1 && /^[A-F]{2,6}$/.test(tokens[0])) tokens = tokens[0].split('');
	const out: number[] = [];
	for (const tok of tokens) {
		const m = /^([A-F]|[1-6])(\.0+)?$/.exec(tok.replace(/[.)]$/, ''));
		if (!m) return null;
		const i = /[A-F]/.test(m[1]) ? m[1].charCodeAt(0) - 65 : Number(m[1]) - 1;
		if (!out.includes(i)) out.push(i);
	}
	return out.sort((a, b) => a - b);
}

const TOPIC_CODE = /^[a-z0-9][a-z0-9._-]{0,39}$/;

/** A question ready to write, with the sheet row it came from. */
export interface ImportQuestion {
	row: number;
	topicCode: string;
	topicName: string;
	difficulty: 1 | 2 | 3;
	status: Status;
	content: QuestionContent;
	fit: QuestionFit;
	stemKey: string;
}

export interface ValidationContext {
	/** Topics already in the bank, by code. */
	topics: ReadonlyMap<string, { name: string }>;
	/** Stems already in the bank (`stemKey`) → question id. */
	existing: ReadonlyMap<string, number>;
	/** Stems already in the bank with diacritics folded (`stemLookalikeKey`) → question id. */
	lookalikes?: ReadonlyMap<string, number>;
	/** Questions already in the bank are skipped (reported) instead of rejected. */
	skipExisting?: boolean;
}

export interface ValidationResult {
	total: number;
	valid: ImportQuestion[];
	errors: RowError[];
	/** Worth a look but not blocking: stems that differ from another only in diacritics. */
	warnings: RowError[];
	skipped: { row: number; questionId: number }[];
	newTopics: { code: string; name: string }[];
}

/** Validates one row on its own (no duplicates, no bank lookups). */
function validateRow(r: RawRow): { question: Omit<ImportQuestion, 'stemKey'> | null; errors: RowError[] } {
	const errors: RowError[] = [];
	const err = (column: ColumnKey | '', message: string) => errors.push({ row: r.row, column, message });
	const c = (k: ColumnKey) => cellText(r.cells[k]);

	const topicCode = cleanText(c('topic_code')).toLowerCase().replace(/\.0+$/, '');
	if (topicCode === '') err('topic_code', 'Thiếu mã chủ đề.');
	else if (!TOPIC_CODE.test(topicCode))
		err('topic_code', `Mã chủ đề “${topicCode.slice(0, 50)}” chỉ được gồm chữ không dấu, số, “-”, “_”, “.” (tối đa 40 ký tự).`);
	const topicName = cleanText(c('topic_name'));
	if (topicName.length > 120) err('topic_name', 'Tên chủ đề quá dài (tối đa 120 ký tự).');

	const difficulty = parseDifficulty(c('difficulty'));
	if (difficulty == null) {
		const typed = cleanText(c('difficulty'));
		// A difficulty of 2 in a cell Excel formats as a date shows as 02/01/1900.
		const dateHint = /^\d{1,2}\/\d{1,2}\/\d{4}/.test(typed)
			? ' Ô này đang được Excel định dạng ngày tháng: hãy đổi định dạng ô sang Số (Number) hoặc Văn bản (Text) rồi gõ lại độ khó.'
			: '';
		err(
			'difficulty',
			typed === ''
				? 'Thiếu độ khó (1, 2, 3 hoặc dễ/trung bình/khó).'
				: `Độ khó “${typed.slice(0, 30)}” không hợp lệ; dùng 1, 2, 3 hoặc dễ/trung bình/khó.${dateHint}`
		);
	}
	const kind = parseKind(c('kind'));
	if (kind == null)
		err(
			'kind',
			c('kind').trim() === ''
				? 'Thiếu loại câu hỏi (single, multiple hoặc true_false).'
				: `Loại câu hỏi “${cleanText(c('kind')).slice(0, 30)}” không hợp lệ; dùng single, multiple hoặc true_false.`
		);
	const status = parseStatus(c('status'));
	if (status == null)
		err('status', `Trạng thái “${cleanText(c('status')).slice(0, 30)}” không hợp lệ; dùng published, draft hoặc retired.`);

	// Optional columns: a file without them imports as before (everyone, no minimum age, no group).
	const { fit, issues: fitIssues } = normaliseFit({ audience: c('audience'), minAge: c('min_age'), exclusionGroup: c('exclusion_group') });
	for (const i of fitIssues) err(i.field === 'audience' ? 'audience' : i.field === 'minAge' ? 'min_age' : 'exclusion_group', i.message);

	const optionTexts = OPTION_KEYS.map((k) => c(k));
	const correctIdx = parseCorrect(c('correct'), kind ?? 'single', optionTexts);
	if (correctIdx == null)
		err('correct', `Đáp án đúng “${cleanText(c('correct')).slice(0, 30)}” không hợp lệ; ghi chữ cái của phương án, ví dụ “B” hoặc “A,C”.`);
	else if (correctIdx.some((i) => i >= MAX_OPTIONS)) err('correct', 'Đáp án đúng phải là một trong A–F.');

	if (kind == null) {
		if (cleanText(c('stem')).length < 5) err('stem', 'Nội dung câu hỏi còn trống hoặc quá ngắn (ít nhất 5 ký tự).');
		return { question: null, errors };
	}
	const { content, issues } = normaliseContent({
		kind,
		stem: c('stem'),
		optionTexts,
		correct: Array.from({ length: MAX_OPTIONS }, (_, i) => (correctIdx ?? []).includes(i)),
		explanation: c('explanation'),
		legalRef: c('legal_ref')
	});
	for (const i of issues) {
		// A missing answer is already reported when the cell itself could not be read.
		if (i.field === 'correct' && correctIdx == null) continue;
		const column: ColumnKey =
			i.field === 'options' ? (i.option != null ? OPTION_KEYS[i.option] : 'option_a') : i.field === 'legalRef' ? 'legal_ref' : i.field;
		err(column, i.message);
	}
	if (errors.length || difficulty == null || status == null) return { question: null, errors };
	return { question: { row: r.row, topicCode, topicName, difficulty, status, content, fit }, errors };
}

/**
 * Validates every row: each on its own, then topics (a new code needs a name) and duplicates —
 * the same stem (ignoring case and spacing) twice in the file or already in the bank is an error;
 * a stem that differs from another only in diacritics is a warning (in Vietnamese those are
 * usually different words, but a missing accent is also a common typo).
 */
export function validateRows(rows: readonly RawRow[], ctx: ValidationContext): ValidationResult {
	const errors: RowError[] = [];
	const warnings: RowError[] = [];
	const valid: ImportQuestion[] = [];
	const skipped: { row: number; questionId: number }[] = [];
	const newTopics = new Map<string, string>();
	const inFile = new Map<string, number>();
	const lookalikeInFile = new Map<string, number>();
	for (const r of rows) {
		const { question, errors: rowErrors } = validateRow(r);
		errors.push(...rowErrors);
		if (!question) continue;
		const k = stemKey(question.content.stem);
		const first = inFile.get(k);
		if (first !== undefined) {
			errors.push({ row: r.row, column: 'stem', message: `Câu hỏi trùng với dòng ${first} trong tệp.` });
			continue;
		}
		inFile.set(k, r.row);
		const existingId = ctx.existing.get(k);
		if (existingId !== undefined) {
			if (ctx.skipExisting) skipped.push({ row: r.row, questionId: existingId });
			else errors.push({ row: r.row, column: 'stem', message: `Câu hỏi đã có trong ngân hàng (câu số ${existingId}).` });
			continue;
		}
		const folded = stemLookalikeKey(question.content.stem);
		const similarRow = lookalikeInFile.get(folded);
		const similarId = ctx.lookalikes?.get(folded);
		if (similarRow !== undefined)
			warnings.push({
				row: r.row,
				column: 'stem',
				message: `Câu hỏi chỉ khác dòng ${similarRow} ở dấu thanh/dấu chữ. Nếu đây là hai câu khác nhau, có thể nhập cả hai.`
			});
		else if (similarId !== undefined)
			warnings.push({
				row: r.row,
				column: 'stem',
				message: `Câu hỏi chỉ khác câu số ${similarId} trong ngân hàng ở dấu thanh/dấu chữ. Nếu đây là câu khác, có thể nhập.`
			});
		if (similarRow === undefined) lookalikeInFile.set(folded, r.row);
		const known = ctx.topics.get(question.topicCode);
		if (!known) {
			const pending = newTopics.get(question.topicCode);
			if (pending === undefined) {
				if (question.topicName === '') {
					errors.push({
						row: r.row,
						column: 'topic_name',
						message: `Chủ đề “${question.topicCode}” chưa có trong ngân hàng: cần ghi tên chủ đề để tạo mới.`
					});
					continue;
				}
				newTopics.set(question.topicCode, question.topicName);
			}
		}
		valid.push({ ...question, stemKey: k });
	}
	// Rows with an error on their own and a missing topic name elsewhere are all reported, in sheet order.
	errors.sort((a, b) => a.row - b.row);
	return { total: rows.length, valid, errors, warnings, skipped, newTopics: [...newTopics].map(([code, name]) => ({ code, name })) };
}

/** A question → the cells of its row (export, template example, seed). */
export function toRowCells(q: {
	topicCode: string;
	topicName: string;
	difficulty: number;
	status: Status;
	content: QuestionContent;
	fit?: QuestionFit;
}): Record<ColumnKey, string> {
	const opts = OPTION_KEYS.map((_, i) => q.content.options[i]?.text ?? '');
	return {
		topic_code: q.topicCode,
		topic_name: q.topicName,
		difficulty: String(q.difficulty),
		kind: q.content.kind,
		stem: q.content.stem,
		option_a: opts[0],
		option_b: opts[1],
		option_c: opts[2],
		option_d: opts[3],
		option_e: opts[4],
		option_f: opts[5],
		correct: q.content.options.flatMap((o, i) => (o.correct ? [OPTION_LETTERS[i]] : [])).join(','),
		explanation: q.content.explanation,
		legal_ref: q.content.legalRef,
		status: q.status,
		audience: q.fit?.audience ?? 'all',
		min_age: q.fit?.minAge != null ? String(q.fit.minAge) : '',
		exclusion_group: q.fit?.exclusionGroup ?? ''
	};
}

/**
 * Item-writing checks (issue 15 item 4): flaws that let a taker score without knowing the law.
 * Pure functions, one per check, over a question's content; `checkBank` adds the one check that
 * needs the whole bank. They only warn: an author may accept a flag (stored per question in
 * `question_check_acceptances`), and nothing here ever blocks a save or an import.
 *
 * Text handling: NFC, lower case, split into syllables on anything that is not a letter or a digit
 * (Vietnamese words are syllables separated by spaces, so a syllable is the unit; diacritics are
 * kept: "bà" and "ba" are different words). Stop syllables (và, của, là, các, những, được, theo…)
 * carry no meaning of their own and are ignored where words are compared.
 */

export type CheckCode = 'long_correct' | 'stem_echo' | 'all_but_outliers' | 'double_negative' | 'near_duplicate' | 'cross_answer';

export const CHECK_CODES: readonly CheckCode[] = [
	'long_correct',
	'stem_echo',
	'all_but_outliers',
	'double_negative',
	'near_duplicate',
	'cross_answer'
];

/** Short Vietnamese names of the checks (list badges, filter, the CLI's table). */
export const CHECK_LABELS: Record<CheckCode, string> = {
	long_correct: 'Đáp án đúng dài hơn hẳn',
	stem_echo: 'Đáp án đúng lặp từ của câu hỏi',
	all_but_outliers: 'Chọn tất cả trừ phương án vô lý',
	double_negative: 'Phủ định kép',
	near_duplicate: 'Phương án gần trùng nhau',
	cross_answer: 'Câu khác lộ đáp án'
};

export interface CheckedContent {
	kind: 'single' | 'multiple' | 'true_false';
	stem: string;
	options: readonly { text: string; correct: boolean }[];
}

/** A question of a bank: its id (or, in an import file, any number the caller maps with `label`). */
export interface CheckedItem {
	id: number;
	content: CheckedContent;
	/** Its exclusion group: questions of one group are never drawn together, so they cannot leak. */
	group?: string | null;
}

export interface Flag {
	code: CheckCode;
	/** What is wrong and how to fix it, in Vietnamese, for the author. */
	message: string;
	/** For cross_answer: the other question (its id, or its row in an import file). */
	other?: number;
}

/* ——— text ——— */

/** Syllables that carry no meaning of their own in a question (function words). */
const STOP_SYLLABLES: ReadonlySet<string> = new Set(
	(
		'và của là các những được theo cho với có trong ở tại từ đến về khi thì mà nào sau đây đó này ' +
		'một hai ba bị do để như hay hoặc nếu vì bởi ra vào lên nên cũng đã đang sẽ rằng gì ai ' +
		'người việc sự cái chọn đáp án phương nhiều'
	).split(' ')
);

/**
 * Tokenising is most of the checks' time and a bank check tokenises each text several times, so
 * the results are memoised (texts are short; the memo is dropped when it grows large).
 */
const memo = new Map<string, readonly string[]>();
const MEMO_MAX = 50_000;

/** NFC, lower case, syllables (letters and digits; "01/7/2023" stays one token). */
export function syllables(text: string): readonly string[] {
	const hit = memo.get(text);
	if (hit) return hit;
	const out =
		text
			.normalize('NFC')
			.toLowerCase()
			.match(/[\p{L}\p{M}\p{N}]+(?:[/.,][\p{N}]+)*/gu) ?? [];
	if (memo.size >= MEMO_MAX) memo.clear();
	memo.set(text, out);
	return out;
}

/** The syllables that carry meaning: stop syllables and one-character tokens left out. */
export function contentSyllables(text: string): string[] {
	return syllables(text).filter((s) => !STOP_SYLLABLES.has(s) && Array.from(s).length > 1);
}

const len = (s: string) => Array.from(s.normalize('NFC').trim()).length;

/* ——— per-question checks ——— */

/**
 * "Markedly longer" (documented in the README): the correct option of a single-choice question is
 * at least 1.5 × the longest wrong option AND at least 10 characters longer. Both, so that
 * "Có" / "Không bao giờ" (short options) and long options a few words apart do not flag.
 */
const LONG_RATIO = 1.5;
const LONG_MIN_EXTRA = 10;

export function checkLongCorrect(q: CheckedContent): Flag | null {
	if (q.kind !== 'single') return null;
	const correct = q.options.filter((o) => o.correct);
	const wrong = q.options.filter((o) => !o.correct);
	if (correct.length !== 1 || wrong.length === 0) return null;
	const c = len(correct[0].text);
	const w = Math.max(...wrong.map((o) => len(o.text)));
	if (c >= LONG_RATIO * w && c - w >= LONG_MIN_EXTRA)
		return {
			code: 'long_correct',
			message: `Đáp án đúng dài ${c} ký tự, phương án sai dài nhất chỉ ${w} ký tự: người thi có thể chọn phương án dài nhất mà không cần biết. Hãy rút gọn đáp án đúng hoặc viết các phương án sai cùng độ dài, cùng mức chi tiết.`
		};
	return null;
}

/**
 * Stem words repeated only in the correct option: meaningful syllables of the stem that appear in
 * the correct option (in every correct option, for multi-select) and in no wrong option. Two or
 * more such syllables (one Vietnamese word is usually two) flag; a single shared syllable is too
 * common to mean anything. `common` are the bank's common words (see `commonSyllables`): the
 * topic's own words ("gia đình", "trẻ em") give nothing away when an option repeats them.
 */
const ECHO_MIN_SYLLABLES = 2;

export function checkStemEcho(q: CheckedContent, common: ReadonlySet<string> = new Set()): Flag | null {
	if (q.kind === 'true_false') return null;
	const correct = q.options.filter((o) => o.correct);
	const wrong = q.options.filter((o) => !o.correct);
	if (correct.length === 0 || wrong.length === 0) return null;
	const stem = new Set(contentSyllables(q.stem).filter((s) => !common.has(s)));
	const inWrong = new Set(wrong.flatMap((o) => contentSyllables(o.text)));
	const correctSets = correct.map((o) => new Set(contentSyllables(o.text)));
	const echoed = [...stem].filter((s) => !inWrong.has(s) && correctSets.every((set) => set.has(s)));
	if (echoed.length < ECHO_MIN_SYLLABLES) return null;
	return {
		code: 'stem_echo',
		message: `Các từ “${echoed.join(' ')}” của câu hỏi chỉ lặp lại ở đáp án đúng: người thi đoán được bằng cách so chữ. Hãy dùng các từ đó ở cả phương án sai, hoặc diễn đạt đáp án đúng bằng từ khác.`
	};
}

/**
 * Absolute or extreme wording, the mark of a distractor nobody would pick ("chỉ khi…", "không bao
 * giờ", "tuyệt đối"…). Sequences of syllables; `phải` counts only at the start of the option
 * ("Phải có nhà riêng"), since inside a sentence it is mostly "không phải".
 */
const EXTREME: readonly string[][] = [
	['chỉ'],
	['luôn'],
	['không', 'bao', 'giờ'],
	['tuyệt', 'đối'],
	['hoàn', 'toàn'],
	['bắt', 'buộc'],
	['bị', 'buộc'],
	['duy', 'nhất'],
	['không', 'ai'],
	['không', 'cần']
];

export function isExtreme(text: string): boolean {
	const s = syllables(text);
	if (s[0] === 'phải') return true;
	return EXTREME.some((seq) => s.some((_, i) => seq.every((w, j) => s[i + j] === w)));
}

/**
 * Multi-select where "tick everything but the silly ones" wins (documented in the README): at
 * most one option is wrong, or every wrong option is worded in absolute/extreme terms.
 */
export function checkAllButOutliers(q: CheckedContent): Flag | null {
	if (q.kind !== 'multiple') return null;
	const wrong = q.options.filter((o) => !o.correct);
	if (wrong.length <= 1)
		return {
			code: 'all_but_outliers',
			message:
				wrong.length === 0
					? 'Mọi phương án đều đúng: “chọn tất cả” luôn thắng. Hãy thêm ít nhất hai phương án sai hợp lý.'
					: 'Chỉ có một phương án sai: người thi chọn tất cả trừ phương án lạc lõng là đúng. Hãy có ít nhất hai phương án sai hợp lý (lấy từ chính văn bản luật).'
		};
	if (wrong.every((o) => isExtreme(o.text)))
		return {
			code: 'all_but_outliers',
			message:
				'Mọi phương án sai đều dùng lời tuyệt đối (“chỉ”, “luôn”, “không bao giờ”…), nên dễ loại mà không cần biết luật. Hãy viết phương án sai bằng lời bình thường như phương án đúng.'
		};
	return null;
}

// "cấm" is left out: "cấm tiếp xúc", "bị nghiêm cấm" name a rule, they do not negate the sentence.
const NEGATIVE: readonly string[][] = [['không'], ['chẳng'], ['chưa'], ['đừng'], ['chớ']];
const hasNegative = (text: string) => {
	const s = syllables(text);
	return NEGATIVE.some((seq) => s.some((_, i) => seq.every((w, j) => s[i + j] === w)));
};

/** A negative in the stem and in an option ("… KHÔNG đúng?" / "Không được…"): a double negative. */
export function checkDoubleNegative(q: CheckedContent): Flag | null {
	if (q.kind === 'true_false') return null;
	if (!hasNegative(q.stem)) return null;
	const negs = q.options.map((o, i) => (hasNegative(o.text) ? String.fromCharCode(65 + i) : null)).filter(Boolean);
	if (negs.length === 0) return null;
	return {
		code: 'double_negative',
		message: `Câu hỏi có từ phủ định và phương án ${negs.join(', ')} cũng có (“không … không”): dễ đọc nhầm. Hãy hỏi theo chiều khẳng định hoặc bỏ phủ định ở phương án.`
	};
}

/** Levenshtein distance over code points (short texts only: options ≤ 500 characters). */
function distance(a: string, b: string): number {
	const x = Array.from(a);
	const y = Array.from(b);
	let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
	for (let i = 1; i <= x.length; i++) {
		const cur = [i];
		for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
		prev = cur;
	}
	return prev[y.length];
}

const digitsOf = (s: string) => (s.match(/\p{N}+/gu) ?? []).join(' ');

/**
 * Near-duplicate options: after NFC, case and punctuation are set aside, the same syllables in
 * another order, or a character similarity ≥ 0.9 (edit distance ≤ 10 % of the longer). Options
 * whose numbers differ ("Điều 140" / "Điều 146", "01/6/2017" / "01/7/2023") are deliberate
 * distractors and never flag; nor do texts that differ only in diacritics ("Bà" / "Ba").
 */
const NEAR_DUPLICATE_SIMILARITY = 0.9;

export function checkNearDuplicates(q: CheckedContent): Flag | null {
	if (q.kind === 'true_false') return null;
	const norm = q.options.map((o) => syllables(o.text).join(' '));
	const pairs: string[] = [];
	for (let i = 0; i < norm.length; i++)
		for (let j = i + 1; j < norm.length; j++) {
			const a = norm[i];
			const b = norm[j];
			if (!a || !b || digitsOf(q.options[i].text) !== digitsOf(q.options[j].text)) continue;
			const sameWords = a.split(' ').sort().join(' ') === b.split(' ').sort().join(' ');
			const folded = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
			if (!sameWords && folded(a) === folded(b)) continue;
			const sim = 1 - distance(a, b) / Math.max(Array.from(a).length, Array.from(b).length);
			if (sameWords || sim >= NEAR_DUPLICATE_SIMILARITY) pairs.push(`${String.fromCharCode(65 + i)}–${String.fromCharCode(65 + j)}`);
		}
	if (pairs.length === 0) return null;
	return {
		code: 'near_duplicate',
		message: `Phương án ${pairs.join(', ')} gần như trùng nhau: người thi loại được cả hai (hoặc không biết chọn cái nào). Hãy viết lại cho khác hẳn nhau.`
	};
}

/** Every per-question check, in the order of CHECK_CODES. */
function checkQuestion(q: CheckedContent, common: ReadonlySet<string> = new Set()): Flag[] {
	return [checkLongCorrect(q), checkStemEcho(q, common), checkAllButOutliers(q), checkDoubleNegative(q), checkNearDuplicates(q)].filter(
		(f): f is Flag => f !== null
	);
}

/**
 * The bank's common words: meaningful syllables found in at least COMMON_SHARE of the stems (a
 * bank of COMMON_MIN_BANK questions or more; a smaller one has none). They are the topics' own
 * words, which every question and every option may use.
 */
const COMMON_SHARE = 0.15;
const COMMON_MIN_BANK = 20;

export function commonSyllables(stems: readonly string[]): Set<string> {
	if (stems.length < COMMON_MIN_BANK) return new Set();
	const counts = new Map<string, number>();
	for (const stem of stems) for (const s of new Set(contentSyllables(stem))) counts.set(s, (counts.get(s) ?? 0) + 1);
	return new Set([...counts].filter(([, n]) => n >= COMMON_SHARE * stems.length).map(([s]) => s));
}

/* ——— bank-wide check ——— */

/**
 * "On the same fact": the two stems share at least this share of their meaningful syllables
 * (Jaccard), or one stem states the other's correct answer outright.
 */
const SAME_FACT_OVERLAP = 0.5;

const optionKey = (text: string) => syllables(text).join(' ');

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	let both = 0;
	for (const s of a) if (b.has(s)) both++;
	const union = a.size + b.size - both;
	return union === 0 ? 0 : both / union;
}

/**
 * A question whose wrong option is another question's correct answer on the same fact, or whose
 * stem states another question's correct answer: drawn into one attempt, one answers the other.
 * Both get a flag naming the other, suggesting one exclusion group (a draw never puts two
 * questions of one group in one attempt). Pairs already in one group are left out.
 * True/false questions have "Đúng"/"Sai" as options and take part only through their stems.
 */
export function checkCrossAnswers(
	items: readonly CheckedItem[],
	label: (id: number) => string = (id) => `câu #${id}`,
	common: ReadonlySet<string> = commonSyllables(items.map((q) => q.content.stem))
): Map<number, Flag[]> {
	const out = new Map<number, Flag[]>();
	const prepared = items.map((q) => ({
		...q,
		stemWords: new Set(contentSyllables(q.content.stem)),
		stemSyllables: syllables(q.content.stem),
		correct: q.content.kind === 'true_false' ? [] : q.content.options.filter((o) => o.correct).map((o) => optionKey(o.text)),
		wrong: q.content.kind === 'true_false' ? [] : q.content.options.filter((o) => !o.correct).map((o) => optionKey(o.text))
	}));
	// Correct answers worth matching: specific enough (≥ 2 meaningful syllables, or a number/date).
	const specific = (k: string) => contentSyllables(k).length >= 2 || /\p{N}{2,}/u.test(k);
	const byCorrect = new Map<string, typeof prepared>();
	for (const q of prepared)
		for (const k of q.correct)
			if (specific(k)) {
				const list = byCorrect.get(k) ?? [];
				list.push(q);
				byCorrect.set(k, list);
			}
	// Answers specific enough to give away when a stem states them (see below), by their text.
	const stated = new Map<string, typeof prepared>();
	// First syllable of such an answer → its lengths in syllables, so a stem is only cut where one may start.
	const lengthsFrom = new Map<string, Set<number>>();
	for (const [k, list] of byCorrect) {
		const words = contentSyllables(k);
		const rare = words.filter((w) => !common.has(w)).length;
		if (!((words.length >= 3 && rare >= 2) || (words.length >= 2 && /\p{N}{2,}/u.test(k)))) continue;
		stated.set(k, list);
		const parts = k.split(' ');
		const lengths = lengthsFrom.get(parts[0]) ?? new Set<number>();
		lengths.add(parts.length);
		lengthsFrom.set(parts[0], lengths);
	}
	const add = (q: { id: number }, other: { id: number }, message: string) => {
		const list = out.get(q.id) ?? [];
		if (!list.some((f) => f.other === other.id)) list.push({ code: 'cross_answer', message, other: other.id });
		out.set(q.id, list);
	};
	const HINT = 'Nên xếp hai câu vào cùng một nhóm loại trừ, để một lượt thi không rút cả hai.';
	const apart = (a: { id: number; group?: string | null }, b: { id: number; group?: string | null }) =>
		a.id !== b.id && !(a.group && a.group === b.group);
	for (const a of prepared) {
		// a's wrong option is b's correct answer, and the stems ask about the same fact.
		for (const w of a.wrong)
			for (const b of byCorrect.get(w) ?? [])
				if (apart(a, b) && overlap(a.stemWords, b.stemWords) >= SAME_FACT_OVERLAP) {
					const text = `Một phương án sai của câu này là đáp án đúng của ${label(b.id)} về cùng dữ kiện: rút chung một lượt, câu này giúp loại trừ ở câu kia. ${HINT}`;
					add(a, b, text);
					add(
						b,
						a,
						text
							.replace(label(b.id), label(a.id))
							.replace('Một phương án sai của câu này là đáp án đúng', 'Đáp án đúng của câu này là một phương án sai')
					);
				}
		// a's stem states b's correct answer, a specific one: a number, or three meaningful words of
		// which two are not the bank's common words ("là hành vi bị nghiêm cấm" gives nothing away).
		// The stem's runs of syllables are looked up among the answers (no scan of every answer).
		for (let i = 0; i < a.stemSyllables.length; i++)
			for (const n of lengthsFrom.get(a.stemSyllables[i]) ?? []) {
				if (i + n > a.stemSyllables.length) continue;
				const k = a.stemSyllables.slice(i, i + n).join(' ');
				const list = stated.get(k);
				if (!list) continue;
				for (const b of list)
					if (apart(a, b) && overlap(a.stemWords, b.stemWords) >= SAME_FACT_OVERLAP / 4) {
						add(
							a,
							b,
							`Câu hỏi này nêu sẵn đáp án đúng của ${label(b.id)} (“${k}”): rút chung một lượt, người thi chép được đáp án. ${HINT}`
						);
						add(
							b,
							a,
							`Đáp án đúng của câu này (“${k}”) được nêu sẵn trong ${label(a.id)}: rút chung một lượt, người thi chép được đáp án. ${HINT}`
						);
					}
			}
	}
	return out;
}

/** Every flag of every question of a bank (or an import file with the bank it goes into). */
export function checkBank(items: readonly CheckedItem[], label?: (id: number) => string): Map<number, Flag[]> {
	const common = commonSyllables(items.map((q) => q.content.stem));
	const cross = checkCrossAnswers(items, label, common);
	const out = new Map<number, Flag[]>();
	for (const q of items) {
		const flags = [...checkQuestion(q.content, common), ...(cross.get(q.id) ?? [])];
		if (flags.length) out.set(q.id, flags);
	}
	return out;
}

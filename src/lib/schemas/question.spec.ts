import { describe, expect, it } from 'vitest';
import {
	normaliseContent,
	parseAudience,
	parseQuestionForm,
	requiredAge,
	stemKey,
	stemLookalikeKey,
	type QuestionFormValues
} from './question';

const base = {
	kind: 'single' as const,
	stem: 'Câu hỏi mẫu?',
	optionTexts: ['A1', 'B1'],
	correct: [true, false],
	explanation: '',
	legalRef: ''
};

describe('normaliseContent', () => {
	it('turns NFD text into NFC and trims and collapses spaces', () => {
		const nfd = '  Bạo   lực gia đình là gì?  '.normalize('NFD');
		const { content, issues } = normaliseContent({ ...base, stem: nfd, optionTexts: [' Hành vi   cố ý '.normalize('NFD'), 'Khác'] });
		expect(issues).toEqual([]);
		expect(content.stem).toBe('Bạo lực gia đình là gì?');
		expect(content.stem).toBe(content.stem.normalize('NFC'));
		expect(content.options[0].text).toBe('Hành vi cố ý');
	});

	it('gives a true/false question without option texts the options Đúng and Sai', () => {
		const { content, issues } = normaliseContent({ ...base, kind: 'true_false', optionTexts: ['', ''], correct: [false, true] });
		expect(issues).toEqual([]);
		expect(content.options).toEqual([
			{ text: 'Đúng', correct: false },
			{ text: 'Sai', correct: true }
		]);
	});

	it('refuses a single-choice question with two correct options', () => {
		const { issues } = normaliseContent({ ...base, correct: [true, true] });
		expect(issues).toEqual([expect.objectContaining({ field: 'correct', message: expect.stringMatching(/chỉ được có 1 đáp án đúng/) })]);
	});

	it('accepts several correct options for a multiple-choice question but not none', () => {
		expect(normaliseContent({ ...base, kind: 'multiple', optionTexts: ['x', 'y', 'z'], correct: [true, false, true] }).issues).toEqual([]);
		expect(normaliseContent({ ...base, kind: 'multiple', correct: [false, false] }).issues[0].field).toBe('correct');
	});

	it('reports an empty option between filled ones, a correct mark on an empty option, and repeated options', () => {
		const gap = normaliseContent({ ...base, optionTexts: ['x', '', 'z'], correct: [true] });
		expect(gap.issues).toContainEqual(expect.objectContaining({ field: 'options', option: 1 }));
		const dangling = normaliseContent({ ...base, optionTexts: ['x', 'y', ''], correct: [false, false, true] });
		expect(dangling.issues).toContainEqual(
			expect.objectContaining({ field: 'correct', message: expect.stringMatching(/phương án không có nội dung/) })
		);
		const twice = normaliseContent({ ...base, optionTexts: ['Công an', 'CÔNG AN '], correct: [true, false] });
		expect(twice.issues).toContainEqual(expect.objectContaining({ option: 1, message: 'Phương án B trùng với phương án A.' }));
		const nfd = normaliseContent({ ...base, optionTexts: ['Bà ngoại', 'BÀ  NGOẠI'.normalize('NFD')], correct: [true, false] });
		expect(nfd.issues).toContainEqual(expect.objectContaining({ option: 1, message: 'Phương án B trùng với phương án A.' }));
	});

	it('keeps options that differ only in diacritics: they are different words', () => {
		for (const pair of [
			['Bà', 'Ba'],
			['Có', 'Cỏ'],
			['Đúng', 'Dung'],
			['Ma', 'Mà', 'Má', 'Mả', 'Mã', 'Mạ']
		]) {
			const { issues } = normaliseContent({ ...base, optionTexts: pair, correct: pair.map((_, i) => i === 0) });
			expect(issues, pair.join('/')).toEqual([]);
		}
	});

	it('needs a stem and at least two options', () => {
		const { issues } = normaliseContent({ ...base, stem: ' ', optionTexts: ['only'], correct: [true] });
		expect(issues.map((i) => i.field)).toEqual(expect.arrayContaining(['stem', 'options']));
	});
});

describe('stemKey', () => {
	it('ignores case, Unicode form and spacing, but not diacritics', () => {
		expect(stemKey('Bạo lực  gia đình?')).toBe(stemKey('BẠO LỰC GIA ĐÌNH?'.normalize('NFD')));
		expect(stemKey('Bạo lực gia đình?')).not.toBe(stemKey('Bạo lực gia đình là gì?'));
		expect(stemKey('Bà nội là ai?')).not.toBe(stemKey('Ba nội là ai?'));
	});
	it('has a look-alike key that folds diacritics too', () => {
		expect(stemLookalikeKey('Bà nội là ai?')).toBe(stemLookalikeKey('BA NOI LA AI?'));
	});
});

describe('parseQuestionForm', () => {
	const values: QuestionFormValues = {
		topicId: '1',
		difficulty: '2',
		kind: 'single',
		status: 'published',
		stem: 'Số điện thoại của Tổng đài quốc gia bảo vệ trẻ em?',
		options: ['111', '113', '', '', '', ''],
		correct: [true, false, false, false, false, false],
		explanation: '',
		legalRef: '',
		audience: 'all',
		minAge: '',
		exclusionGroup: ''
	};
	it('accepts a complete form', () => {
		const r = parseQuestionForm(values);
		expect(r.ok && r.meta).toEqual({ topicId: 1, difficulty: 2, kind: 'single', status: 'published' });
	});
	it('reports every problem by field in Vietnamese', () => {
		const r = parseQuestionForm({ ...values, topicId: '', difficulty: '7', correct: Array(6).fill(false) });
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.errors.topicId).toBe('Vui lòng chọn chủ đề.');
			expect(r.errors.difficulty).toBe('Vui lòng chọn độ khó.');
			expect(r.errors.correct).toBe('Chưa chọn đáp án đúng.');
		}
	});
});

describe('who a question fits, in the question form', () => {
	const values: QuestionFormValues = {
		topicId: '1',
		difficulty: '2',
		kind: 'single',
		status: 'published',
		stem: 'Hành vi nào là bạo lực tình dục trong gia đình?',
		options: ['Ép buộc quan hệ', 'Nấu cơm', '', '', '', ''],
		correct: [true, false, false, false, false, false],
		explanation: '',
		legalRef: '',
		audience: 'adults',
		minAge: '16',
		exclusionGroup: ' BLGD-Tinh-Duc '
	};
	it('keeps the audience, the minimum age and the group (lowered)', () => {
		const r = parseQuestionForm(values);
		expect(r.ok && r.fit).toEqual({ audience: 'adults', minAge: 16, exclusionGroup: 'blgd-tinh-duc' });
	});
	it('leaves an empty minimum age and group empty', () => {
		const r = parseQuestionForm({ ...values, audience: 'all', minAge: ' ', exclusionGroup: '' });
		expect(r.ok && r.fit).toEqual({ audience: 'all', minAge: null, exclusionGroup: null });
	});
	it('reports a bad audience, age or group by field in Vietnamese', () => {
		const r = parseQuestionForm({ ...values, audience: 'kids', minAge: '5', exclusionGroup: 'nhóm một' });
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.errors.audience).toMatch(/^Đối tượng “kids” không hợp lệ/);
			expect(r.errors.minAge).toMatch(/^Tuổi tối thiểu “5” không hợp lệ; ghi một số nguyên từ 6 đến 99/);
			expect(r.errors.exclusionGroup).toMatch(/^Nhóm loại trừ “nhóm một” chỉ được gồm chữ không dấu/);
		}
		const big = parseQuestionForm({ ...values, minAge: '100' });
		expect(big.ok ? {} : big.errors).toHaveProperty('minAge');
		const frac = parseQuestionForm({ ...values, minAge: '16.5' });
		expect(frac.ok ? {} : frac.errors).toHaveProperty('minAge');
	});
});

describe('requiredAge and parseAudience', () => {
	it('is 18 for adults-only, the minimum age when higher, 0 for everyone', () => {
		expect(requiredAge({ audience: 'all', minAge: null })).toBe(0);
		expect(requiredAge({ audience: 'adults', minAge: null })).toBe(18);
		expect(requiredAge({ audience: 'adults', minAge: 16 })).toBe(18);
		expect(requiredAge({ audience: 'adults', minAge: 21 })).toBe(21);
		expect(requiredAge({ audience: 'all', minAge: 14 })).toBe(14);
	});
	it('reads English and Vietnamese words, with or without diacritics', () => {
		expect(parseAudience('')).toBe('all');
		expect(parseAudience('Mọi người')).toBe('all');
		expect(parseAudience('moi nguoi')).toBe('all');
		expect(parseAudience('ALL')).toBe('all');
		expect(parseAudience('Người lớn')).toBe('adults');
		expect(parseAudience('adults')).toBe('adults');
		expect(parseAudience('trẻ em')).toBeNull();
	});
});

describe('empty required fields of the question form', () => {
	it('say "Vui lòng nhập nội dung câu hỏi." for an empty stem, and what is wrong for a short one', () => {
		const empty = parseQuestionForm({
			topicId: '1',
			difficulty: '1',
			kind: 'single',
			status: 'draft',
			stem: '  ',
			options: ['Có', 'Không', '', '', '', ''],
			correct: [true, false, false, false, false, false],
			explanation: '',
			legalRef: '',
			audience: '',
			minAge: '',
			exclusionGroup: ''
		});
		expect(empty.ok ? {} : empty.errors).toEqual({ stem: 'Vui lòng nhập nội dung câu hỏi.' });
		const short = normaliseContent({ ...base, stem: 'Ai?' });
		expect(short.issues).toEqual([{ field: 'stem', message: 'Nội dung câu hỏi quá ngắn (ít nhất 5 ký tự).' }]);
	});
});

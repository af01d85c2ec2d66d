import { describe, expect, it } from 'vitest';
import {
	mapHeaders,
	normaliseHeader,
	parseCorrect,
	parseDifficulty,
	parseKind,
	parseStatus,
	toRowCells,
	validateRows,
	type RawRow
} from './bank-format';

const good = (row: number, over: Record<string, string> = {}): RawRow => ({
	row,
	cells: {
		topic_code: 'ky-nang',
		topic_name: 'Kỹ năng',
		difficulty: '1',
		kind: 'single',
		stem: `Câu hỏi số ${row}: số điện thoại khẩn cấp của công an là gì?`,
		option_a: '113',
		option_b: '114',
		option_c: '115',
		correct: 'A',
		explanation: 'Gọi 113 khi cần công an.',
		legal_ref: '',
		status: '',
		...over
	}
});
const ctx = { topics: new Map([['ky-nang', { name: 'Kỹ năng' }]]), existing: new Map<string, number>() };

describe('cell parsing (as typed in Excel)', () => {
	it('reads difficulty as 1–3, Excel numbers such as 2.0, or words', () => {
		expect(['1', '2.0', '3,0', ' 2 ', 'dễ', 'Trung bình', 'TRUNG BINH', 'khó', 'Khó'.normalize('NFD')].map(parseDifficulty)).toEqual([
			1, 2, 3, 2, 1, 2, 2, 3, 3
		]);
		expect(['0', '4', '2.5', 'rất khó', ''].map(parseDifficulty)).toEqual([null, null, null, null, null]);
	});
	it('reads the kind in English or Vietnamese', () => {
		expect(['single', 'Multiple', 'true_false', 'TRUE/FALSE', 'đúng/sai', 'Một đáp án', 'nhiều đáp án'].map(parseKind)).toEqual([
			'single',
			'multiple',
			'true_false',
			'true_false',
			'true_false',
			'single',
			'multiple'
		]);
		expect(parseKind('essay')).toBeNull();
	});
	it('reads the correct options as letters, lists or numbers, and Đúng/Sai for true/false', () => {
		expect(parseCorrect('b', 'single', [])).toEqual([1]);
		expect(parseCorrect('A, C', 'multiple', [])).toEqual([0, 2]);
		expect(parseCorrect('c;a', 'multiple', [])).toEqual([0, 2]);
		expect(parseCorrect('AC', 'multiple', [])).toEqual([0, 2]);
		expect(parseCorrect('A và D', 'multiple', [])).toEqual([0, 3]);
		expect(parseCorrect('2.0', 'single', [])).toEqual([1]);
		expect(parseCorrect('Sai', 'true_false', ['', ''])).toEqual([1]);
		expect(parseCorrect('đúng'.normalize('NFD'), 'true_false', ['Đúng', 'Sai'])).toEqual([0]);
		expect(parseCorrect('G', 'single', [])).toBeNull();
		expect(parseCorrect('A hoặc B', 'single', [])).toBeNull();
	});
	it('defaults an empty status to published and reads Vietnamese words', () => {
		expect(['', 'draft', 'Nháp', 'đã công bố', 'retired', 'ngừng sử dụng'].map(parseStatus)).toEqual([
			'published',
			'draft',
			'draft',
			'published',
			'retired',
			'retired'
		]);
		expect(parseStatus('xóa')).toBeNull();
	});
	it('matches headers regardless of case, spaces and dashes, and names missing columns', () => {
		expect(normaliseHeader(' Option A ')).toBe('option_a');
		expect(normaliseHeader('LEGAL-REF')).toBe('legal_ref');
		expect(normaliseHeader('ghi chú')).toBeNull();
		const m = mapHeaders(['topic_code', 'difficulty', 'kind', 'stem', 'option_a', 'option_b']);
		expect(m).toEqual({ ok: false, message: expect.stringContaining('correct') });
	});
});

describe('validateRows', () => {
	it('accepts good rows and normalises their text', () => {
		const r = validateRows([good(2, { stem: '  Bạo  lực gia đình là gì? '.normalize('NFD') }), good(3)], ctx);
		expect(r.errors).toEqual([]);
		expect(r.valid).toHaveLength(2);
		expect(r.valid[0].content.stem).toBe('Bạo lực gia đình là gì?');
		expect(r.valid[0].status).toBe('published');
	});

	it('reports each problem with its row number and column', () => {
		const r = validateRows(
			[good(2), good(3, { difficulty: 'rất khó', correct: 'E' }), good(4, { kind: 'essay' }), good(5, { topic_code: 'Luật HN&GĐ' })],
			ctx
		);
		expect(r.valid).toHaveLength(1);
		expect(r.errors).toEqual([
			{ row: 3, column: 'difficulty', message: expect.stringMatching(/^Độ khó “rất khó” không hợp lệ/) },
			{ row: 3, column: 'correct', message: expect.stringMatching(/phương án không có nội dung/) },
			{ row: 4, column: 'kind', message: expect.stringMatching(/^Loại câu hỏi “essay” không hợp lệ/) },
			{ row: 5, column: 'topic_code', message: expect.stringMatching(/^Mã chủ đề/) }
		]);
	});

	it('reports a stem that appears twice in the file, ignoring case, Unicode form and spaces', () => {
		const r = validateRows(
			[good(2, { stem: 'Bạo lực gia đình là gì?' }), good(7, { stem: 'BẠO LỰC  gia đình là gì?'.normalize('NFD') })],
			ctx
		);
		expect(r.errors).toEqual([{ row: 7, column: 'stem', message: 'Câu hỏi trùng với dòng 2 trong tệp.' }]);
		expect(r.warnings).toEqual([]);
	});

	it('only warns about stems that differ in diacritics alone, and keeps both', () => {
		const r = validateRows([good(2, { stem: 'Bà nội có quyền gì với cháu?' }), good(3, { stem: 'Ba nội có quyền gì với cháu?' })], ctx);
		expect(r.errors).toEqual([]);
		expect(r.valid.map((q) => q.row)).toEqual([2, 3]);
		expect(r.warnings).toEqual([
			{ row: 3, column: 'stem', message: expect.stringMatching(/^Câu hỏi chỉ khác dòng 2 ở dấu thanh\/dấu chữ/) }
		]);
		const bank = validateRows([good(4, { stem: 'Ba noi co quyen gi voi chau?' })], {
			...ctx,
			lookalikes: new Map([['ba noi co quyen gi voi chau?', 9]])
		});
		expect([bank.errors, bank.valid.length]).toEqual([[], 1]);
		expect(bank.warnings).toEqual([
			{ row: 4, column: 'stem', message: expect.stringMatching(/^Câu hỏi chỉ khác câu số 9 trong ngân hàng/) }
		]);
	});

	it('explains a difficulty that Excel shows as a date', () => {
		const r = validateRows([good(2, { difficulty: '02/01/1900' })], ctx);
		expect(r.errors).toEqual([
			{ row: 2, column: 'difficulty', message: expect.stringMatching(/^Độ khó “02\/01\/1900” không hợp lệ.*định dạng ngày tháng/) }
		]);
	});

	it('reports a stem already in the bank, or skips it when asked to', () => {
		const existing = new Map([['bạo lực gia đình là gì?', 42]]);
		const rows = [good(2, { stem: 'Bạo lực gia đình là gì?' }), good(3)];
		expect(validateRows(rows, { ...ctx, existing }).errors).toEqual([
			{ row: 2, column: 'stem', message: 'Câu hỏi đã có trong ngân hàng (câu số 42).' }
		]);
		const skipping = validateRows(rows, { ...ctx, existing, skipExisting: true });
		expect(skipping.errors).toEqual([]);
		expect(skipping.skipped).toEqual([{ row: 2, questionId: 42 }]);
		expect(skipping.valid.map((q) => q.row)).toEqual([3]);
	});

	it('creates a new topic from its name once, and needs the name when the code is unknown', () => {
		const r = validateRows(
			[
				good(2, { topic_code: 'tre-em', topic_name: 'Trẻ em' }),
				good(3, { topic_code: 'tre-em', topic_name: '' }),
				good(4, { topic_code: 'moi', topic_name: '' })
			],
			ctx
		);
		expect(r.newTopics).toEqual([{ code: 'tre-em', name: 'Trẻ em' }]);
		expect(r.errors).toEqual([{ row: 4, column: 'topic_name', message: expect.stringMatching(/chưa có trong ngân hàng/) }]);
	});

	it('undoes the CSV-injection guard on cells starting with = + - @', () => {
		const r = validateRows([good(2, { option_a: "'-5 năm", option_b: "'=SUM(1)" })], ctx);
		expect(r.valid[0].content.options.map((o) => o.text).slice(0, 2)).toEqual(['-5 năm', '=SUM(1)']);
	});
});

describe('the optional columns audience, min_age, exclusion_group', () => {
	it('default to everyone, no minimum age, no group when the file has no such columns', () => {
		const r = validateRows([good(2)], ctx);
		expect(r.errors).toEqual([]);
		expect(r.valid[0].fit).toEqual({ audience: 'all', minAge: null, exclusionGroup: null });
	});

	it('read all/adults and the Vietnamese “mọi người”/“người lớn”, an age 6–99 (Excel’s 16.0 too) and a group slug', () => {
		const r = validateRows(
			[
				good(2, { audience: 'adults', min_age: '', exclusion_group: 'tuoi-ket-hon' }),
				good(3, { audience: 'Người lớn'.normalize('NFD'), min_age: '16.0' }),
				good(4, { audience: 'mọi người', min_age: '12', exclusion_group: ' Tuoi-Ket-Hon ' }),
				good(5, { audience: 'all', min_age: '6' }),
				good(6, { audience: '', min_age: '99' })
			],
			ctx
		);
		expect(r.errors).toEqual([]);
		expect(r.valid.map((q) => q.fit)).toEqual([
			{ audience: 'adults', minAge: null, exclusionGroup: 'tuoi-ket-hon' },
			{ audience: 'adults', minAge: 16, exclusionGroup: null },
			{ audience: 'all', minAge: 12, exclusionGroup: 'tuoi-ket-hon' },
			{ audience: 'all', minAge: 6, exclusionGroup: null },
			{ audience: 'all', minAge: 99, exclusionGroup: null }
		]);
	});

	it('report bad values in Vietnamese with the row and the column', () => {
		const r = validateRows(
			[
				good(2, { audience: 'trẻ em' }),
				good(3, { min_age: '5' }),
				good(4, { min_age: '100' }),
				good(5, { min_age: '16,5' }),
				good(6, { min_age: 'mười sáu' }),
				good(7, { exclusion_group: 'nhóm 1' }),
				good(8, { exclusion_group: 'x'.repeat(41) }),
				good(9, { kind: 'essay', audience: 'kids' })
			],
			ctx
		);
		expect(r.valid).toEqual([]);
		expect(r.errors).toEqual([
			{ row: 2, column: 'audience', message: 'Đối tượng “trẻ em” không hợp lệ; dùng “mọi người” (all) hoặc “người lớn” (adults).' },
			{ row: 3, column: 'min_age', message: 'Tuổi tối thiểu “5” không hợp lệ; ghi một số nguyên từ 6 đến 99, hoặc để trống.' },
			{ row: 4, column: 'min_age', message: expect.stringMatching(/^Tuổi tối thiểu “100” không hợp lệ/) },
			{ row: 5, column: 'min_age', message: expect.stringMatching(/^Tuổi tối thiểu “16.5” không hợp lệ/) },
			{ row: 6, column: 'min_age', message: expect.stringMatching(/^Tuổi tối thiểu “mười sáu” không hợp lệ/) },
			{ row: 7, column: 'exclusion_group', message: expect.stringMatching(/^Nhóm loại trừ “nhóm 1” chỉ được gồm chữ không dấu/) },
			{ row: 8, column: 'exclusion_group', message: expect.stringMatching(/^Nhóm loại trừ “x+” chỉ được gồm/) },
			{ row: 9, column: 'kind', message: expect.stringMatching(/^Loại câu hỏi “essay”/) },
			{ row: 9, column: 'audience', message: expect.stringMatching(/^Đối tượng “kids” không hợp lệ/) }
		]);
	});

	it('are written by toRowCells (export), empty for none', () => {
		const cells = toRowCells({
			topicCode: 'luat',
			topicName: 'Luật',
			difficulty: 2,
			status: 'published',
			content: {
				kind: 'true_false',
				stem: 'Câu hỏi?',
				options: [
					{ text: 'Đúng', correct: true },
					{ text: 'Sai', correct: false }
				],
				explanation: '',
				legalRef: ''
			},
			fit: { audience: 'adults', minAge: 16, exclusionGroup: 'g-1' }
		});
		expect([cells.audience, cells.min_age, cells.exclusion_group]).toEqual(['adults', '16', 'g-1']);
		expect(normaliseHeader('Min age')).toBe('min_age');
		expect(normaliseHeader('Exclusion-Group')).toBe('exclusion_group');
	});
});

import { describe, it, expect } from 'vitest';
import { fieldErrors } from './form';
import { ContestSchema, RoundSchema, roundFormToObject } from './contest';

const base: Record<string, string> = {
	title: 'Đợt 1',
	opensAt: '2026-12-01T08:00',
	closesAt: '2026-12-07T20:00',
	questionCount: '10',
	timeLimitMinutes: '20',
	maxAttempts: '3',
	revealPolicy: 'after_close',
	predictionKind: '',
	predictionQuestion: ''
};

type QuotaRow = [topic: string, difficulty: string, count: string];

function form(over: Record<string, string | undefined> = {}, quotas: QuotaRow[] = []): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries({ ...base, ...over })) if (v !== undefined) f.set(k, v);
	for (const [t, d, c] of quotas) {
		f.append('quotaTopic', t);
		f.append('quotaDifficulty', d);
		f.append('quotaCount', c);
	}
	return f;
}

const parse = (f: FormData) => RoundSchema.safeParse(roundFormToObject(f));
const errorsOf = (f: FormData) => {
	const r = parse(f);
	return r.success ? {} : fieldErrors(r.error);
};

describe('RoundSchema via roundFormToObject', () => {
	it('parses a valid round, reading times as Hanoi time', () => {
		const r = parse(
			form({}, [
				['1', '', '3'],
				['', '3', '2']
			])
		);
		expect(r.success).toBe(true);
		if (!r.success) return;
		expect(r.data).toEqual({
			title: 'Đợt 1',
			opensAt: Date.UTC(2026, 11, 1, 1, 0),
			closesAt: Date.UTC(2026, 11, 7, 13, 0),
			questionCount: 10,
			timeLimitMinutes: 20,
			maxAttempts: 3,
			revealPolicy: 'after_close',
			hasPrizes: false,
			predictionKind: null,
			predictionQuestion: '',
			quotas: [
				{ topicId: 1, difficulty: null, count: 3 },
				{ topicId: null, difficulty: 3, count: 2 }
			],
			formBand: 0.5
		});
	});

	it('reads the equal-forms band with a comma or a dot, empty as ±0,5, and refuses one out of 0,1–3', () => {
		const band = (v: string) => {
			const r = parse(form({ formBand: v }));
			return r.success ? r.data.formBand : fieldErrors(r.error).formBand;
		};
		expect(band('')).toBe(0.5);
		expect(band('0,3')).toBe(0.3);
		expect(band(' 1.25 ')).toBe(1.25);
		expect(band('3')).toBe(3);
		expect(band('0,05')).toBe('Độ lệch cho phép tối thiểu là 0,1 điểm.');
		expect(band('4')).toBe('Độ lệch cho phép tối đa là 3 điểm.');
		expect(band('nửa điểm')).toBe('Độ lệch cho phép phải là một số, ví dụ 0,5.');
	});

	it('accepts a prediction question with its kind', () => {
		const r = parse(form({ predictionKind: 'participants', predictionQuestion: '  Có bao nhiêu người tham gia đợt này? ' }));
		expect(r.success).toBe(true);
		if (r.success) {
			expect(r.data.predictionKind).toBe('participants');
			expect(r.data.predictionQuestion).toBe('Có bao nhiêu người tham gia đợt này?');
		}
	});

	it('reports a closing time before the opening time on closesAt', () => {
		expect(Object.keys(errorsOf(form({ closesAt: '2026-11-30T08:00' })))).toEqual(['closesAt']);
	});

	it('reports a closing time equal to the opening time on closesAt', () => {
		expect(errorsOf(form({ closesAt: base.opensAt }))).toEqual({ closesAt: 'Thời gian đóng phải sau thời gian mở.' });
	});

	it('reports an impossible date on the field that holds it', () => {
		expect(Object.keys(errorsOf(form({ opensAt: '2026-02-30T08:00' })))).toEqual(['opensAt']);
		expect(Object.keys(errorsOf(form({ closesAt: 'ngày mai' })))).toEqual(['closesAt']);
	});

	it('reports a prediction kind without a question on predictionQuestion', () => {
		expect(errorsOf(form({ predictionKind: 'attempts', predictionQuestion: '' }))).toEqual({
			predictionQuestion: 'Vui lòng nhập nội dung câu hỏi dự đoán.'
		});
		expect(Object.keys(errorsOf(form({ predictionKind: 'attempts', predictionQuestion: undefined })))).toEqual(['predictionQuestion']);
	});

	it('rejects an unknown prediction kind', () => {
		expect(Object.keys(errorsOf(form({ predictionKind: 'weather' })))).toEqual(['predictionKind']);
	});

	it('reports quotas adding up to more than the question count on quotas', () => {
		const errors = errorsOf(
			form({ questionCount: '5' }, [
				['1', '', '3'],
				['2', '1', '3']
			])
		);
		expect(errors).toEqual({ quotas: 'Tổng hạn mức (6) vượt quá số câu hỏi (5).' });
	});

	it('accepts quotas adding up to exactly the question count', () => {
		expect(
			parse(
				form({ questionCount: '5' }, [
					['1', '', '3'],
					['2', '1', '2']
				])
			).success
		).toBe(true);
	});

	it('ignores quota rows without a count', () => {
		const r = parse(
			form({}, [
				['1', '2', ''],
				['', '', '   '],
				['2', '', '4']
			])
		);
		expect(r.success).toBe(true);
		if (r.success) expect(r.data.quotas).toEqual([{ topicId: 2, difficulty: null, count: 4 }]);
	});

	it('rejects a quota with an out-of-range difficulty', () => {
		expect(Object.keys(errorsOf(form({}, [['1', '4', '1']])))).toEqual(['quotas']);
	});

	it('reports a non-numeric question count on questionCount', () => {
		expect(errorsOf(form({ questionCount: 'mười' }))).toEqual({ questionCount: 'Số câu hỏi phải là một số.' });
	});

	it('reports a fractional or out-of-range question count on questionCount', () => {
		expect(errorsOf(form({ questionCount: '2.5' }))).toEqual({ questionCount: 'Số câu hỏi phải là số nguyên.' });
		expect(errorsOf(form({ questionCount: '0' }))).toEqual({ questionCount: 'Số câu hỏi tối thiểu là 1.' });
		expect(errorsOf(form({ questionCount: '101' }))).toEqual({ questionCount: 'Số câu hỏi tối đa là 100.' });
	});

	it('reports an unknown reveal policy on revealPolicy', () => {
		expect(errorsOf(form({ revealPolicy: 'never' }))).toEqual({ revealPolicy: 'Vui lòng chọn thời điểm công bố đáp án.' });
	});

	it('gives a prize round whose reveal policy was left out the reveal after the close', () => {
		for (const revealPolicy of [undefined, '']) {
			const r = parse(form({ hasPrizes: 'on', revealPolicy }));
			expect(r.success && { hasPrizes: r.data.hasPrizes, revealPolicy: r.data.revealPolicy }).toEqual({
				hasPrizes: true,
				revealPolicy: 'after_close'
			});
		}
	});

	it('keeps the reveal policy an organiser chose for a prize round, and asks for one on a round without prizes', () => {
		const chosen = parse(form({ hasPrizes: 'on', revealPolicy: 'after_submit' }));
		expect(chosen.success && chosen.data.revealPolicy).toBe('after_submit');
		expect(errorsOf(form({ revealPolicy: undefined }))).toEqual({ revealPolicy: 'Vui lòng chọn thời điểm công bố đáp án.' });
		const none = parse(form({ revealPolicy: 'after_submit' }));
		expect(none.success && none.data.hasPrizes).toBe(false);
	});

	it('requires a title', () => {
		expect(errorsOf(form({ title: '   ' }))).toEqual({ title: 'Vui lòng nhập tên đợt thi.' });
	});
});

describe('roundFormToObject', () => {
	it('turns repeated quota fields into a list and missing fields into undefined', () => {
		const f = new FormData();
		f.set('title', 'Đợt 2');
		f.append('quotaTopic', '3');
		f.append('quotaDifficulty', '');
		f.append('quotaCount', '2');
		const o = roundFormToObject(f);
		expect(o.title).toBe('Đợt 2');
		expect(o.opensAt).toBeUndefined();
		expect(o.quotas).toEqual([{ topicId: 3, difficulty: null, count: 2 }]);
	});
});

describe('ContestSchema', () => {
	it('cleans the title and rules', () => {
		const r = ContestSchema.parse({ title: '  Cuộc thi   tìm hiểu ', rules: 'Điều 1.  \r\nĐiều 2.', status: 'draft' });
		expect(r).toEqual({ title: 'Cuộc thi tìm hiểu', rules: 'Điều 1.\nĐiều 2.', status: 'draft', practiceHidesOpenRounds: false });
	});

	it('reads the practice switch as a ticked checkbox, and refuses anything else', () => {
		const base = { title: 'Cuộc thi 2026', status: 'published' };
		expect(ContestSchema.parse({ ...base, practiceHidesOpenRounds: 'on' }).practiceHidesOpenRounds).toBe(true);
		expect(ContestSchema.parse({ ...base, practiceHidesOpenRounds: '' }).practiceHidesOpenRounds).toBe(false);
		expect(ContestSchema.safeParse({ ...base, practiceHidesOpenRounds: 'yes' }).success).toBe(false);
	});

	it('defaults missing rules to an empty text', () => {
		expect(ContestSchema.parse({ title: 'Cuộc thi 2026', status: 'published' }).rules).toBe('');
	});

	it('rejects a short title and an unknown status', () => {
		const r = ContestSchema.safeParse({ title: 'Thi', status: 'deleted' });
		expect(r.success).toBe(false);
		if (!r.success) expect(Object.keys(fieldErrors(r.error)).sort()).toEqual(['status', 'title']);
	});
});

describe('empty required fields', () => {
	it('say "Vui lòng nhập …" on the round form, empty or missing — not "không hợp lệ" or "tối thiểu"', () => {
		const expected = {
			title: 'Vui lòng nhập tên đợt thi.',
			opensAt: 'Vui lòng nhập thời gian mở.',
			closesAt: 'Vui lòng nhập thời gian đóng.',
			questionCount: 'Vui lòng nhập số câu hỏi.',
			timeLimitMinutes: 'Vui lòng nhập thời gian làm bài.',
			maxAttempts: 'Vui lòng nhập số lượt thi tối đa.',
			revealPolicy: 'Vui lòng chọn thời điểm công bố đáp án.'
		};
		const blank = { title: ' ', opensAt: '', closesAt: '', questionCount: '', timeLimitMinutes: ' ', maxAttempts: '', revealPolicy: '' };
		expect(errorsOf(form(blank))).toEqual(expected);
		const missing = Object.fromEntries(Object.keys(blank).map((k) => [k, undefined]));
		expect(errorsOf(form(missing))).toEqual(expected);
	});

	it('say "Vui lòng nhập tên cuộc thi." on the contest form', () => {
		for (const title of ['', '   ', undefined]) {
			const r = ContestSchema.safeParse({ title, rules: '', status: 'draft' });
			expect(r.success ? {} : fieldErrors(r.error)).toEqual({ title: 'Vui lòng nhập tên cuộc thi.' });
		}
		const short = ContestSchema.safeParse({ title: 'Thi', rules: '', status: 'draft' });
		expect(short.success ? {} : fieldErrors(short.error)).toEqual({ title: 'Tên cuộc thi cần ít nhất 5 ký tự.' });
	});
});

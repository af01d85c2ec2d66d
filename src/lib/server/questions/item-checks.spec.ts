import { describe, expect, it } from 'vitest';
import {
	checkAllButOutliers,
	checkBank,
	checkCrossAnswers,
	checkDoubleNegative,
	checkLongCorrect,
	checkNearDuplicates,
	checkStemEcho,
	commonSyllables,
	contentSyllables,
	isExtreme,
	syllables,
	type CheckedContent
} from './item-checks';

const single = (stem: string, options: string[], correct: number): CheckedContent => ({
	kind: 'single',
	stem,
	options: options.map((text, i) => ({ text, correct: i === correct }))
});
const multiple = (stem: string, options: string[], correct: number[]): CheckedContent => ({
	kind: 'multiple',
	stem,
	options: options.map((text, i) => ({ text, correct: correct.includes(i) }))
});

describe('text', () => {
	it('splits Vietnamese into syllables in NFC lower case, keeping dates and numbers whole', () => {
		expect(syllables('Ngày 01/7/2023, Luật PCBLGĐ')).toEqual(['ngày', '01/7/2023', 'luật', 'pcblgđ']);
		expect(syllables('Bạo lực'.normalize('NFD'))).toEqual(['bạo', 'lực']);
	});
	it('drops stop syllables (và, của, là, các, những, được, theo…)', () => {
		expect(contentSyllables('Theo luật, những hành vi nào sau đây là bạo lực và được cấm?')).toEqual([
			'luật',
			'hành',
			'vi',
			'bạo',
			'lực',
			'cấm'
		]);
	});
});

describe('correct option markedly longer', () => {
	it('flags a correct option ≥ 1.5 × and ≥ 10 characters longer than the longest wrong one', () => {
		const q = single(
			'Bình đẳng giới là gì?',
			['Nam hơn nữ', 'Nữ hơn nam', 'Nam, nữ có vị trí, vai trò ngang nhau, được tạo cơ hội như nhau', 'Không ai hơn'],
			2
		);
		expect(checkLongCorrect(q)?.code).toBe('long_correct');
	});
	it('does not flag when the wrong options are as detailed', () => {
		const q = single(
			'Bình đẳng giới là gì?',
			[
				'Nam có vai trò cao hơn nữ trong mọi việc',
				'Nữ có vai trò cao hơn nam trong mọi việc',
				'Nam, nữ có vị trí, vai trò ngang nhau',
				'Nam, nữ có vai trò khác nhau tùy nơi'
			],
			2
		);
		expect(checkLongCorrect(q)).toBeNull();
	});
	it('needs both the ratio and the 10 characters: short options twice as long do not flag', () => {
		expect(checkLongCorrect(single('Số nào?', ['111', '113', '11111', '1'], 2))).toBeNull();
	});
	it('leaves true/false and multi-select alone', () => {
		expect(
			checkLongCorrect({
				kind: 'true_false',
				stem: 'Đúng hay sai?',
				options: [
					{ text: 'Đúng', correct: true },
					{ text: 'Sai', correct: false }
				]
			})
		).toBeNull();
	});
});

describe('stem words repeated only in the correct option', () => {
	it('flags two or more stem syllables found in the correct option and no wrong one', () => {
		const q = single(
			'Tội nào được quy định để bảo vệ người dưới 16 tuổi?',
			['Tội làm nhục người khác', 'Tội mua bán người dưới 16 tuổi', 'Tội vi phạm chế độ một vợ, một chồng', 'Tội cố ý gây thương tích'],
			1
		);
		const f = checkStemEcho(q);
		expect(f?.code).toBe('stem_echo');
		expect(f?.message).toContain('dưới');
	});
	it('does not flag when the wrong options repeat the same words', () => {
		const q = single(
			'Tội nào được quy định để bảo vệ người dưới 16 tuổi?',
			[
				'Tội hiếp dâm người dưới 16 tuổi',
				'Tội mua bán người dưới 16 tuổi',
				'Tội chiếm đoạt người dưới 16 tuổi',
				'Tội dâm ô đối với người dưới 16 tuổi'
			],
			1
		);
		expect(checkStemEcho(q)).toBeNull();
	});
	it('ignores the bank’s common words (the topic’s own, like “gia đình”)', () => {
		const q = single('Thành viên gia đình gồm những ai?', ['Hàng xóm', 'Con dâu trong gia đình', 'Bạn học', 'Đồng nghiệp'], 1);
		expect(checkStemEcho(q)?.code).toBe('stem_echo');
		expect(checkStemEcho(q, new Set(['gia', 'đình']))).toBeNull();
	});
	it('finds the common words as syllables in at least 15 % of a bank of 20 or more', () => {
		const stems = Array.from({ length: 20 }, (_, i) => (i < 4 ? `Bạo lực gia đình q${i}` : `q${i}`));
		expect(commonSyllables(stems)).toEqual(new Set(['bạo', 'lực', 'gia', 'đình']));
		expect(commonSyllables(stems.slice(0, 19)).size).toBe(0);
	});
});

describe('multi-select where all but obvious outliers is correct', () => {
	it('flags at most one wrong option', () => {
		const q = multiple('Những lĩnh vực nào?', ['Chính trị', 'Tín ngưỡng, tôn giáo', 'Lao động', 'Gia đình'], [0, 2, 3]);
		expect(checkAllButOutliers(q)?.code).toBe('all_but_outliers');
	});
	it('flags when every wrong option is worded absolutely', () => {
		const q = multiple(
			'Khi nào phạm tội?',
			['Thường xuyên gây đau đớn', 'Chỉ khi nạn nhân có đơn', 'Đã bị xử phạt hành chính mà còn vi phạm', 'Chỉ khi xảy ra ở nơi công cộng'],
			[0, 2]
		);
		expect(checkAllButOutliers(q)?.message).toContain('tuyệt đối');
		expect(isExtreme('Phải có nhà riêng')).toBe(true);
		expect(isExtreme('Không phải là bạo lực')).toBe(false);
	});
	it('does not flag two plausible wrong options', () => {
		const q = multiple('Những lĩnh vực nào?', ['Chính trị', 'Tín ngưỡng, tôn giáo', 'Lao động', 'Quốc phòng, an ninh'], [0, 2]);
		expect(checkAllButOutliers(q)).toBeNull();
	});
});

describe('negatives in stem and options together', () => {
	it('flags “không … không”', () => {
		const q = single('Hành vi nào sau đây KHÔNG bị cấm?', ['Không cho vợ gặp người thân', 'Chia sẻ việc nhà', 'Đánh đập', 'Lăng mạ'], 1);
		expect(checkDoubleNegative(q)?.message).toContain('phương án A');
	});
	it('does not flag a negative in the stem only, or in the options only', () => {
		expect(checkDoubleNegative(single('Hành vi nào sau đây KHÔNG bị cấm?', ['Chia sẻ việc nhà', 'Đánh đập', 'Lăng mạ'], 0))).toBeNull();
		expect(checkDoubleNegative(single('Hành vi nào là bạo lực?', ['Không cho vợ gặp người thân', 'Chia sẻ việc nhà'], 0))).toBeNull();
	});
});

describe('near-duplicate options', () => {
	it('flags the same words in another order and one-letter typos', () => {
		expect(
			checkNearDuplicates(single('?', ['Công an xã, Ủy ban nhân dân xã', 'Ủy ban nhân dân xã, công an xã', 'Hàng xóm'], 0))?.message
		).toContain('A–B');
		expect(checkNearDuplicates(single('?', ['Trợ giúp pháp lý miễn phí', 'Trợ giúp pháp lí miễn phí', 'Hàng xóm'], 0))?.code).toBe(
			'near_duplicate'
		);
	});
	it('does not flag options that differ in their numbers or only in diacritics', () => {
		expect(checkNearDuplicates(single('?', ['Điều 140 Bộ luật Hình sự', 'Điều 146 Bộ luật Hình sự', 'Ngày 01/6/2017'], 0))).toBeNull();
		expect(checkNearDuplicates(single('?', ['Bà', 'Ba', 'Bá'], 0))).toBeNull();
	});
});

describe('a question that answers another (bank-wide)', () => {
	it('flags a wrong option that is another question’s correct answer on the same fact, both ways', () => {
		const a = {
			id: 1,
			content: single(
				'Theo Luật Bình đẳng giới 2006, “giới tính” được hiểu là gì?',
				['Đặc điểm, vị trí, vai trò của nam và nữ', 'Các đặc điểm sinh học của nam, nữ', 'Sở thích'],
				1
			)
		};
		const b = {
			id: 2,
			content: single(
				'Theo Luật Bình đẳng giới 2006, “giới” được hiểu là gì?',
				['Đặc điểm, vị trí, vai trò của nam và nữ', 'Các đặc điểm sinh học của nam, nữ', 'Tuổi tác'],
				0
			)
		};
		const flags = checkCrossAnswers([a, b]);
		expect(flags.get(1)?.[0]).toMatchObject({ code: 'cross_answer', other: 2 });
		expect(flags.get(2)?.[0]).toMatchObject({ code: 'cross_answer', other: 1 });
		expect(flags.get(1)?.[0].message).toContain('nhóm loại trừ');
	});
	it('flags a stem that states another question’s answer', () => {
		const a = {
			id: 1,
			content: {
				kind: 'true_false',
				stem: 'Đúng hay sai: Theo Nghị định 282/2025/NĐ-CP, ép con học quá sức bị phạt.',
				options: [
					{ text: 'Đúng', correct: true },
					{ text: 'Sai', correct: false }
				]
			} as CheckedContent
		};
		const b = {
			id: 2,
			content: single(
				'Từ 15/12/2025 xử phạt bạo lực gia đình theo nghị định nào?',
				['Nghị định 144/2021/NĐ-CP', 'Nghị định 282/2025/NĐ-CP'],
				1
			)
		};
		expect(checkCrossAnswers([a, b]).get(2)?.[0].other).toBe(1);
	});
	it('leaves questions on different facts alone, and pairs already in one exclusion group', () => {
		const a = { id: 1, content: single('Luật Trẻ em có hiệu lực từ ngày nào?', ['Ngày 01/6/2017', 'Ngày 01/7/2023'], 0) };
		const b = { id: 2, content: single('Số điện thoại của tổng đài bảo vệ trẻ em?', ['111', '113'], 0) };
		expect(checkCrossAnswers([a, b]).size).toBe(0);
		const c = {
			id: 3,
			content: single('Luật Trẻ em bắt đầu có hiệu lực từ ngày nào?', ['Ngày 01/6/2017', 'Ngày 01/7/2023'], 1)
		};
		expect(checkCrossAnswers([a, c]).size).toBe(2);
		expect(
			checkCrossAnswers([
				{ ...a, group: 'hieu-luc' },
				{ ...c, group: 'hieu-luc' }
			]).size
		).toBe(0);
	});
	it('checkBank gathers every flag per question', () => {
		const q = { id: 7, content: multiple('Những lĩnh vực nào?', ['Chính trị', 'Tín ngưỡng', 'Lao động'], [0, 2]) };
		expect(
			checkBank([q])
				.get(7)
				?.map((f) => f.code)
		).toEqual(['all_but_outliers']);
	});
});

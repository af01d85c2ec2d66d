import { describe, expect, it } from 'vitest';
import { revealText } from './round-rules';

describe('revealText', () => {
	const closesAt = Date.UTC(2026, 11, 20, 10, 0); // 17:00 in Hanoi
	it('promises the answers right after hand-in only for rounds set so', () => {
		expect(revealText('after_submit', closesAt)).toBe('Đáp án và giải thích được công bố ngay sau khi bạn nộp bài.');
	});
	it('gives the closing time in Hanoi for rounds that reveal after closing', () => {
		expect(revealText('after_close', closesAt)).toBe('Đáp án và giải thích được công bố sau khi đợt thi kết thúc (17:00 20/12/2026).');
	});
});

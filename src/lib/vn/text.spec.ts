import { describe, it, expect } from 'vitest';
import { cleanMultiline, cleanText, foldVietnamese, maskName } from './text';

const nfd = (s: string) => s.normalize('NFD');

describe('cleanText', () => {
	it('turns decomposed (NFD) Vietnamese into composed (NFC)', () => {
		const input = nfd('Nguyễn Thị Hằng');
		expect(input).not.toBe('Nguyễn Thị Hằng'.normalize('NFC'));
		const out = cleanText(input);
		expect(out).toBe('Nguyễn Thị Hằng'.normalize('NFC'));
		expect(out.normalize('NFC')).toBe(out);
	});

	it('composes a hand-built combining sequence', () => {
		// e + circumflex + tilde → ễ
		expect(cleanText('Nguye\u0302\u0303n')).toBe('Nguy\u1EC5n');
	});

	it('removes zero-width spaces, joiners and BOMs', () => {
		expect(cleanText('Hà\u200B Nội\uFEFF')).toBe('Hà Nội');
		expect(cleanText('Hu\u200Dế\u200C')).toBe('Huế');
	});

	it('collapses inner whitespace and trims', () => {
		expect(cleanText('  Cuộc   thi\t tìm hiểu\n\npháp luật  ')).toBe('Cuộc thi tìm hiểu pháp luật');
	});

	it('turns non-breaking spaces into ordinary spaces', () => {
		expect(cleanText('Hà\u00A0Nội')).toBe('Hà Nội');
	});
});

describe('cleanMultiline', () => {
	it('keeps line breaks while tidying each line', () => {
		expect(cleanMultiline(nfd('  Điều 1.   Thể lệ  \r\nĐiều 2.\tGiải thưởng \r\n\n'))).toBe('Điều 1. Thể lệ\nĐiều 2. Giải thưởng');
	});
});

describe('foldVietnamese', () => {
	it('removes diacritics and lowercases', () => {
		expect(foldVietnamese('Nguyễn Thị Hằng')).toBe('nguyen thi hang');
	});

	it('maps đ and Đ to d', () => {
		expect(foldVietnamese('Đặng')).toBe('dang');
		expect(foldVietnamese('Đỗ Đức Đạt đến')).toBe('do duc dat den');
	});

	it('gives the same result for NFD input', () => {
		expect(foldVietnamese(nfd('Nguyễn Thị Hằng'))).toBe('nguyen thi hang');
		expect(foldVietnamese(nfd('Đặng'))).toBe('dang');
	});

	it('collapses spacing like cleanText', () => {
		expect(foldVietnamese('  Trần   Ánh\u200B  Dương ')).toBe('tran anh duong');
	});

	it('folds every tone on every vowel', () => {
		expect(foldVietnamese('àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ')).toBe(
			'aaaaa aaaaaa aaaaaa eeeee eeeeee iiiii ooooo oooooo oooooo uuuuu uuuuuu yyyyy'
		);
	});
});

describe('maskName', () => {
	it('keeps the family name and reduces the others to initials', () => {
		expect(maskName('Nguyễn Thị Hằng')).toBe('Nguyễn T. H.');
	});

	it('reduces a single-word name to its initial', () => {
		expect(maskName('Hằng')).toBe('H.');
	});

	it('ignores extra spaces', () => {
		expect(maskName('  Nguyễn   Thị  Hằng ')).toBe('Nguyễn T. H.');
	});

	it('uppercases the initials, including Đ', () => {
		expect(maskName('Đỗ đức anh')).toBe('Đỗ Đ. A.');
	});

	it('composes NFD input so an initial keeps its diacritic', () => {
		expect(maskName(nfd('Lê Ánh Dương'))).toBe('Lê Á. D.');
	});

	it('returns an empty string for an empty name', () => {
		expect(maskName('')).toBe('');
		expect(maskName('   ')).toBe('');
	});
});

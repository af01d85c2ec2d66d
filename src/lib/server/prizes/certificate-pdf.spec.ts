import { createRequire } from 'node:module';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { certificateLines, FONT_FILES, issuePlaceDate, pdfText, renderCertificates, type CertificateContent } from './certificate-pdf';

/** The 134 precomposed Vietnamese letters: 12 vowels × 5 tones, ă â ê ô ơ ư and đ — lower and upper case. */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const LOWER = [
	...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))),
	...['ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ'].map((c) => c.normalize('NFC'))
];
const LETTERS = [...LOWER, ...LOWER.map((c) => c.toLocaleUpperCase('vi-VN'))];

const base: CertificateContent = {
	code: 'K7Q2M9XA3P',
	verifyUrl: 'http://localhost/v/K7Q2M9XA3P',
	kind: 'prize',
	holder: 'Nguyễn Thị Hằng',
	unitName: 'Quận Ba Đình',
	prizeName: 'Giải Nhất',
	contestTitle: 'Tìm hiểu kiến thức phòng ngừa, ứng phó với bạo lực, xâm hại phụ nữ, trẻ em',
	roundTitle: 'Tuần 1',
	issuedAt: Date.UTC(2026, 11, 1, 3),
	organisation: 'Hội Liên hiệp Phụ nữ thành phố Hà Nội',
	revoked: false
};

async function pdfTextOf(bytes: Buffer): Promise<string[]> {
	const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
	const pages: string[] = [];
	for (let i = 1; i <= doc.numPages; i++) {
		const content = await (await doc.getPage(i)).getTextContent();
		pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
	}
	await doc.destroy();
	return pages;
}

describe('the certificate font', () => {
	it('lists all 134 precomposed Vietnamese letters, each one a single NFC code point', () => {
		expect(new Set(LETTERS).size).toBe(134);
		for (const c of LETTERS) expect([...c]).toHaveLength(1);
	});

	it('ships with the package and has a glyph for every precomposed Vietnamese letter, in every face used', () => {
		const fontkit = createRequire(import.meta.url)('fontkit') as { create(b: Buffer): { hasGlyphForCodePoint(c: number): boolean } };
		for (const file of Object.values(FONT_FILES)) {
			const font = fontkit.create(fs.readFileSync(file));
			const missing = LETTERS.filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
			expect(missing, file).toEqual([]);
		}
	});
});

describe('certificate PDF', () => {
	it('renders every Vietnamese letter so that the text extracts back unchanged', async () => {
		const holder = LETTERS.join('');
		const pdf = await renderCertificates([{ ...base, holder: holder.slice(0, 67), unitName: holder.slice(67) }]);
		const [text] = await pdfTextOf(pdf);
		const flat = text.normalize('NFC').replace(/\s+/g, '');
		for (const c of LETTERS) expect(flat, c).toContain(c);
		expect(flat).toContain(holder.slice(0, 67));
	});

	it('NFC-normalises text typed decomposed before layout', async () => {
		const decomposed = 'Nguyễn Thị Hằng'.normalize('NFD');
		expect(certificateLines({ ...base, holder: decomposed }).holder).toBe('Nguyễn Thị Hằng');
		expect(pdfText('Tuần\t1'.normalize('NFD'))).toBe('Tuần 1');
		const [text] = await pdfTextOf(await renderCertificates([{ ...base, holder: decomposed }]));
		// Laid out precomposed: one glyph per letter, no combining marks in what extracts back.
		expect(text).toContain('Nguy\u1ec5n Th\u1ecb H\u1eb1ng');
		expect(text).not.toMatch(/[\u0300-\u036f]/);
	});

	it('puts the prize, round, contest, unit, code and date on the page, one page per certificate', async () => {
		const pages = await pdfTextOf(
			await renderCertificates([base, { ...base, kind: 'participation', prizeName: null, holder: 'Trần Văn Ẩn', revoked: true }])
		);
		expect(pages).toHaveLength(2);
		expect(pages[0]).toContain('GIẤY CHỨNG NHẬN');
		expect(pages[0]).toContain('Đã đạt Giải Nhất, đợt thi Tuần 1');
		expect(pages[0]).toContain('Đơn vị: Quận Ba Đình');
		expect(pages[0]).toContain('Mã xác minh: K7Q2M9XA3P');
		expect(pages[0]).toContain('Hà Nội, ngày 01 tháng 12 năm 2026');
		expect(pages[1]).toContain('Đã tham gia đợt thi Tuần 1');
		expect(pages[1]).toContain('ĐÃ THU HỒI');
	});

	it('dates the issue in Hanoi time', () => {
		// 31/12 at 20:00 UTC is already 01/01 in Hanoi.
		expect(issuePlaceDate(Date.UTC(2026, 11, 31, 20))).toBe('Hà Nội, ngày 01 tháng 01 năm 2027');
	});
});

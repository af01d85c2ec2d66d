import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * Certificates as PDF (issue 16 item 6): one A4 landscape page per certificate, many in one file
 * for the organisers' bulk download. Vietnamese needs a font with its precomposed letters: Be
 * Vietnam Pro (SIL Open Font License 1.1, from the npm package @expo-google-fonts/be-vietnam-pro,
 * so a fresh `npm ci` has it — no system font). pdfkit embeds the subset it uses and writes a
 * ToUnicode map, so the text extracts back (certificate-pdf.spec.ts). Every text is NFC-normalised
 * before layout: a decomposed "ệ" (e + two combining marks) would otherwise be laid out as three
 * glyphs and may render with misplaced marks.
 */

const require = createRequire(import.meta.url);
const FONT_PACKAGE = '@expo-google-fonts/be-vietnam-pro';
export const FONT_FILES = {
	regular: require.resolve(`${FONT_PACKAGE}/400Regular/BeVietnamPro_400Regular.ttf`),
	bold: require.resolve(`${FONT_PACKAGE}/700Bold/BeVietnamPro_700Bold.ttf`),
	italic: require.resolve(`${FONT_PACKAGE}/400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf`)
};

export interface CertificateContent {
	code: string;
	/** Where the QR code leads: the public verification page of this code. */
	verifyUrl: string;
	kind: 'prize' | 'participation';
	/** The person's full name (their own document) or the unit's name (a unit prize). */
	holder: string;
	unitName: string | null;
	prizeName: string | null;
	contestTitle: string;
	roundTitle: string | null;
	issuedAt: number;
	organisation: string;
	revoked: boolean;
}

/** NFC, and no control characters (a name typed with a stray tab must not break the layout). */
export function pdfText(s: string): string {
	// eslint-disable-next-line no-control-regex
	return s.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/** "Hà Nội, ngày 01 tháng 12 năm 2026" in Asia/Ho_Chi_Minh. */
export function issuePlaceDate(at: number): string {
	const parts = new Intl.DateTimeFormat('vi-VN', {
		timeZone: 'Asia/Ho_Chi_Minh',
		day: '2-digit',
		month: '2-digit',
		year: 'numeric'
	}).formatToParts(at);
	const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
	return `Hà Nội, ngày ${get('day')} tháng ${get('month')} năm ${get('year')}`;
}

/** The lines of a certificate, top to bottom, already NFC (what the PDF lays out and the tests read back). */
export function certificateLines(c: CertificateContent) {
	const what =
		c.kind === 'prize'
			? `Đã đạt ${c.prizeName ?? 'giải'}${c.roundTitle ? `, đợt thi ${c.roundTitle}` : ''}`
			: `Đã tham gia ${c.roundTitle ? `đợt thi ${c.roundTitle}` : 'cuộc thi'}`;
	return {
		organisation: pdfText(c.organisation.toLocaleUpperCase('vi-VN')),
		motto: pdfText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
		motto2: pdfText('Độc lập - Tự do - Hạnh phúc'),
		title: pdfText('GIẤY CHỨNG NHẬN'),
		grants: pdfText(`${c.organisation} chứng nhận`),
		holder: pdfText(c.holder),
		unit: c.unitName ? pdfText(`Đơn vị: ${c.unitName}`) : null,
		what: pdfText(what),
		contest: pdfText(`Cuộc thi “${c.contestTitle}”`),
		date: pdfText(issuePlaceDate(c.issuedAt)),
		code: pdfText(`Mã xác minh: ${c.code}`),
		verify: pdfText(`Quét mã QR hoặc mở ${c.verifyUrl} để kiểm tra`),
		revoked: c.revoked ? pdfText('ĐÃ THU HỒI') : null
	};
}

const RED = '#b91c1c';
const INK = '#1f2937';

/** One PDF with a page per certificate (at least one). */
export async function renderCertificates(list: readonly CertificateContent[]): Promise<Buffer> {
	if (list.length === 0) throw new Error('no certificate to render');
	const qrs = await Promise.all(
		list.map((c) => QRCode.toBuffer(c.verifyUrl, { type: 'png', margin: 1, width: 220, errorCorrectionLevel: 'M' }))
	);
	const doc = new PDFDocument({
		size: 'A4',
		layout: 'landscape',
		margin: 0,
		autoFirstPage: false,
		info: { Title: pdfText('Giấy chứng nhận'), Author: pdfText(list[0].organisation), Producer: 'hoithi', Creator: 'hoithi' }
	});
	doc.registerFont('regular', FONT_FILES.regular);
	doc.registerFont('bold', FONT_FILES.bold);
	doc.registerFont('italic', FONT_FILES.italic);
	const chunks: Buffer[] = [];
	doc.on('data', (b: Buffer) => chunks.push(b));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	list.forEach((c, i) => page(doc, c, qrs[i]));
	doc.end();
	return done;
}

function page(doc: PDFKit.PDFDocument, c: CertificateContent, qr: Buffer) {
	doc.addPage();
	const W = doc.page.width;
	const H = doc.page.height;
	const l = certificateLines(c);
	doc
		.lineWidth(3)
		.strokeColor(RED)
		.rect(24, 24, W - 48, H - 48)
		.stroke();
	doc
		.lineWidth(1)
		.rect(32, 32, W - 64, H - 64)
		.stroke();
	const half = (W - 120) / 2;
	doc.fillColor(INK).font('bold').fontSize(11);
	doc.text(l.organisation, 60, 56, { width: half, align: 'center' });
	doc.text(l.motto, 60 + half, 56, { width: half, align: 'center' });
	doc.font('regular').text(l.motto2, 60 + half, 72, { width: half, align: 'center' });
	doc
		.font('bold')
		.fontSize(40)
		.fillColor(RED)
		.text(l.title, 60, 118, { width: W - 120, align: 'center' });
	doc
		.font('regular')
		.fontSize(15)
		.fillColor(INK)
		.text(l.grants, 60, 186, { width: W - 120, align: 'center' });
	doc
		.font('bold')
		.fontSize(30)
		.fillColor(INK)
		.text(l.holder, 60, 214, { width: W - 120, align: 'center' });
	let y = 262;
	if (l.unit) {
		doc
			.font('regular')
			.fontSize(15)
			.text(l.unit, 60, y, { width: W - 120, align: 'center' });
		y += 26;
	}
	doc
		.font('bold')
		.fontSize(20)
		.fillColor(RED)
		.text(l.what, 60, y, { width: W - 120, align: 'center' });
	y = doc.y + 6;
	doc
		.font('italic')
		.fontSize(14)
		.fillColor(INK)
		.text(l.contest, 90, y, { width: W - 180, align: 'center' });
	doc
		.font('italic')
		.fontSize(13)
		.text(l.date, W / 2, H - 150, { width: W / 2 - 60, align: 'center' });
	doc.image(qr, 60, H - 176, { width: 110, height: 110 });
	doc
		.font('bold')
		.fontSize(11)
		.text(l.code, 178, H - 150, { width: 260 });
	doc
		.font('regular')
		.fontSize(9)
		.text(l.verify, 178, H - 132, { width: 260 });
	if (l.revoked) {
		doc.save().rotate(-20, { origin: [W / 2, H / 2] });
		doc
			.font('bold')
			.fontSize(72)
			.fillColor(RED)
			.opacity(0.35)
			.text(l.revoked, 0, H / 2 - 40, { width: W, align: 'center' });
		doc.restore();
	}
}

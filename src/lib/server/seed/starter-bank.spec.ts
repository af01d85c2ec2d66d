import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../db';
import { exportFile, exportRows, previewFile, writePlan } from '../questions/bank';
import { COLUMN_KEYS, type ColumnKey, type ImportQuestion } from '../questions/bank-format';
import { writeSheet } from '../questions/bank-file';
import { checkBank } from '../questions/item-checks';
import { STARTER_BANK_FILE } from './demo';

/**
 * The starter bank is a CSV in the import layout (it replaced 2,020 lines of TypeScript). The
 * counts and the sample questions below were copied from that TypeScript before it was deleted.
 */
let db: Db;
beforeEach(async () => {
	db = openDatabase(':memory:');
	await migrateToLatest(db);
});
afterEach(async () => {
	await db.destroy();
});

const bytes = () => fs.readFileSync(STARTER_BANK_FILE);

async function importStarter(): Promise<ImportQuestion[]> {
	const res = await previewFile(db, { name: 'starter-bank.csv', bytes: bytes() });
	if (!res.ok) throw new Error(res.message);
	expect(res.report.format).toBe('csv');
	expect(res.report.errors).toEqual([]);
	expect(res.plan).not.toBeNull();
	return res.plan!.questions;
}

const find = (qs: ImportQuestion[], stemStart: string) => {
	const hits = qs.filter((q) => q.content.stem.startsWith(stemStart));
	expect(hits).toHaveLength(1);
	return hits[0];
};

describe('starter bank file', () => {
	it('is UTF-8 with a BOM, so Excel shows the Vietnamese text', () => {
		const b = bytes();
		expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder('utf-8', { fatal: true }).decode(b);
		expect(text).toBe(text.normalize('NFC'));
		expect(text).toContain('Luật Phòng, chống bạo lực gia đình 2022');
	});

	it('imports through the upload path without errors: 151 questions in 6 topics (146 of the TypeScript bank, 5 on the Union’s models)', async () => {
		const qs = await importStarter();
		expect(qs).toHaveLength(151);
		const perTopic: Record<string, number> = {};
		for (const q of qs) perTopic[q.topicCode] = (perTopic[q.topicCode] ?? 0) + 1;
		expect(perTopic).toEqual({
			'bao-luc-gia-dinh': 29,
			'binh-dang-gioi': 22,
			'tre-em': 29,
			'hon-nhan-gia-dinh': 21,
			'ky-nang': 22,
			'ngay-ky-niem': 28
		});
		const count = (f: (q: ImportQuestion) => boolean) => qs.filter(f).length;
		expect([1, 2, 3].map((d) => count((q) => q.difficulty === d))).toEqual([61, 59, 31]);
		expect(['single', 'multiple', 'true_false'].map((k) => count((q) => q.content.kind === k))).toEqual([106, 20, 25]);
		expect(count((q) => q.status === 'published')).toBe(151);
		// Issue 15: the Criminal Code's sexual offences and marital rape are for adults only.
		expect(count((q) => q.fit.audience === 'adults')).toBe(8);

		const res = await previewFile(db, { name: 'starter-bank.csv', bytes: bytes() });
		expect(res.ok && res.report.newTopics).toEqual([
			{ code: 'bao-luc-gia-dinh', name: 'Luật Phòng, chống bạo lực gia đình 2022' },
			{ code: 'binh-dang-gioi', name: 'Luật Bình đẳng giới' },
			{ code: 'tre-em', name: 'Luật Trẻ em và phòng, chống xâm hại trẻ em' },
			{ code: 'hon-nhan-gia-dinh', name: 'Luật Hôn nhân và gia đình' },
			{ code: 'ky-nang', name: 'Kỹ năng an toàn và nơi tìm trợ giúp' },
			{ code: 'ngay-ky-niem', name: 'Các ngày, tháng kỷ niệm và mô hình của Hội Phụ nữ' }
		]);
	});

	it('holds the questions of the TypeScript bank word for word (spot checks)', async () => {
		const qs = await importStarter();
		expect(qs[0]).toMatchObject({
			topicCode: 'bao-luc-gia-dinh',
			difficulty: 1,
			content: {
				kind: 'single',
				stem: 'Theo Luật Phòng, chống bạo lực gia đình 2022, bạo lực gia đình là hành vi cố ý của thành viên gia đình gây tổn hại hoặc có khả năng gây tổn hại về những mặt nào đối với thành viên khác trong gia đình?',
				options: [
					{ text: 'Chỉ về thể chất (thân thể, sức khỏe)', correct: false },
					{ text: 'Về thể chất, tinh thần, tình dục, kinh tế', correct: true },
					{ text: 'Chỉ về thể chất và tinh thần', correct: false },
					{ text: 'Chỉ về kinh tế (tiền bạc, tài sản)', correct: false }
				],
				explanation:
					'Luật định nghĩa bạo lực gia đình gồm tổn hại về thể chất, tinh thần, tình dục và kinh tế. Vì vậy không chỉ đánh đập, mà cả xúc phạm, ép buộc tình dục hay kiểm soát tiền bạc cũng có thể là bạo lực gia đình.',
				legalRef: 'Khoản 1 Điều 2, Luật Phòng, chống bạo lực gia đình 2022'
			}
		});
		// Rewritten for issue 15 (item-writing checks): two plausible wrong options instead of one silly one.
		expect(find(qs, 'Theo Luật Phòng, chống bạo lực gia đình 2022, những hành vi nào sau đây')).toMatchObject({
			difficulty: 2,
			content: {
				kind: 'multiple',
				options: [
					{ text: 'Lăng mạ, chì chiết, xúc phạm danh dự, nhân phẩm của người thân trong gia đình', correct: true },
					{ text: 'Lăng mạ, xúc phạm người hàng xóm khi tranh chấp lối đi chung', correct: false },
					{ text: 'Ngăn cản thành viên gia đình gặp gỡ người thân, bạn bè để cô lập họ', correct: true },
					{ text: 'Cả nhà cùng bàn bạc, thống nhất kế hoạch chi tiêu trong tháng', correct: false }
				],
				legalRef: 'Khoản 1 Điều 2; điểm b, e khoản 1 Điều 3, Luật Phòng, chống bạo lực gia đình 2022'
			}
		});
		expect(find(qs, 'Đúng hay sai: Theo Luật Phòng, chống bạo lực gia đình 2022, các quy định')).toMatchObject({
			difficulty: 2,
			content: {
				kind: 'true_false',
				stem: 'Đúng hay sai: Theo Luật Phòng, chống bạo lực gia đình 2022, các quy định về hành vi bạo lực gia đình chỉ áp dụng giữa vợ và chồng đang còn hôn nhân.',
				options: [
					{ text: 'Đúng', correct: false },
					{ text: 'Sai', correct: true }
				],
				legalRef: 'Khoản 1 Điều 2 và khoản 2 Điều 3, Luật Phòng, chống bạo lực gia đình 2022'
			}
		});
		expect(find(qs, 'Trong các ngày, tháng sau, đâu là dịp dành riêng cho trẻ em?')).toMatchObject({
			topicCode: 'ngay-ky-niem',
			difficulty: 1,
			content: {
				kind: 'multiple',
				options: [
					{ text: 'Tháng 6 – Tháng hành động vì trẻ em', correct: true },
					{ text: '20/3 – Ngày Quốc tế Hạnh phúc', correct: false },
					{ text: '11/10 – Ngày Quốc tế trẻ em gái', correct: true },
					{ text: '9/11 – Ngày Pháp luật Việt Nam', correct: false }
				],
				explanation:
					'Tháng 6 là Tháng hành động vì trẻ em và 11/10 là Ngày Quốc tế trẻ em gái. Ngày 20/3 (Quốc tế Hạnh phúc) và 9/11 (Ngày Pháp luật) dành cho mọi người.',
				legalRef: 'Khoản 1 Điều 11, Luật Trẻ em 2016; Nghị quyết 66/170 ngày 19/12/2011 của Đại hội đồng Liên Hợp Quốc'
			}
		});
		// Issue 15: the Union's models, from CONTENT.md (BLGĐ-20, section 3b), with the exclusion group
		// that keeps the two questions on one fact out of one attempt.
		expect(find(qs, 'Theo Luật Phòng, chống bạo lực gia đình 2022, “địa chỉ tin cậy” ở cộng đồng là gì?')).toMatchObject({
			topicCode: 'ngay-ky-niem',
			fit: { audience: 'all', minAge: null, exclusionGroup: 'dia-chi-tin-cay' },
			content: { kind: 'single', legalRef: 'Điều 36, Luật Phòng, chống bạo lực gia đình 2022' }
		});
	});

	it("is in the bank's own export layout: imported and exported again, it comes back byte for byte", async () => {
		const res = await previewFile(db, { name: 'starter-bank.csv', bytes: bytes() });
		if (!res.ok || !res.plan) throw new Error('does not import');
		await db.transaction().execute((trx) => writePlan(trx, res.plan!, null));
		const out = await exportFile(db, 'csv');
		expect(out.count).toBe(151);
		// Every column of the layout, or all but the optional fit columns of issue 15 (added to the
		// file when its questions get their audience and groups): then compared in the file's own columns.
		const header = bytes()
			.toString('utf8')
			.replace(/^\uFEFF/, '')
			.split('\r\n')[0]
			.split(',') as ColumnKey[];
		const fit: ColumnKey[] = ['audience', 'min_age', 'exclusion_group'];
		expect([COLUMN_KEYS, COLUMN_KEYS.filter((k) => !fit.includes(k))]).toContainEqual(header);
		const expected = header.length === COLUMN_KEYS.length ? out.bytes : await writeSheet('csv', await exportRows(db), header);
		expect(Buffer.from(expected).equals(bytes())).toBe(true);
	});

	// Issue 15 item 5: before the rewrite 80 questions were flagged (docs/starter-bank-review.md).
	it('passes every item-writing check (questions/item-checks.ts), its exclusion groups included', async () => {
		const qs = await importStarter();
		const flags = checkBank(qs.map((q) => ({ id: q.row, content: q.content, group: q.fit.exclusionGroup })));
		expect([...flags].map(([row, list]) => `${row}: ${list.map((f) => f.code).join(', ')}`)).toEqual([]);
	});
});

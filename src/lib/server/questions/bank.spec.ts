import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { migrateToLatest, openDatabase, type Db } from '../db';
import * as bank from './bank';
import * as editing from './editing';
import * as questions from './questions';
import { readSheet, writeSheet } from './bank-file';
import { COLUMN_KEYS, type ColumnKey } from './bank-format';
import { checkSupply } from './draw';

let db: Db;
beforeEach(async () => {
	db = openDatabase(':memory:');
	await migrateToLatest(db);
});
afterEach(async () => {
	await db.destroy();
});

type Cells = Partial<Record<ColumnKey, string | number>>;
const row = (i: number, over: Cells = {}): Cells => ({
	topic_code: i % 2 ? 'luat' : 'ky-nang',
	topic_name: i % 2 ? 'Pháp luật' : 'Kỹ năng',
	difficulty: String((i % 3) + 1),
	kind: 'single',
	stem: `Câu ${i}: theo luật, hành vi nào là bạo lực gia đình?`,
	option_a: 'Đánh đập',
	option_b: 'Hỏi thăm',
	correct: 'A',
	explanation: 'Giải thích\ncó hai dòng.',
	legal_ref: 'Điều 3, Luật Phòng, chống bạo lực gia đình 2022',
	...over
});

/** An XLSX as Excel would save it: numbers as numbers, in the given header order. */
async function xlsx(rows: Cells[], header: string[] = COLUMN_KEYS): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Sheet1');
	ws.addRow(header);
	for (const r of rows) ws.addRow(header.map((h) => r[h as ColumnKey] ?? null));
	return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function importBytes(name: string, bytes: Uint8Array) {
	const res = await bank.previewFile(db, { name, bytes });
	if (!res.ok) throw new Error(res.message);
	if (!res.plan) throw new Error(JSON.stringify(res.report.errors));
	return bank.applyImport(db, res.plan, null);
}

describe('import', () => {
	it('reads Excel number formats (2.0, numeric codes), NFD text and stray spaces', async () => {
		const bytes = await xlsx([
			row(1, {
				difficulty: 2.0,
				topic_code: 101,
				topic_name: '  Luật  ',
				stem: '  Bạo lực   gia đình là gì? '.normalize('NFD'),
				correct: ' a '
			}),
			row(2, { difficulty: 3, kind: 'True_False', option_a: '', option_b: '', correct: 'Sai' })
		]);
		const res = await bank.previewFile(db, { name: 'cau-hoi.xlsx', bytes });
		expect(res.ok && res.report.errors).toEqual([]);
		await importBytes('cau-hoi.xlsx', bytes);
		const list = await questions.listForExport(db, {});
		expect(list.map((q) => [q.topicCode, q.difficulty, q.kind, q.stem])).toEqual([
			['101', 2, 'single', 'Bạo lực gia đình là gì?'],
			['ky-nang', 3, 'true_false', 'Câu 2: theo luật, hành vi nào là bạo lực gia đình?']
		]);
		expect(list[1].options.map((o) => [o.text, o.correct])).toEqual([
			['Đúng', false],
			['Sai', true]
		]);
		expect((await questions.listTopics(db)).find((t) => t.code === '101')?.name).toBe('Luật');
	});

	it('writes nothing when any row is rejected', async () => {
		const res = await bank.previewFile(db, { name: 'x.xlsx', bytes: await xlsx([row(1), row(2, { correct: 'Z' })]) });
		expect(res.ok && res.plan).toBeNull();
		expect(res.ok && res.report.errors).toEqual([{ row: 3, column: 'correct', message: expect.any(String) }]);
		expect(await questions.countQuestions(db)).toBe(0);
	});

	it('rolls back everything when the bank gained a duplicate between preview and confirm', async () => {
		const res = await bank.previewFile(db, { name: 'x.xlsx', bytes: await xlsx([row(1), row(2)]) });
		if (!res.ok || !res.plan) throw new Error('preview failed');
		await importBytes('other.xlsx', await xlsx([row(2)]));
		await expect(bank.applyImport(db, res.plan, null)).rejects.toBeInstanceOf(bank.ImportConflict);
		expect(await questions.countQuestions(db)).toBe(1);
	});

	it('refuses files that are not XLSX/CSV, empty, without data rows or with missing columns', async () => {
		const msg = async (name: string, bytes: Uint8Array) => {
			const r = await readSheet(bytes, name);
			return r.ok ? 'ok' : r.message;
		};
		expect(await msg('a.pdf', new TextEncoder().encode('%PDF-1.4'))).toMatch(/Chỉ nhận tệp .xlsx/);
		expect(await msg('a.csv', new Uint8Array())).toBe('Tệp trống.');
		expect(await msg('a.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).toMatch(/\.xls/);
		expect(await msg('a.xlsx', await xlsx([]))).toMatch(/không có câu hỏi nào/);
		expect(await msg('a.xlsx', await xlsx([row(1)], ['topic_code', 'stem', 'option_a', 'option_b', 'correct']))).toMatch(
			/thiếu cột bắt buộc: difficulty, kind/
		);
		expect(await msg('a.csv', new Uint8Array([0x74, 0x6f, 0xff, 0xfe, 0x0a]))).toMatch(/UTF-8/);
		expect(await msg('big.csv', new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41))).toMatch(/quá lớn/);
	});
});

/** A workbook built like Excel saves one: sheets in order, cells with their number formats, hidden rows. */
async function workbook(sheets: { name: string; rows: Cells[]; formats?: Partial<Record<ColumnKey, string>>; hidden?: number[] }[]) {
	const wb = new ExcelJS.Workbook();
	for (const s of sheets) {
		const ws = wb.addWorksheet(s.name);
		ws.addRow(COLUMN_KEYS);
		s.rows.forEach((r, i) => {
			const added = ws.addRow(COLUMN_KEYS.map((k) => r[k] ?? null));
			for (const [k, fmt] of Object.entries(s.formats ?? {})) added.getCell(COLUMN_KEYS.indexOf(k as ColumnKey) + 1).numFmt = fmt;
			if (s.hidden?.includes(i)) added.hidden = true;
		});
	}
	return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('what Excel shows is what is imported', () => {
	it('keeps options that Excel stores as dates as they were typed (dd/mm/yyyy)', async () => {
		const typed = (d: number) => new Date(Date.UTC(2023, 6, d)) as unknown as string;
		const bytes = await workbook([
			{
				name: 'Câu hỏi',
				rows: [
					row(1, {
						stem: 'Luật có hiệu lực từ ngày nào?',
						option_a: typed(1),
						option_b: typed(2),
						option_c: 0.125 as unknown as string,
						correct: 'A'
					})
				],
				formats: { option_a: 'dd/mm/yyyy', option_b: 'mm-dd-yy', option_c: '0.0%' }
			}
		]);
		const res = await bank.previewFile(db, { name: 'ngay.xlsx', bytes });
		if (!res.ok || !res.plan) throw new Error(JSON.stringify(res));
		expect(res.plan.questions[0].content.options.map((o) => o.text)).toEqual(['01/07/2023', '02/07/2023', '12,5%']);
	});

	it('reports a date-formatted difficulty as Excel shows it, on the right day', async () => {
		const bytes = await workbook([
			{ name: 'Câu hỏi', rows: [row(1, { difficulty: 2 }), row(2, { difficulty: 3 })], formats: { difficulty: 'dd/mm/yyyy' } }
		]);
		const res = await bank.previewFile(db, { name: 'do-kho.xlsx', bytes });
		expect(res.ok && res.report.errors).toEqual([
			{ row: 2, column: 'difficulty', message: expect.stringMatching(/^Độ khó “02\/01\/1900” không hợp lệ/) },
			{ row: 3, column: 'difficulty', message: expect.stringMatching(/^Độ khó “03\/01\/1900” không hợp lệ/) }
		]);
	});

	it('finds the “Câu hỏi” sheet in any case or Unicode form and says which sheet it read', async () => {
		for (const name of ['câu hỏi', 'CÂU HỎI'.normalize('NFD')]) {
			const bytes = await workbook([
				{ name: 'Hướng dẫn', rows: [] },
				{ name, rows: [row(1)] }
			]);
			const res = await bank.previewFile(db, { name: 'a.xlsx', bytes });
			if (!res.ok) throw new Error(res.message);
			expect(res.report.sheet?.normalize('NFC')).toBe(name.normalize('NFC'));
			expect(res.report.total).toBe(1);
		}
		const other = await workbook([
			{ name: 'Ghi chú', rows: [] },
			{ name: 'Dữ liệu', rows: [row(1)] }
		]);
		const r = await readSheet(other, 'b.xlsx');
		expect(r).toEqual({
			ok: false,
			message: expect.stringMatching(
				/^Tệp không có trang tính tên “Câu hỏi” nên đã đọc trang tính đầu tiên, “Ghi chú”: Tệp không có câu hỏi nào/
			)
		});
	});

	it('leaves out rows hidden in Excel and lists them, or imports them when asked to', async () => {
		const bytes = await workbook([{ name: 'Câu hỏi', rows: [row(1), row(2), row(3), row(4), row(5)], hidden: [1, 2, 4] }]);
		const res = await bank.previewFile(db, { name: 'an.xlsx', bytes });
		if (!res.ok || !res.plan) throw new Error(JSON.stringify(res));
		expect([res.report.total, res.report.hiddenRows, res.report.hiddenIncluded]).toEqual([2, [3, 4, 6], false]);
		expect(res.plan.questions.map((q) => q.row)).toEqual([2, 5]);
		expect(bank.hiddenRowsNotice(res.report)).toMatch(/^3 dòng 3–4, 6 đang bị ẩn trong Excel nên không được nhập/);
		const all = await bank.previewFile(db, { name: 'an.xlsx', bytes }, { includeHidden: true });
		if (!all.ok || !all.plan) throw new Error(JSON.stringify(all));
		expect(all.plan.questions.map((q) => q.row)).toEqual([2, 3, 4, 5, 6]);
		expect(bank.hiddenRowsNotice(all.report)).toMatch(/và được nhập như các dòng khác\.$/);
	});

	it('imports options and stems that differ only in diacritics; a look-alike of a bank stem is a warning', async () => {
		await importBytes('a.xlsx', await xlsx([row(1, { stem: 'Bà nội có được nuôi cháu không?', option_a: 'Bà', option_b: 'Ba' })]));
		const res = await bank.previewFile(db, {
			name: 'b.xlsx',
			bytes: await xlsx([row(2, { stem: 'Ba nội có được nuôi cháu không?', option_a: 'Má', option_b: 'Mà' })])
		});
		if (!res.ok || !res.plan) throw new Error(JSON.stringify(res));
		expect(res.report.errors).toEqual([]);
		expect(res.report.warnings).toEqual([
			{ row: 2, column: 'stem', message: expect.stringMatching(/chỉ khác câu số \d+ trong ngân hàng ở dấu/) }
		]);
		await bank.applyImport(db, res.plan, null);
		const list = await questions.listForExport(db, {});
		expect(list.map((q) => [q.stem, q.options.map((o) => o.text)])).toEqual([
			['Bà nội có được nuôi cháu không?', ['Bà', 'Ba']],
			['Ba nội có được nuôi cháu không?', ['Má', 'Mà']]
		]);
		const again = await bank.previewFile(db, { name: 'c.xlsx', bytes: await xlsx([row(3, { stem: 'BÀ NỘI  có được nuôi cháu không?' })]) });
		expect(again.ok && again.report.errors).toEqual([
			{ row: 2, column: 'stem', message: expect.stringMatching(/^Câu hỏi đã có trong ngân hàng/) }
		]);
	});
});

describe('export → import round trip', () => {
	for (const format of ['xlsx', 'csv'] as const) {
		it(`gives back exactly the same bank through ${format.toUpperCase()}`, async () => {
			await importBytes(
				'seed.xlsx',
				await xlsx([
					row(1, { audience: 'người lớn', min_age: 20, exclusion_group: 'Cap-1' }),
					row(2, { kind: 'multiple', option_c: 'Cắt tiền sinh hoạt', option_d: '=1+1', correct: 'A,C', status: 'draft', min_age: '12' }),
					row(3, { kind: 'true_false', option_a: 'Đúng', option_b: 'Sai', correct: 'B', status: 'retired', explanation: '' }),
					row(4, { stem: 'Câu có "ngoặc kép", dấu phẩy; và\nxuống dòng?', option_a: '-5 năm', option_f: '', legal_ref: '' })
				])
			);
			const first = await bank.exportRows(db);
			const { bytes } = await bank.exportFile(db, format);
			const other = openDatabase(':memory:');
			await migrateToLatest(other);
			const res = await bank.previewFile(other, { name: `bank.${format}`, bytes });
			if (!res.ok || !res.plan) throw new Error(JSON.stringify(res));
			await bank.applyImport(other, res.plan, null);
			expect(await bank.exportRows(other)).toEqual(first);
			expect(first).toHaveLength(4);
			expect(first.map((r) => [r.audience, r.min_age, r.exclusion_group])).toEqual([
				['adults', '20', 'cap-1'],
				['all', '12', ''],
				['all', '', ''],
				['all', '', '']
			]);
			await other.destroy();
		});
	}

	it('writes a template that reads back as a file with every column and no questions', async () => {
		const r = await readSheet(await bank.templateFile('xlsx'), 'mau.xlsx');
		expect(r).toEqual({ ok: false, message: expect.stringMatching(/không có câu hỏi nào/) });
		const csv = new TextDecoder().decode(await writeSheet('csv', []));
		expect(csv.replace(/^\uFEFF/, '').trim()).toBe(COLUMN_KEYS.join(','));
	});
});

/** An attempt that showed `versionId`, written directly (the attempt service is tested elsewhere). */
async function useInAttempt(questionId: number, versionId: number) {
	const now = Date.now();
	const unit = await db
		.insertInto('units')
		.values({ code: 'u1', name: 'Đơn vị', kind: 'ward', parent_id: null, target_count: null, created_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	const user = await db
		.insertInto('users')
		.values({
			full_name: 'A',
			name_folded: 'a',
			birth_date: '1990-01-01',
			gender: 'female',
			phone: '+84900000009',
			email: null,
			national_id_hash: null,
			unit_id: unit.id,
			password_hash: 'x',
			consent_at: now,
			consent_version: 'v',
			disqualified_at: null,
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const contest = await db
		.insertInto('contests')
		.values({ title: 'Cuộc thi', created_at: now, updated_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	const round = await db
		.insertInto('rounds')
		.values({
			contest_id: contest.id,
			title: 'T1',
			opens_at: now - 1000,
			closes_at: now + 1000,
			question_count: 1,
			time_limit_seconds: 60,
			max_attempts: 1,
			reveal_policy: 'after_submit',
			prediction_kind: null,
			prediction_question: null,
			prediction_actual: null,
			created_at: now,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const attempt = await db
		.insertInto('attempts')
		.values({ round_id: round.id, user_id: user.id, attempt_no: 1, started_at: now, deadline_at: now + 60_000, total: 1 })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('attempt_questions')
		.values({ attempt_id: attempt.id, position: 1, question_id: questionId, question_version_id: versionId, option_order_json: '[]' })
		.execute();
}

describe('versioning rules', () => {
	const content = (stem: string) => ({
		kind: 'single' as const,
		stem,
		options: [
			{ text: 'Có', correct: true },
			{ text: 'Không', correct: false }
		],
		explanation: '',
		legalRef: ''
	});
	async function make(status: 'draft' | 'published') {
		const topicId = await questions.insertTopic(db, 't', 'Chủ đề');
		const id = await editing.createQuestion(db, { topicId, difficulty: 1, status, content: content('Phiên bản đầu tiên?') }, null);
		return { id, topicId };
	}

	it('editMode: in place only for a draft no attempt has shown', () => {
		expect(editing.editMode('draft', false)).toBe('in_place');
		expect(editing.editMode('draft', true)).toBe('new_version');
		expect(editing.editMode('published', false)).toBe('new_version');
		expect(editing.editMode('retired', false)).toBe('new_version');
	});

	it('an edit of a published question adds a version; the attempt keeps the one it showed', async () => {
		const { id, topicId } = await make('published');
		const v1 = (await questions.findQuestion(db, id))!;
		await useInAttempt(id, v1.versionId);
		const res = await editing.editQuestion(
			db,
			id,
			{ topicId, difficulty: 2, status: 'published', content: content('Phiên bản thứ hai?') },
			null
		);
		expect(res).toEqual({ ok: true, mode: 'new_version', versionNo: 2 });
		const now = (await questions.findQuestion(db, id))!;
		expect([now.versionNo, now.stem]).toEqual([2, 'Phiên bản thứ hai?']);
		const shown = await db.selectFrom('attempt_questions').select('question_version_id').executeTakeFirstOrThrow();
		expect(shown.question_version_id).toBe(v1.versionId);
		expect((await questions.getVersions(db, [v1.versionId])).get(v1.versionId)?.stem).toBe('Phiên bản đầu tiên?');
		expect((await questions.listHistory(db, id)).map((h) => [h.versionNo, h.usedIn])).toEqual([
			[2, 0],
			[1, 1]
		]);
		expect((await questions.listQuestions(db, { q: 'phien ban thu hai' }, { offset: 0, limit: 10 })).total).toBe(1);
	});

	it('a draft never shown is edited in place; unchanged content adds no version', async () => {
		const { id, topicId } = await make('draft');
		expect(
			await editing.editQuestion(db, id, { topicId, difficulty: 1, status: 'draft', content: content('Sửa lỗi chính tả?') }, null)
		).toMatchObject({ mode: 'in_place', versionNo: 1 });
		expect(
			await editing.editQuestion(db, id, { topicId, difficulty: 3, status: 'published', content: content('Sửa lỗi chính tả?') }, null)
		).toMatchObject({ mode: 'unchanged', versionNo: 1 });
		expect(await questions.listHistory(db, id)).toHaveLength(1);
		expect((await questions.findQuestion(db, id))?.difficulty).toBe(3);
	});

	it('retiring removes a question from draws only; deleting is refused once an attempt used it', async () => {
		const { id } = await make('published');
		expect(await questions.listDrawPool(db)).toHaveLength(1);
		await editing.changeStatus(db, id, 'retired', null);
		expect(await questions.listDrawPool(db)).toHaveLength(0);
		await useInAttempt(id, (await questions.findQuestion(db, id))!.versionId);
		expect(await editing.deleteQuestion(db, id, null)).toMatchObject({ ok: false, status: 409 });
		expect(await questions.findQuestion(db, id)).toBeDefined();
	});

	it('a question never used can be deleted with its versions', async () => {
		const { id } = await make('draft');
		expect(await editing.deleteQuestion(db, id, null)).toEqual({ ok: true });
		expect(await questions.countQuestions(db)).toBe(0);
		expect(await db.selectFrom('question_versions').selectAll().execute()).toEqual([]);
	});
});

describe('round supply', () => {
	it('reports needed vs available per quota with the draw rule', async () => {
		await importBytes('b.xlsx', await xlsx(Array.from({ length: 9 }, (_, i) => row(i + 1))));
		const luat = (await questions.listTopics(db)).find((t) => t.code === 'luat')!.id;
		const ok = await bank.supplyFor(db, 6, [{ topicId: luat, difficulty: null, count: 4 }]);
		expect(ok).toMatchObject({ ok: true, poolSize: 9, quotas: [{ count: 4, available: 5, ok: true }] });
		const short = await bank.supplyFor(db, 10, [{ topicId: luat, difficulty: null, count: 6 }]);
		expect(short).toMatchObject({ ok: false, quotas: [{ count: 6, available: 5, ok: false }] });
		expect(checkSupply([], [], 1).ok).toBe(false);
	});
});

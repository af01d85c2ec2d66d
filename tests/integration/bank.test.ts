import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'devalue';
import { Client, loggedIn, registeredClient } from './client';
import { testDb } from './db';

const db = testDb();

const COLUMNS = [
	'topic_code',
	'topic_name',
	'difficulty',
	'kind',
	'stem',
	'option_a',
	'option_b',
	'option_c',
	'option_d',
	'option_e',
	'option_f',
	'correct',
	'explanation',
	'legal_ref',
	'status',
	'audience',
	'min_age',
	'exclusion_group'
];
type Row = Record<string, string | number>;

const tag = `${Date.now() % 1_000_000}`;
function row(i: number, over: Row = {}): Row {
	return {
		topic_code: 'kiem-thu',
		topic_name: 'Chủ đề kiểm thử',
		difficulty: (i % 3) + 1,
		kind: 'single',
		stem: `Câu kiểm thử ${tag}-${i}: khi bị bạo lực gia đình, có thể gọi số nào?`,
		option_a: '111',
		option_b: '115',
		option_c: '116',
		correct: 'A',
		explanation: 'Tổng đài quốc gia bảo vệ trẻ em 111, miễn phí.',
		legal_ref: 'Luật Trẻ em 2016',
		status: 'draft',
		...over
	};
}

async function xlsx(rows: Row[]): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Câu hỏi');
	ws.addRow(COLUMNS);
	for (const r of rows) ws.addRow(COLUMNS.map((c) => r[c] ?? null));
	return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function csv(rows: Row[]): Uint8Array {
	const q = (v: string | number | undefined) => `"${String(v ?? '').replace(/"/g, '""')}"`;
	return new TextEncoder().encode([COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => q(r[c])).join(','))].join('\r\n'));
}

/** Posts a multipart form action the way `use:enhance` does with a file input. */
async function upload(c: Client, bytes: Uint8Array, name: string, fields: Record<string, string> = {}) {
	const fd = new FormData();
	fd.set('file', new Blob([bytes as BlobPart]), name);
	for (const [k, v] of Object.entries(fields)) fd.set(k, v);
	const res = await c.request('POST', '/organiser/questions/import?/preview', {
		body: fd,
		headers: { origin: c.base, accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	const text = await res.text();
	let body: { type: string; status: number; location?: string; data?: any } | null;
	try {
		const raw = JSON.parse(text);
		body = { ...raw, data: raw.data ? parse(raw.data) : undefined };
	} catch {
		body = null;
	}
	return { res, body, status: body?.status ?? res.status };
}

async function countQuestions(): Promise<number> {
	const n = ((await db.get('select count(*) as n from questions')) as { n: number }).n;
	return n;
}

describe('only organisers reach the question bank', () => {
	const pages = [
		'/organiser/questions',
		'/organiser/questions/new',
		'/organiser/questions/import',
		'/organiser/questions/topics',
		'/organiser/questions/1',
		'/organiser/questions/export?format=xlsx',
		'/organiser/questions/template?format=csv'
	];

	it('sends anonymous visitors to the login page', async () => {
		const c = new Client();
		for (const p of pages) {
			const res = await c.get(p);
			expect(res.status, p).toBe(303);
			expect(res.headers.get('location'), p).toMatch(/^\/login\?redirectTo=/);
		}
	});

	it('refuses participants and district leads on every page, file and action', async () => {
		const { client: participant } = await registeredClient();
		const lead = await loggedIn('0900000003');
		for (const c of [participant, lead]) {
			for (const p of pages) expect((await c.get(p)).status, p).toBe(403);
			expect((await upload(c, await xlsx([row(1)]), 'a.xlsx')).status).toBe(403);
			expect((await c.action('/organiser/questions/import?/confirm', { token: 'x' })).status).toBe(403);
			expect((await c.action('/organiser/questions/new', { stem: 'x' })).status).toBe(403);
			expect((await c.action('/organiser/questions/1?/delete', { confirm: 'yes' })).status).toBe(403);
			expect((await c.action('/organiser/questions/topics?/create', { code: 'x', name: 'xx' })).status).toBe(403);
		}
	});

	it('lets organisers and admins in', async () => {
		for (const phone of ['0900000002', '0900000001']) {
			const c = await loggedIn(phone);
			for (const p of pages) expect((await c.get(p)).status, `${phone} ${p}`).toBe(200);
		}
	});
});

describe('importing a file', () => {
	it('previews a good XLSX without writing, then writes every row on confirm', async () => {
		const c = await loggedIn('0900000002');
		const before = await countQuestions();
		const { status, body } = await upload(
			c,
			await xlsx([
				row(1),
				row(2, { kind: 'multiple', correct: 'A,B' }),
				row(3, { kind: 'true_false', option_a: '', option_b: '', option_c: '', correct: 'Đúng' })
			]),
			'tot.xlsx'
		);
		expect(status).toBe(200);
		const p = body!.data.preview;
		expect(p).toMatchObject({ total: 3, valid: 3, errorCount: 0, newTopics: [{ code: 'kiem-thu', name: 'Chủ đề kiểm thử' }] });
		expect(p.token).toEqual(expect.any(String));
		expect(await countQuestions()).toBe(before);

		const done = await c.action('/organiser/questions/import?/confirm', { token: p.token });
		expect(done.body).toMatchObject({ type: 'redirect', location: '/organiser/questions?imported=3&skipped=0&topics=1' });
		expect(await countQuestions()).toBe(before + 3);
		// The same token cannot be used twice.
		expect((await c.action('/organiser/questions/import?/confirm', { token: p.token })).status).toBe(400);
		expect(await countQuestions()).toBe(before + 3);

		const list = await c.get(`/organiser/questions?q=${encodeURIComponent(`cau kiem thu ${tag}-2`)}`);
		expect(await list.text()).toContain(`Câu kiểm thử ${tag}-2`);
	});

	it('lists every bad row with its row number and column, and writes nothing', async () => {
		const c = await loggedIn('0900000002');
		const before = await countQuestions();
		const { status, body } = await upload(
			c,
			await xlsx([row(10), row(11, { difficulty: 'rất khó' }), row(12, { correct: '' }), row(13, { stem: row(10).stem })]),
			'loi.xlsx'
		);
		expect(status).toBe(200);
		const p = body!.data.preview;
		expect(p.token).toBeNull();
		expect(p.errors).toEqual([
			{ row: 3, column: 'difficulty', message: 'Độ khó “rất khó” không hợp lệ; dùng 1, 2, 3 hoặc dễ/trung bình/khó.' },
			{ row: 4, column: 'correct', message: 'Chưa chọn đáp án đúng.' },
			{ row: 5, column: 'stem', message: 'Câu hỏi trùng với dòng 2 trong tệp.' }
		]);
		expect(await countQuestions()).toBe(before);
		expect((await c.action('/organiser/questions/import?/confirm', { token: 'forged-token' })).status).toBe(400);
		expect(await countQuestions()).toBe(before);
	});

	it('stores NFD text as NFC and sees an NFD copy of a bank question as a duplicate', async () => {
		const c = await loggedIn('0900000002');
		const existing = (await db.get(`select v.stem from questions q join question_versions v on v.id = q.current_version_id limit 1`)) as {
			stem: string;
		};
		const nfdStem = `Câu NFD ${tag}: người bị bạo lực có quyền được bảo vệ không?`.normalize('NFD');
		const rows = [
			row(20, { stem: nfdStem, topic_name: 'Chủ đề kiểm thử'.normalize('NFD'), option_a: 'Có, được bảo vệ'.normalize('NFD') }),
			row(21, { stem: existing.stem.normalize('NFD') })
		];
		const first = await upload(c, csv(rows), 'nfd.csv');
		expect(first.body!.data.preview.errors).toEqual([
			{ row: 3, column: 'stem', message: expect.stringMatching(/^Câu hỏi đã có trong ngân hàng \(câu số \d+\)\.$/) }
		]);
		const second = await upload(c, csv(rows), 'nfd.csv', { skipExisting: 'on' });
		const p = second.body!.data.preview;
		expect([p.valid, p.skipped.length, p.errorCount]).toEqual([1, 1, 0]);
		await c.action('/organiser/questions/import?/confirm', { token: p.token });
		const stored = (await db.get(
			`select v.stem, v.options_json from questions q join question_versions v on v.id = q.current_version_id where q.stem_folded like ?`,
			`cau nfd ${tag}%`
		)) as { stem: string; options_json: string };
		expect(stored.stem).toBe(nfdStem.normalize('NFC'));
		expect(stored.stem).not.toBe(nfdStem);
		expect(JSON.parse(stored.options_json)[0].text).toBe('Có, được bảo vệ'.normalize('NFC'));
	});

	it('reads the sheet “câu hỏi” as typed, keeps typed dates, leaves hidden rows out with a notice, and only warns about diacritic look-alikes', async () => {
		const c = await loggedIn('0900000002');
		const wb = new ExcelJS.Workbook();
		wb.addWorksheet('Hướng dẫn').addRow(['Đọc kỹ trước khi nhập']);
		const ws = wb.addWorksheet('câu hỏi'.normalize('NFD'));
		ws.addRow(COLUMNS);
		const add = (r: Row, hidden = false) => {
			const x = ws.addRow(COLUMNS.map((k) => r[k] ?? null));
			x.hidden = hidden;
			return x;
		};
		const dated = add(row(30, { stem: `Luật ${tag} có hiệu lực từ ngày nào?`, option_a: 0, option_b: 'Ba', option_c: 'Bà' }));
		dated.getCell(COLUMNS.indexOf('option_a') + 1).value = new Date(Date.UTC(2023, 6, 1));
		dated.getCell(COLUMNS.indexOf('option_a') + 1).numFmt = 'dd/mm/yyyy';
		add(row(31, { stem: `Bà ${tag} có được nhận nuôi cháu không?` }));
		add(row(32, { stem: `Ba ${tag} có được nhận nuôi cháu không?` }));
		add(row(33, { stem: `Dòng ẩn ${tag}: không được nhập?` }), true);
		const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
		const before = await countQuestions();

		const { status, body } = await upload(c, bytes, 'that.xlsx');
		expect(status).toBe(200);
		const p = body!.data.preview;
		expect(p).toMatchObject({
			sheet: 'câu hỏi',
			total: 3,
			valid: 3,
			errorCount: 0,
			warningCount: 1,
			hiddenRows: [5],
			hiddenIncluded: false
		});
		expect(p.hiddenNotice).toMatch(/^Dòng 5 đang bị ẩn trong Excel nên không được nhập/);
		expect(p.warnings).toEqual([
			{ row: 4, column: 'stem', message: expect.stringMatching(/^Câu hỏi chỉ khác dòng 3 ở dấu thanh\/dấu chữ/) }
		]);
		expect(p.token).toEqual(expect.any(String));
		const page = await (await c.get('/organiser/questions/import')).text();
		expect(page).toContain('Nhập cả các dòng đang bị ẩn');

		const done = await c.action('/organiser/questions/import?/confirm', { token: p.token });
		expect(done.body).toMatchObject({
			type: 'redirect',
			location: expect.stringMatching(/^\/organiser\/questions\?imported=3&skipped=0&/)
		});
		expect(await countQuestions()).toBe(before + 3);
		const stored = (await db.get(
			`select v.options_json from questions q join question_versions v on v.id = q.current_version_id where v.stem = ?`,
			`Luật ${tag} có hiệu lực từ ngày nào?`
		)) as { options_json: string };
		const hidden = (await db.get(`select count(*) as n from question_versions where stem like ?`, `Dòng ẩn ${tag}%`)) as { n: number };
		expect(JSON.parse(stored.options_json).map((o: { text: string }) => o.text)).toEqual(['01/07/2023', 'Ba', 'Bà']);
		expect(hidden.n).toBe(0);
	});

	it('says which sheet it read when the file has no “Câu hỏi” sheet', async () => {
		const c = await loggedIn('0900000002');
		const wb = new ExcelJS.Workbook();
		wb.addWorksheet('Ghi chú').addRow(['Danh sách câu hỏi ở trang sau']);
		wb.addWorksheet('Dữ liệu').addRow(COLUMNS);
		const { status, body } = await upload(c, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'sai-trang.xlsx');
		expect(status).toBe(400);
		expect(body!.data.message).toMatch(
			/^Tệp không có trang tính tên “Câu hỏi” nên đã đọc trang tính đầu tiên, “Ghi chú”: Tệp thiếu cột bắt buộc/
		);
	});

	it('refuses a file that is not XLSX/CSV, an empty file and one with missing columns, with a clear message', async () => {
		const c = await loggedIn('0900000002');
		expect((await upload(c, new TextEncoder().encode('%PDF-1.7'), 'de-thi.pdf')).body!.data.message).toBe(
			'Chỉ nhận tệp .xlsx (Excel) hoặc .csv.'
		);
		expect((await upload(c, new Uint8Array(), 'rong.csv')).body!.data.message).toMatch(/Tệp trống|chọn tệp/);
		const missing = await upload(c, new TextEncoder().encode('topic_code,stem\nky-nang,Câu hỏi?'), 'thieu.csv');
		expect(missing.status).toBe(400);
		expect(missing.body!.data.message).toMatch(/^Tệp thiếu cột bắt buộc: difficulty, kind, option_a, option_b, correct\./);
	});

	it('imports a 5,000-row XLSX in a few seconds', { timeout: 60_000 }, async () => {
		const c = await loggedIn('0900000002');
		const before = await countQuestions();
		const bytes = await xlsx(
			Array.from({ length: 5000 }, (_, i) => row(10_000 + i, { topic_code: 'kiem-thu-lon', topic_name: 'Tệp lớn' }))
		);
		const t0 = performance.now();
		const { body } = await upload(c, bytes, 'lon.xlsx');
		const t1 = performance.now();
		const p = body!.data.preview;
		expect([p.total, p.valid, p.errorCount]).toEqual([5000, 5000, 0]);
		const done = await c.action('/organiser/questions/import?/confirm', { token: p.token });
		const t2 = performance.now();
		expect(done.body?.type).toBe('redirect');
		expect(await countQuestions()).toBe(before + 5000);
		console.log(
			`[bank] 5,000-row XLSX (${(bytes.length / 1024).toFixed(0)} kB): upload+parse+validate ${Math.round(t1 - t0)} ms, confirm+write ${Math.round(t2 - t1)} ms, total ${Math.round(t2 - t0)} ms`
		);
		expect(t2 - t0).toBeLessThan(15_000);
	});
});

describe('export and the round page', () => {
	it('exports the filtered bank as XLSX and CSV in the import layout', async () => {
		const c = await loggedIn('0900000002');
		const res = await c.get(`/organiser/questions/export?format=csv&q=${encodeURIComponent(`cau kiem thu ${tag}-1`)}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/text\/csv/);
		const text = (await res.text()).replace(/^\uFEFF/, '');
		const [header, ...lines] = text.trim().split('\r\n');
		expect(header).toBe(COLUMNS.join(','));
		expect(lines.length).toBeGreaterThanOrEqual(1);
		const x = await c.get('/organiser/questions/export?format=xlsx&status=published');
		expect(x.headers.get('content-type')).toMatch(/spreadsheetml/);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as unknown as ExcelJS.Buffer);
		expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, ...COLUMNS]);
	});

	it('shows on the round page whether the published bank covers the round', async () => {
		const c = await loggedIn('0900000002');
		const round = (await db.get('select id from rounds order by opens_at limit 1 offset 1')) as { id: number };
		const html = await (await c.get(`/organiser/rounds/${round.id}`)).text();
		expect(html).toContain('Ngân hàng câu hỏi cho đợt thi này');
		expect(html).toMatch(/Đủ câu hỏi: ngân hàng có \d+ câu đã công bố cho 10 câu mỗi lượt thi\./);
	});
});

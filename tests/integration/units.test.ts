import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'devalue';
import { Client, loggedIn } from './client';
import { testDb } from './db';

const db = testDb();
let org: Client;
let lead: Client;
let savedTargets: { id: number; target_count: number | null }[];

/** Posts a multipart form action the way `use:enhance` does with a file input. */
async function upload(c: Client, bytes: Uint8Array, name: string, fields: Record<string, string> = {}) {
	const fd = new FormData();
	fd.set('file', new Blob([bytes as BlobPart]), name);
	for (const [k, v] of Object.entries(fields)) fd.set(k, v);
	const res = await c.request('POST', '/organiser/units/import?/preview', {
		body: fd,
		headers: { origin: c.base, accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	const raw = JSON.parse(await res.text());
	const body = { ...raw, data: raw.data ? parse(raw.data) : undefined } as { type: string; status: number; data?: any };
	return { status: body.status ?? res.status, body };
}
const text = (s: string) => new TextEncoder().encode(s);
async function xlsx(rows: (string | number | null)[][]): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Đơn vị');
	for (const r of rows) ws.addRow(r);
	return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
const unitsSnapshot = () => db.all('select code, name, active, target_count, parent_id from units order by code');
const unitRow = (code: string) =>
	db.get<{ id: number; target_count: number | null; active: number }>('select id, target_count, active from units where code = ?', code);

beforeAll(async () => {
	org = await loggedIn('0900000002');
	lead = await loggedIn('0900000003');
	savedTargets = await db.all('select id, target_count from units');
});
afterAll(async () => {
	// The shared test database goes back to the districts of 2024 with their targets.
	await org.action('/organiser/units?/switch', { list: 'hanoi-districts-2024' });
	for (const t of savedTargets) await db.run('update units set target_count = ? where id = ?', t.target_count, t.id);
	await db.run("update units set active = 0 where code in ('00999', '00998')");
});

describe('unit sheet upload', () => {
	it('shows every bad row (bad code, duplicate, unknown parent, negative target) and changes nothing', async () => {
		const before = await unitsSnapshot();
		const r = await upload(
			org,
			text(
				'code,name,kind,parent,target\n00999,Phường Thử,phường,,10\nab,Phường Sai,phường,,\n00999,Phường Lặp,phường,,\n00998,Phường Con,phường,77777,\n00997,Phường Âm,phường,,-5\n'
			),
			'don-vi.csv'
		);
		expect(r.status).toBe(200);
		const p = r.body.data.preview;
		expect(p.token).toBeNull();
		expect(p.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
			[3, 'code'],
			[4, 'code'],
			[5, 'parent'],
			[6, 'target']
		]);
		expect(await unitsSnapshot()).toEqual(before);
	});

	it('refuses a huge file and a file that is not a sheet', async () => {
		const before = await unitsSnapshot();
		const big = await upload(org, new Uint8Array(1024 * 1024 + 10).fill(0x31), 'lon.csv');
		expect(big.status).toBe(400);
		expect(big.body.data.message).toMatch(/Tệp quá lớn/);
		const pdf = await upload(org, text('%PDF-1.4'), 'x.pdf');
		expect(pdf.status).toBe(400);
		expect(await unitsSnapshot()).toEqual(before);
	});

	it('previews an XLSX list, then writes it all on confirm with an audit entry', async () => {
		const r = await upload(
			org,
			await xlsx([
				['code', 'name', 'kind', 'parent', 'target'],
				['00999', 'Phường Thử Nghiệm', 'Phường', '001', '1.000'],
				['001', 'Quận Ba Đình', 'Quận', '', 8000]
			]),
			'don-vi.xlsx'
		);
		expect(r.status).toBe(200);
		const p = r.body.data.preview;
		expect(p).toMatchObject({ total: 2, valid: 2, inserted: 1, errorCount: 0 });
		expect(await unitRow('00999')).toBeUndefined();
		const ok = await org.action('/organiser/units/import?/confirm', { token: p.token });
		expect(ok.body?.type).toBe('redirect');
		expect(await unitRow('00999')).toMatchObject({ target_count: 1000, active: 1 });
		expect((await unitRow('001'))?.target_count).toBe(8000);
		const log = await db.get<{ details_json: string }>(
			"select details_json from audit_log where action = 'units.import' order by id desc limit 1"
		);
		expect(JSON.parse(log!.details_json)).toMatchObject({ source: 'don-vi.xlsx', inserted: 1, updated: 1 });
		// The token is single-use.
		const again = await org.action('/organiser/units/import?/confirm', { token: p.token });
		expect(again.status).toBe(400);
	});

	it('imports targets alone, and the public unit ranking shows the new rate at once', async () => {
		const round = await db.get<{ id: number }>(
			"select r.id from rounds r join contests c on c.id = r.contest_id where c.status = 'published' order by r.opens_at limit 1"
		);
		const board = async () => {
			const res = await new Client().get(`/api/leaderboard?round=${round!.id}`);
			const json = (await res.json()) as { units: { name: string; target: number | null }[] };
			return json.units.find((u) => u.name === 'Quận Cầu Giấy');
		};
		expect((await board())?.target).not.toBe(123456); // and fills the cache
		const r = await upload(org, text('code,target\n005,123456\n'), 'chi-tieu.csv', { mode: 'targets' });
		expect(r.body.data.preview).toMatchObject({ mode: 'targets', updated: 1, errorCount: 0 });
		const ok = await org.action('/organiser/units/import?/confirm', { token: r.body.data.preview.token });
		expect(ok.body?.type).toBe('redirect');
		expect((await unitRow('005'))?.target_count).toBe(123456);
		expect((await board())?.target).toBe(123456);
		expect(await db.get("select id from audit_log where action = 'units.targets_import' order by id desc limit 1")).toBeDefined();
	});

	it('is for organisers only: a district lead can neither preview nor confirm', async () => {
		const before = await unitsSnapshot();
		const r = await upload(lead, text('code,target\n001,1\n'), 't.csv', { mode: 'targets' });
		expect(r.status).toBe(403);
		const c = await lead.action('/organiser/units/import?/confirm', { token: 'x' });
		expect(c.status).toBe(403);
		expect(await unitsSnapshot()).toEqual(before);
	});
});

describe('inline target', () => {
	it('sets a target, refuses a negative or malformed one, and a district lead may not', async () => {
		const unit = (await unitRow('003'))!;
		const ok = await org.action('/organiser/units?/target', { unitId: String(unit.id), target: '4.200' });
		expect(ok.status).toBe(200);
		expect((await unitRow('003'))?.target_count).toBe(4200);
		const neg = await org.action('/organiser/units?/target', { unitId: String(unit.id), target: '-5' });
		expect(neg.status).toBe(400);
		expect(neg.body?.data.values.target).toBe('-5');
		expect(neg.body?.data.errors.target).toMatch(/số nguyên không âm/);
		const bad = await org.action('/organiser/units?/target', { unitId: '999999', target: '5' });
		expect(bad.status).toBe(400);
		const byLead = await lead.action('/organiser/units?/target', { unitId: String(unit.id), target: '1' });
		expect(byLead.status).toBe(403);
		expect((await unitRow('003'))?.target_count).toBe(4200);
		const log = await db.get<{ details_json: string }>(
			"select details_json from audit_log where action = 'units.target' order by id desc limit 1"
		);
		expect(JSON.parse(log!.details_json)).toMatchObject({ code: '003', to: 4200 });
	});
});

describe('switching the unit list', () => {
	it('shows the effect before confirming, then registration offers the new list; units keep their people', async () => {
		const page = await (await org.get('/organiser/units?switch=hanoi-communes-2025')).text();
		expect(page).toContain('126 đơn vị sẽ hiện khi đăng ký');
		expect(page).toMatch(/tài khoản đang thuộc các đơn vị bị ẩn/);
		const people = await db.get<{ n: number }>(
			"select count(*) as n from users u join units un on un.id = u.unit_id where un.code = '001'"
		);
		const byLead = await lead.action('/organiser/units?/switch', { list: 'hanoi-communes-2025' });
		expect(byLead.status).toBe(403);
		const r = await org.action('/organiser/units?/switch', { list: 'hanoi-communes-2025' });
		expect(r.body?.type).toBe('redirect');
		const reg = await (await new Client().get('/register')).text();
		expect(reg).toContain('Phường Hoàn Kiếm');
		expect((await unitRow('001'))?.active).toBe(0);
		expect(
			await db.get<{ n: number }>("select count(*) as n from users u join units un on un.id = u.unit_id where un.code = '001'")
		).toEqual(people);
		const log = await db.get<{ details_json: string }>(
			"select details_json from audit_log where action = 'units.switch' order by id desc limit 1"
		);
		expect(JSON.parse(log!.details_json)).toMatchObject({ list: 'hanoi-communes-2025' });
		const back = await org.action('/organiser/units?/switch', { list: 'hanoi-districts-2024' });
		expect(back.body?.type).toBe('redirect');
		expect((await unitRow('001'))?.active).toBe(1);
		expect((await unitRow('00070'))?.active).toBe(0);
	});

	it('refuses an unknown list', async () => {
		const r = await org.action('/organiser/units?/switch', { list: 'hanoi-2030' });
		expect(r.status).toBe(400);
	});
});

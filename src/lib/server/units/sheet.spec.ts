import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseKind, parseTarget, parseUnitSheet, UNIT_MAX_BYTES } from './sheet';
import { hanoiCommunes2025 } from './lists';

const csv = (s: string) => new TextEncoder().encode(s);

async function xlsx(rows: (string | number | null)[][]): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Đơn vị');
	for (const r of rows) ws.addRow(r);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('parseUnitSheet', () => {
	it('reads the 2025 commune list with leading zeros, NFC names and a BOM', async () => {
		const text = '\uFEFFcode,name,kind\n' + hanoiCommunes2025.map((u) => `${u.code},${u.name.normalize('NFD')},${u.kind}`).join('\r\n');
		const r = await parseUnitSheet(csv(text), 'xa-phuong.csv', 'units');
		expect(r.ok).toBe(true);
		if (!r.ok || r.mode !== 'units') return;
		expect(r.errors).toEqual([]);
		expect(r.rows).toHaveLength(126);
		expect(r.rows[0]).toEqual({ row: 2, code: '00070', name: 'Phường Hoàn Kiếm', kind: 'ward' });
		expect(r.rows.every((u) => u.name === u.name.normalize('NFC'))).toBe(true);
	});

	it('reads an XLSX sheet with Vietnamese kinds, a parent and targets in Vietnamese number format', async () => {
		const bytes = await xlsx([
			['Code', 'Name', 'Kind', 'Parent', 'Target'],
			['00070', 'Phường Hoàn Kiếm', 'Phường', '', '12.500'],
			['00071', 'Tổ dân phố 1', 'xã', '00070', 300],
			['00072', 'Xã Thử', 'Thị xã', null, null]
		]);
		const r = await parseUnitSheet(bytes, 'don-vi.xlsx', 'units');
		expect(r).toMatchObject({ ok: true, mode: 'units', errors: [], sheet: 'Đơn vị' });
		if (!r.ok) return;
		expect(r.rows).toEqual([
			{ row: 2, code: '00070', name: 'Phường Hoàn Kiếm', kind: 'ward', targetCount: 12500 },
			{ row: 3, code: '00071', name: 'Tổ dân phố 1', kind: 'commune', parentCode: '00070', targetCount: 300 },
			{ row: 4, code: '00072', name: 'Xã Thử', kind: 'town' }
		]);
	});

	it('reports every bad row with its row number and column', async () => {
		const r = await parseUnitSheet(
			csv(
				'code,name,kind,parent,target\n001,Quận Ba Đình,tỉnh,,\nabc,Quận Tây Hồ,quận,,\n002,Quận Hoàn Kiếm,quận,,-5\n003,X,quận,003,\n001,Quận Ba Đình,quận,,\n'
			),
			'u.csv',
			'units'
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.rows).toEqual([]);
		expect(r.errors.map((e) => [e.row, e.column])).toEqual([
			[2, 'kind'],
			[3, 'code'],
			[4, 'target'],
			[5, 'name'],
			[5, 'parent'],
			[6, 'code']
		]);
		expect(r.errors[5].message).toBe('mã 001 bị lặp (đã có ở dòng 2)');
	});

	it('refuses missing columns, empty sheets, a huge file and a file that is not a sheet', async () => {
		expect(await parseUnitSheet(csv('code,name\n001,Quận Ba Đình\n'), 'u.csv', 'units')).toEqual({
			ok: false,
			message: 'Tệp thiếu cột bắt buộc: kind. Dòng 1 phải là tên cột.'
		});
		expect(await parseUnitSheet(csv('code,name,kind\n'), 'u.csv', 'units')).toMatchObject({ ok: false });
		expect(await parseUnitSheet(new Uint8Array(UNIT_MAX_BYTES + 1).fill(65), 'u.csv', 'units')).toMatchObject({
			ok: false,
			message: expect.stringMatching(/^Tệp quá lớn/)
		});
		expect(await parseUnitSheet(csv('x'), 'u.pdf', 'units')).toMatchObject({ ok: false });
	});

	it('reads a sheet of targets alone and requires a target on every row', async () => {
		const r = await parseUnitSheet(csv('code,target\n001,9000\n002,\n003,1 200\n'), 't.csv', 'targets');
		expect(r).toEqual({
			ok: true,
			mode: 'targets',
			sheet: null,
			rows: [
				{ row: 2, code: '001', targetCount: 9000 },
				{ row: 4, code: '003', targetCount: 1200 }
			],
			errors: [{ row: 3, column: 'target', message: 'thiếu chỉ tiêu' }]
		});
	});
});

describe('parseTarget and parseKind', () => {
	it('accept the ways people write them and refuse the rest', () => {
		expect(parseTarget('12.500')).toBe(12500);
		expect(parseTarget('0')).toBe(0);
		expect(parseTarget(' ')).toBeUndefined();
		expect(parseTarget('-1')).toEqual({ error: expect.any(String) });
		expect(parseTarget('1,5')).toEqual({ error: expect.any(String) });
		expect(parseTarget('12.50')).toEqual({ error: expect.any(String) });
		expect(parseKind('Thị xã')).toBe('town');
		expect(parseKind('PHƯỜNG')).toBe('ward');
		expect(parseKind('rural_district')).toBe('rural_district');
		expect(parseKind('tỉnh')).toBeNull();
	});
});

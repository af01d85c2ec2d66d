import { describe, expect, it } from 'vitest';
import { parseUnitCsv } from './csv';
import { hanoiCommunes2025 } from './lists';

describe('parseUnitCsv', () => {
	it('reads the 2025 commune list with leading zeros, NFC names and a BOM', () => {
		const csv = '\uFEFFcode,name,kind\n' + hanoiCommunes2025.map((u) => `${u.code},${u.name.normalize('NFD')},${u.kind}`).join('\r\n');
		const r = parseUnitCsv(csv);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.units).toHaveLength(126);
		expect(r.units[0]).toEqual({ code: '00070', name: 'Phường Hoàn Kiếm', kind: 'ward' });
		expect(r.units.every((u) => u.name === u.name.normalize('NFC'))).toBe(true);
	});

	it('reads an optional target column', () => {
		const r = parseUnitCsv('Code,Name,Kind,Target\n001,Quận Ba Đình,urban_district,12.500\n002,Quận Hoàn Kiếm,urban_district,\n');
		expect(r).toEqual({
			ok: true,
			units: [
				{ code: '001', name: 'Quận Ba Đình', kind: 'urban_district', targetCount: 12500 },
				{ code: '002', name: 'Quận Hoàn Kiếm', kind: 'urban_district' }
			]
		});
	});

	it('reports every bad row with its line number and imports nothing', () => {
		const r = parseUnitCsv(
			'code,name,kind,target\n001,Quận Ba Đình,district,\nabc,Quận Tây Hồ,urban_district,\n001,Quận Ba Đình,urban_district,-5\n'
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors[0]).toMatch(/^Dòng 2: loại đơn vị/);
		expect(r.errors[1]).toMatch(/^Dòng 3: mã đơn vị/);
		expect(r.errors[2]).toMatch(/^Dòng 4: chỉ tiêu/);
	});

	it('rejects duplicate codes, missing columns and empty files', () => {
		const dup = parseUnitCsv('code,name,kind\n001,Quận Ba Đình,urban_district\n001,Quận Ba Đình,urban_district\n');
		expect(dup).toEqual({ ok: false, errors: ['Dòng 3: mã 001 bị lặp.'] });
		expect(parseUnitCsv('code,name\n001,Quận Ba Đình\n')).toEqual({ ok: false, errors: ['Thiếu cột "kind".'] });
		expect(parseUnitCsv('code,name,kind\n')).toEqual({ ok: false, errors: ['Tệp không có dòng dữ liệu nào.'] });
	});
});

import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest, type Db } from '../db';
import { findByCode, importList, listSelectable } from './units';
import { hanoiDistricts2024 } from './lists';
import { activeListName, applyPlan, previewSheet, setTarget, switchEffect, switchList } from './service';

let db: Db;
const file = (text: string, name = 'u.csv') => ({ name, bytes: new TextEncoder().encode(text) });

async function addPerson(unitCode: string, phone: string): Promise<number> {
	const unit = (await findByCode(db, unitCode))!;
	const row = await db
		.insertInto('users')
		.values({
			full_name: 'Nguyễn Thị Hằng',
			name_folded: 'nguyen thi hang',
			birth_date: '1990-01-01',
			gender: 'female',
			phone,
			unit_id: unit.id,
			password_hash: 'x',
			consent_at: 0,
			consent_version: 'v1',
			created_at: 0
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

beforeEach(async () => {
	db = openDatabase(':memory:');
	await migrateToLatest(db);
	await importList(db, hanoiDistricts2024, { deactivateOthers: false });
});

describe('previewSheet', () => {
	it('checks parents against the sheet and the stored units, and writes nothing', async () => {
		const r = await previewSheet(
			db,
			file(
				'code,name,kind,parent,target\n00070,Phường Hoàn Kiếm,phường,002,100\n00071,Phường Mới,phường,00070,\n00072,Phường Lạc,phường,999,\n'
			),
			'units'
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.preview.errors).toEqual([{ row: 4, column: 'parent', message: expect.stringMatching(/không có đơn vị cấp trên mã 999/) }]);
		expect(r.plan).toBeNull();
		expect(r.preview).toMatchObject({ total: 3, valid: 2, inserted: 2 });
		expect(await findByCode(db, '00070')).toBeUndefined();
	});

	it('refuses a loop of parents and the city root code', async () => {
		const r = await previewSheet(db, file('code,name,kind,parent\n100,Đơn vị A,xã,101\n101,Đơn vị B,xã,100\n01,Hà Nội,xã,\n'), 'units');
		if (!r.ok) throw new Error(r.message);
		expect(r.preview.errors.map((e) => [e.row, e.column])).toEqual([
			[2, 'parent'],
			[3, 'parent'],
			[4, 'code']
		]);
	});

	it('shows, with replace, how many selectable units would be hidden and how many people sit in them', async () => {
		await addPerson('002', '+84981000001');
		await addPerson('002', '+84981000002');
		await addPerson('001', '+84981000003');
		const r = await previewSheet(db, file('code,name,kind,target\n001,Quận Ba Đình,quận,9000\n'), 'units', true);
		if (!r.ok) throw new Error(r.message);
		expect(r.preview).toMatchObject({ updated: 1, hidden: 29, peopleInHidden: 2, replace: true });
		expect(r.preview.rows[0]).toMatchObject({ code: '001', status: 'changed', oldTarget: null, targetCount: 9000 });
	});

	it('applies a checked plan all at once, hiding and never deleting', async () => {
		const r = await previewSheet(
			db,
			file('code,name,kind,parent,target\n001,Quận Ba Đình,quận,,9000\n00001,Phường Trúc Bạch,phường,001,500\n'),
			'units',
			true
		);
		if (!r.ok || !r.plan) throw new Error('no plan');
		expect(await applyPlan(db, null, r.plan, 'u.csv')).toEqual({ inserted: 1, updated: 1, deactivated: 29 });
		expect((await listSelectable(db)).map((u) => u.code).sort()).toEqual(['00001', '001']);
		const child = (await findByCode(db, '00001'))!;
		expect(child.parentId).toBe((await findByCode(db, '001'))!.id);
		expect(await db.selectFrom('units').select('id').execute()).toHaveLength(1 + 30 + 1);
		const log = await db.selectFrom('audit_log').select(['action', 'details_json']).execute();
		expect(log.map((l) => l.action)).toEqual(['units.import']);
	});

	it('checks a targets sheet against the stored codes', async () => {
		const r = await previewSheet(db, file('code,target\n001,9000\n777,5\n'), 'targets');
		if (!r.ok) throw new Error(r.message);
		expect(r.preview.errors).toEqual([{ row: 3, column: 'code', message: 'không có đơn vị mã 777' }]);
		expect(r.plan).toBeNull();
		const ok = await previewSheet(db, file('code,target\n001,9000\n002,0\n'), 'targets');
		if (!ok.ok || !ok.plan) throw new Error('no plan');
		await applyPlan(db, await addPerson('001', '+84981000009'), ok.plan, 't.csv');
		expect((await findByCode(db, '001'))?.targetCount).toBe(9000);
		expect((await findByCode(db, '002'))?.targetCount).toBe(0);
	});
});

describe('switching lists', () => {
	it('shows the effect on registration before switching, then switches and back', async () => {
		await addPerson('001', '+84981000001');
		expect(activeListName(new Set((await listSelectable(db)).map((u) => u.code)))).toBe('hanoi-districts-2024');
		expect(await switchEffect(db, 'hanoi-communes-2025')).toEqual({
			list: 'hanoi-communes-2025',
			selectable: 126,
			becomeSelectable: 126,
			hidden: 30,
			peopleInHidden: 1
		});
		await switchList(db, null, 'hanoi-communes-2025');
		expect(await listSelectable(db)).toHaveLength(126);
		expect(await switchEffect(db, 'hanoi-districts-2024')).toMatchObject({ becomeSelectable: 30, hidden: 126, peopleInHidden: 0 });
		await switchList(db, null, 'hanoi-districts-2024');
		expect(await listSelectable(db)).toHaveLength(30);
	});
});

describe('setTarget', () => {
	it('sets and clears one target with an audit entry, and refuses the city root', async () => {
		const unit = (await findByCode(db, '003'))!;
		const actor = await addPerson('001', '+84981000009');
		expect(await setTarget(db, actor, unit.id, 4200)).toBe(true);
		expect((await findByCode(db, '003'))?.targetCount).toBe(4200);
		expect(await setTarget(db, actor, unit.id, null)).toBe(true);
		expect((await findByCode(db, '003'))?.targetCount).toBeNull();
		const root = await db.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
		expect(await setTarget(db, actor, root.id, 5)).toBe(false);
		const log = await db.selectFrom('audit_log').select(['action', 'details_json']).execute();
		expect(log.map((l) => [l.action, JSON.parse(l.details_json)])).toEqual([
			['units.target', { code: '003', from: null, to: 4200 }],
			['units.target', { code: '003', from: 4200, to: null }]
		]);
	});
});

import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest, type Db } from '../db';
import { findByCode, importList, listSelectable } from './units';
import { hanoiCommunes2025, hanoiDistricts2024 } from './lists';

let db: Db;
beforeEach(async () => {
	db = openDatabase(':memory:');
	await migrateToLatest(db);
});

describe('importList', () => {
	it('seeds the 30 districts of 2024 under the city root', async () => {
		const r = await importList(db, hanoiDistricts2024, { deactivateOthers: false });
		expect(r).toEqual({ inserted: 30, updated: 0, deactivated: 0 });
		const units = await listSelectable(db);
		expect(units).toHaveLength(30);
		expect((await findByCode(db, '001'))?.name).toBe('Quận Ba Đình');
	});

	it('switches to the 126 communes of 2025: old units stay in the database but leave registration', async () => {
		await importList(db, hanoiDistricts2024, { deactivateOthers: false });
		const r = await importList(db, hanoiCommunes2025, { deactivateOthers: true });
		expect(r).toEqual({ inserted: 126, updated: 0, deactivated: 30 });
		expect(await listSelectable(db)).toHaveLength(126);
		expect(await findByCode(db, '001')).toBeUndefined();
		const all = await db.selectFrom('units').select('code').execute();
		expect(all).toHaveLength(1 + 30 + 126);
	});

	it('updates names and targets of existing codes on a re-import', async () => {
		await importList(db, hanoiDistricts2024, { deactivateOthers: false });
		const r = await importList(db, [{ code: '001', name: 'Quận  Ba Đình', kind: 'urban_district', targetCount: 9000 }], {
			deactivateOthers: false
		});
		expect(r).toEqual({ inserted: 0, updated: 1, deactivated: 0 });
		expect(await findByCode(db, '001')).toMatchObject({ name: 'Quận Ba Đình', targetCount: 9000 });
	});
});

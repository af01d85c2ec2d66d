import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest, type Db } from '../db';
import { importList, findByCode } from '../units/units';
import { hanoiDistricts2024 } from '../units/lists';
import { breakdown, createGroup, deleteGroup, listGroups, renameGroup, setHidden, setOwnGroup, UNDECLARED } from './groups';

let db: Db;
let person: number;
beforeEach(async () => {
	db = openDatabase(':memory:');
	await migrateToLatest(db);
	await importList(db, hanoiDistricts2024, { deactivateOthers: false });
	const unit = (await findByCode(db, '001'))!;
	person = (
		await db
			.insertInto('users')
			.values({
				full_name: 'Lê Thị Mai',
				name_folded: 'le thi mai',
				birth_date: '1990-01-01',
				gender: 'female',
				phone: '+84981000001',
				unit_id: unit.id,
				password_hash: 'x',
				consent_at: 0,
				consent_version: 'v1',
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
});

describe('participant groups', () => {
	it('start with the plan’s five target audiences, people who declared none being "chưa khai báo"', async () => {
		expect((await listGroups(db)).map((g) => g.name)).toEqual([
			'Hội viên phụ nữ',
			'Học sinh',
			'Sinh viên',
			'Cán bộ, công chức, viên chức',
			'Người dân'
		]);
		const row = await db.selectFrom('users').select('group_id').where('id', '=', person).executeTakeFirstOrThrow();
		expect(row.group_id).toBeNull();
	});

	it('break participation down by group in list order, hidden groups only when used, undeclared last', async () => {
		const groups = await listGroups(db, { withHidden: true });
		groups[2].hidden = true;
		groups[3].hidden = true;
		const rows = breakdown(groups, [
			{ groupId: groups[0].id, people: 5 },
			{ groupId: groups[3].id, people: 2 },
			{ groupId: null, people: 7 },
			{ groupId: groups[0].id, people: 1 }
		]);
		expect(rows).toEqual([
			{ label: 'Hội viên phụ nữ', people: 6 },
			{ label: 'Học sinh', people: 0 },
			{ label: 'Cán bộ, công chức, viên chức', people: 2 },
			{ label: 'Người dân', people: 0 },
			{ label: UNDECLARED, people: 7 }
		]);
	});

	it('refuse to delete a group in use (hide it instead) and a duplicate name; a hidden group is not offered', async () => {
		const [women, pupils] = await listGroups(db);
		expect(await setOwnGroup(db, person, women.id)).toEqual({ ok: true });
		expect(await deleteGroup(db, person, women.id)).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/ẩn nhóm/) } });
		expect(await createGroup(db, person, ' hội viên  phụ nữ ')).toMatchObject({ ok: false, errors: { name: expect.any(String) } });
		expect(await renameGroup(db, person, pupils.id, 'Sinh viên')).toMatchObject({ ok: false });
		expect(await setHidden(db, person, women.id, true)).toEqual({ ok: true });
		expect((await listGroups(db)).map((g) => g.id)).not.toContain(women.id);
		expect(await setOwnGroup(db, person, women.id)).toMatchObject({ ok: false });
		expect(await deleteGroup(db, person, pupils.id)).toEqual({ ok: true });
		expect(await createGroup(db, person, 'Thanh niên')).toEqual({ ok: true });
		expect((await listGroups(db)).map((g) => g.name).at(-1)).toBe('Thanh niên');
		const actions = (await db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((a) => a.action);
		expect(actions).toEqual(['user.group_change', 'groups.hide', 'groups.delete', 'groups.create']);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDatabase } from '../db/scratch';
import type { Db } from '../db';
import { verifyPassword } from '../auth/password';
import { createStaff, grantableRoles, setStaffActive, staffAccount, updateStaff } from './staff';

/** The staff rules against a real (scratch) SQLite database. */
let db: Db;
let dispose: () => Promise<void>;

beforeAll(async () => {
	({ db, dispose } = await scratchDatabase('staff'));
	const city = await db
		.insertInto('units')
		.values({ code: '01', name: 'Thành phố Hà Nội', kind: 'city', parent_id: null, target_count: null, created_at: 0 })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('units')
		.values({ code: '001', name: 'Quận Ba Đình', kind: 'urban_district', parent_id: city.id, target_count: null, created_at: 0 })
		.execute();
});
afterAll(async () => dispose?.());

describe('staffAccount (the rule user:create and the staff page share)', () => {
	it('generates a one-time password that passes the registration rules, unless one is given', () => {
		const made = staffAccount({ role: 'district_lead', fullName: 'Lê Thị Hoa', phone: '0912 345 678', unitCode: '001' });
		expect(made).toMatchObject({ ok: true, generated: true });
		if (!made.ok) return;
		expect(made.password).toMatch(/^[\w-]{16}$/);
		expect(made.account).toMatchObject({ phone: '+84912345678', role: 'district_lead', email: null, unitCode: '001' });
		const given = staffAccount({
			role: 'admin',
			fullName: 'Lê Thị Hoa',
			phone: '0912345678',
			unitCode: '01',
			password: 'mot cau mat khau'
		});
		expect(given).toMatchObject({ ok: true, generated: false, password: 'mot cau mat khau' });
	});

	it('answers the registration form’s Vietnamese field errors', () => {
		const bad = staffAccount({ role: 'organiser', fullName: 'A', phone: '12', email: 'x@', unitCode: '01' });
		expect(bad.ok).toBe(false);
		if (bad.ok) return;
		expect(Object.keys(bad.errors).sort()).toEqual(['email', 'fullName', 'phone']);
	});
});

describe('who may manage whom', () => {
	it('organisers grant district lead or participant only; admins any role', () => {
		expect(grantableRoles({ role: 'organiser' })).toEqual(['participant', 'district_lead']);
		expect(grantableRoles({ role: 'admin' })).toEqual(['participant', 'district_lead', 'organiser', 'admin']);
		expect(grantableRoles({ role: 'district_lead' })).toEqual([]);
	});

	it('creates an organiser in the city by default, with a password only its hash is kept of', async () => {
		const res = await createStaff(
			db,
			{ id: 1, role: 'admin' },
			{ role: 'organiser', fullName: 'Phạm Thị Tổ', phone: '0913000001', email: null, unitCode: '' }
		);
		if (!res.ok) throw new Error(JSON.stringify(res.errors));
		const row = await db
			.selectFrom('users')
			.innerJoin('units', 'units.id', 'users.unit_id')
			.select(['units.code', 'users.password_hash'])
			.where('users.id', '=', res.userId)
			.executeTakeFirstOrThrow();
		expect(row.code).toBe('01');
		expect(await verifyPassword(row.password_hash, res.password)).toBe(true);
		expect(
			await createStaff(
				db,
				{ id: 1, role: 'organiser' },
				{ role: 'organiser', fullName: 'Phạm Thị Tổ', phone: '0913000002', email: null, unitCode: '' }
			)
		).toMatchObject({ ok: false, status: 403 });
	});

	it('never leaves the system without an active admin', async () => {
		const only = await createStaff(
			db,
			{ id: 1, role: 'admin' },
			{ role: 'admin', fullName: 'Vũ Thị Quản', phone: '0913000003', email: null, unitCode: '' }
		);
		if (!only.ok) throw new Error(JSON.stringify(only.errors));
		// An actor who is no active admin any more (deactivated meanwhile on another tab) cannot take the last one away.
		const gone = await createStaff(
			db,
			{ id: only.userId, role: 'admin' },
			{ role: 'admin', fullName: 'Vũ Thị Cũ', phone: '0913000005', email: null, unitCode: '' }
		);
		if (!gone.ok) throw new Error(JSON.stringify(gone.errors));
		await db.updateTable('users').set({ deactivated_at: 1 }).where('id', '=', gone.userId).execute();
		const ghost = { id: gone.userId, role: 'admin' as const };
		expect(await updateStaff(db, ghost, only.userId, { role: 'organiser', unitCode: '' })).toMatchObject({ ok: false, status: 409 });
		expect(await setStaffActive(db, ghost, only.userId, false)).toMatchObject({ ok: false, status: 409 });
		const second = await createStaff(db, ghost, { role: 'admin', fullName: 'Vũ Thị Hai', phone: '0913000004', email: null, unitCode: '' });
		if (!second.ok) throw new Error(JSON.stringify(second.errors));
		expect(await setStaffActive(db, ghost, only.userId, false)).toMatchObject({ ok: true });
		expect(await updateStaff(db, ghost, second.userId, { role: 'organiser', unitCode: '' })).toMatchObject({ ok: false, status: 409 });
	});
});

import { describe, expect, it } from 'vitest';
import { Client, freshPhone, loggedIn, registeredClient } from './client';
import { testDb } from './db';

/**
 * Staff accounts (/admin/staff, issue 16 item 1) through HTTP as each role: who may create and
 * change which accounts, sessions that end on a demotion, a move or a deactivation, the audit log.
 */
const db = testDb();

const ADMIN = '0900000001';
const ORGANISER = '0900000002';
const LEAD_001 = '0900000003';

async function login(identifier: string, password: string) {
	const c = new Client();
	const r = await c.action('/login', { identifier, password });
	return { client: c, ...r };
}

async function userByPhone(local: string) {
	return db.get<{ id: number; role: string; unit_id: number; deactivated_at: number | null }>(
		'select id, role, unit_id, deactivated_at from users where phone = ?',
		'+84' + local.slice(1)
	);
}

async function createLead(by: Client, over: Record<string, string> = {}) {
	const phone = freshPhone();
	const fields = { fullName: 'Trần Thị Cán Bộ', phone, email: '', role: 'district_lead', unitCode: '004', ...over };
	const r = await by.action('/admin/staff?/create', fields);
	return { phone, ...r };
}

describe('creating staff accounts', () => {
	it('an admin creates a district lead, who logs in with the one-time password shown once', async () => {
		const admin = await loggedIn(ADMIN);
		const { phone, status, body } = await createLead(admin);
		expect(status).toBe(200);
		const created = body?.data.created;
		expect(created.password).toMatch(/^[\w-]{16}$/);
		const row = await userByPhone(phone);
		expect(row).toMatchObject({ role: 'district_lead' });
		const unit = await db.get<{ code: string }>('select code from units where id = ?', row!.unit_id);
		expect(unit?.code).toBe('004');
		// Not stored in clear anywhere.
		const hash = await db.get<{ password_hash: string }>('select password_hash from users where id = ?', row!.id);
		expect(hash?.password_hash).not.toContain(created.password);
		const audit = await db.get<{ actor_user_id: number; details_json: string }>(
			"select actor_user_id, details_json from audit_log where action = 'staff.create' and entity_id = ?",
			String(row!.id)
		);
		expect(audit?.actor_user_id).toBe((await userByPhone(ADMIN))!.id);
		const lead = await login(phone, created.password);
		expect(lead.body?.type).toBe('redirect');
		expect((await lead.client.get('/district')).status).toBe(200);
		// Its page shows the account and, after that login, when it last logged in.
		const page = await (await admin.get(`/admin/staff/${row!.id}`)).text();
		expect(page).toContain('Trần Thị Cán Bộ');
		expect(page).not.toContain('Chưa đăng nhập');
	});

	it('an organiser creates district leads but not organisers or admins', async () => {
		const org = await loggedIn(ORGANISER);
		const ok = await createLead(org);
		expect(ok.status).toBe(200);
		expect((await userByPhone(ok.phone))?.role).toBe('district_lead');
		for (const role of ['organiser', 'admin']) {
			const refused = await createLead(org, { role, unitCode: '' });
			expect(refused.status).toBe(403);
			expect(refused.body?.data.errors.role).toMatch(/quản trị viên/);
			expect(await userByPhone(refused.phone)).toBeUndefined();
		}
	});

	it('refuses bad input with Vietnamese field errors, keeping what was typed', async () => {
		const admin = await loggedIn(ADMIN);
		const r = await admin.action('/admin/staff?/create', { fullName: 'A', phone: '12', email: 'x@', role: 'district_lead', unitCode: '' });
		expect(r.status).toBe(400);
		expect(r.body?.data.values).toMatchObject({ fullName: 'A', phone: '12', email: 'x@' });
		const again = await admin.action('/admin/staff?/create', {
			fullName: 'Lê Thị Hoa',
			phone: '0912',
			role: 'district_lead',
			unitCode: '004'
		});
		expect(again.status).toBe(400);
		expect(again.body?.data.errors.phone).toMatch(/Số điện thoại không hợp lệ/);
		// A district lead needs a unit below the city.
		const noUnit = await createLead(admin, { unitCode: '' });
		expect(noUnit.status).toBe(400);
		expect(noUnit.body?.data.errors.unitCode).toMatch(/đơn vị/);
		const taken = await createLead(admin, { phone: LEAD_001 });
		expect(taken.status).toBe(400);
		expect(taken.body?.data.errors.phone).toMatch(/đã được đăng ký/);
	});

	it('is refused to participants and district leads', async () => {
		const part = (await registeredClient()).client;
		const lead = await loggedIn(LEAD_001);
		for (const c of [part, lead]) {
			expect((await c.get('/admin/staff')).status).toBe(403);
			const { phone, status } = await createLead(c);
			expect(status).toBe(403);
			expect(await userByPhone(phone)).toBeUndefined();
		}
	});
});

describe('changing and deactivating staff accounts', () => {
	it('moving a lead to another unit ends their sessions and is audit-logged', async () => {
		const admin = await loggedIn(ADMIN);
		const { phone, body } = await createLead(admin);
		const lead = await login(phone, body?.data.created.password);
		const id = (await userByPhone(phone))!.id;
		expect((await lead.client.get('/district')).status).toBe(200);
		const r = await admin.action(`/admin/staff/${id}?/update`, { role: 'district_lead', unitCode: '006' });
		expect(r.status).toBe(200);
		expect((await lead.client.get('/district')).status).toBe(303);
		const audit = await db.get<{ details_json: string }>(
			"select details_json from audit_log where action = 'staff.update' and entity_id = ?",
			String(id)
		);
		expect(JSON.parse(audit!.details_json)).toEqual({
			from: { role: 'district_lead', unitCode: '004' },
			to: { role: 'district_lead', unitCode: '006' }
		});
	});

	it('an organiser may demote a lead but never touch an organiser or admin', async () => {
		const org = await loggedIn(ORGANISER);
		const { phone } = await createLead(org);
		const id = (await userByPhone(phone))!.id;
		expect((await org.action(`/admin/staff/${id}?/update`, { role: 'organiser', unitCode: '004' })).status).toBe(403);
		expect((await userByPhone(phone))?.role).toBe('district_lead');
		expect((await org.action(`/admin/staff/${id}?/update`, { role: 'participant', unitCode: '004' })).status).toBe(200);
		expect((await userByPhone(phone))?.role).toBe('participant');
		const adminId = (await userByPhone(ADMIN))!.id;
		expect((await org.action(`/admin/staff/${adminId}?/update`, { role: 'participant', unitCode: '' })).status).toBe(403);
		expect((await org.action(`/admin/staff/${adminId}?/deactivate`, { confirm: 'on' })).status).toBe(403);
		expect(await userByPhone(ADMIN)).toMatchObject({ role: 'admin', deactivated_at: null });
	});

	it('an admin cannot demote or deactivate themselves', async () => {
		const admin = await loggedIn(ADMIN);
		const id = (await userByPhone(ADMIN))!.id;
		expect((await admin.action(`/admin/staff/${id}?/update`, { role: 'organiser', unitCode: '' })).status).toBe(409);
		expect((await admin.action(`/admin/staff/${id}?/deactivate`, { confirm: 'on' })).status).toBe(409);
		expect(await userByPhone(ADMIN)).toMatchObject({ role: 'admin', deactivated_at: null });
		expect((await admin.get('/admin/staff')).status).toBe(200);
	});

	it('deactivation asks for confirmation, ends every session and refuses login until reactivated', async () => {
		const admin = await loggedIn(ADMIN);
		const { phone, body } = await createLead(admin);
		const password = body?.data.created.password;
		const first = await login(phone, password);
		const second = await login(phone, password);
		const id = (await userByPhone(phone))!.id;
		const unconfirmed = await admin.action(`/admin/staff/${id}?/deactivate`, {});
		expect(unconfirmed.status).toBe(400);
		expect(unconfirmed.body?.data.errors.confirm).toMatch(/xác nhận/);
		expect((await userByPhone(phone))?.deactivated_at).toBeNull();
		expect((await admin.action(`/admin/staff/${id}?/deactivate`, { confirm: 'on' })).status).toBe(200);
		for (const c of [first.client, second.client]) expect((await c.get('/district')).status).toBe(303);
		expect(await db.get('select id from sessions where user_id = ?', id)).toBeUndefined();
		const refused = await login(phone, password);
		expect(refused.status).toBe(403);
		expect(refused.body?.data.errors.form).toMatch(/tạm khóa/);
		// A wrong password still gets the ordinary answer: the lock is not told to guessers.
		const guess = await login(phone, 'sai-mat-khau-roi');
		expect(guess.status).toBe(400);
		expect((await admin.action(`/admin/staff/${id}?/reactivate`, {})).status).toBe(200);
		expect((await login(phone, password)).body?.type).toBe('redirect');
		const actions = await db.all<{ action: string }>(
			"select action from audit_log where entity_id = ? and action like 'staff.%' order by id",
			String(id)
		);
		expect(actions.map((a) => a.action)).toEqual(['staff.create', 'staff.deactivate', 'staff.reactivate']);
	});
});

describe('the staff list', () => {
	it('searches by name (without diacritics) and by phone, and pages', async () => {
		const admin = await loggedIn(ADMIN);
		await createLead(admin);
		const { phone } = await createLead(admin, { fullName: 'Đỗ Thị Tìm Kiếm' });
		const byName = await (await admin.get('/admin/staff?q=do%20thi%20tim%20kiem')).text();
		expect(byName).toContain('Đỗ Thị Tìm Kiếm');
		expect(byName).not.toContain('Trần Thị Cán Bộ');
		const byPhone = await (await admin.get(`/admin/staff?q=${phone}`)).text();
		expect(byPhone).toContain('Đỗ Thị Tìm Kiếm');
		const list = await (await admin.get('/admin/staff?role=admin')).text();
		expect(list).toContain('Quản Trị Hệ Thống');
		expect(list).not.toContain('Đỗ Thị Tìm Kiếm');
		// Participants are not staff.
		const part = await registeredClient({ fullName: 'Vũ Thị Không Phải Cán Bộ' });
		expect(await (await admin.get(`/admin/staff?q=${part.form.phone}`)).text()).not.toContain('Vũ Thị Không Phải Cán Bộ');
		expect((await admin.get('/admin/staff?page=99999')).status).toBe(200);
	});

	it('is linked from the organisers’ page', async () => {
		const org = await loggedIn(ORGANISER);
		expect(await (await org.get('/organiser')).text()).toContain('href="/admin/staff"');
	});
});

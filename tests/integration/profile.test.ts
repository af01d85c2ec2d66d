import { describe, expect, it } from 'vitest';
import { Client, freshPhone, registeredClient } from './client';
import { testDb } from './db';

const db = testDb();

/**
 * "Thông tin cá nhân" on /account: a person edits their own name, unit, phone, email and CCCD.
 * Uniqueness is the database's (UNIQUE indexes), so formats, case and races cannot slip past it.
 */
const PASSWORD = 'mat-khau-du-dai'; // registration() in client.ts
const e164 = (p: string) => '+84' + p.slice(1);
/** "0912345678" → "+84 912.345.678": the same number in another accepted format. */
const otherFormat = (p: string) => `+84 ${p.slice(1, 4)}.${p.slice(4, 7)}.${p.slice(7)}`;
let seq = 0;
const freshEmail = () => `ho.so.${Date.now()}.${++seq}@example.vn`;
const freshCccd = () => '0019' + String((Date.now() * 100 + ++seq) % 1e8).padStart(8, '0');

interface Row {
	id: number;
	full_name: string;
	name_folded: string;
	phone: string;
	email: string | null;
	national_id_hash: string | null;
	unit_code: string;
}
async function row(phone: string): Promise<Row> {
	return (await db.get(
		'select users.id, full_name, name_folded, phone, email, national_id_hash, units.code as unit_code from users join units on units.id = users.unit_id where phone = ?',
		e164(phone)
	)) as Row;
}
async function rowById(id: number): Promise<Row> {
	return (await db.get(
		'select users.id, full_name, name_folded, phone, email, national_id_hash, units.code as unit_code from users join units on units.id = users.unit_id where users.id = ?',
		id
	)) as Row;
}

/** The profile form as the page would post it, filled with what the person has now. */
function profileForm(form: Record<string, string>, over: Record<string, string> = {}): Record<string, string> {
	return {
		fullName: form.fullName,
		phone: form.phone,
		email: form.email,
		nationalId: '',
		unitCode: form.unitCode,
		currentPassword: '',
		...over
	};
}

describe('profile edits on the account page', () => {
	it('saves a new name and unit without the password, folds the name for search and says what changed', async () => {
		const { client, form } = await registeredClient();
		const res = await client.action('/account?/profile', profileForm(form, { fullName: '  Lê   Thị Hồng  Nhung ', unitCode: '001' }));
		expect(res.status).toBe(200);
		expect(res.body?.data.saved).toMatch(/Đã lưu thay đổi/);
		expect(res.body?.data.changed).toEqual(['fullName', 'unitCode']);
		const r = await row(form.phone);
		expect(r.full_name).toBe('Lê Thị Hồng Nhung');
		expect(r.name_folded).toBe('le thi hong nhung');
		expect(r.unit_code).toBe('001');
		const page = await (await client.get('/account')).text();
		expect(page).toContain('Thông tin cá nhân');
		expect(page).toContain('Lê Thị Hồng Nhung');

		const log = (await db.get(
			"select details_json from audit_log where action = 'user.profile_update' and entity_id = ? order by id desc",
			String(r.id)
		)) as { details_json: string };
		expect(JSON.parse(log.details_json).fields).toEqual(['fullName', 'unitCode']);
	});

	it('refuses a phone that belongs to someone else, typed in another format, and keeps what was typed (not the password)', async () => {
		const other = await registeredClient();
		const { client, form } = await registeredClient();
		const typed = otherFormat(other.form.phone);
		const res = await client.action(
			'/account?/profile',
			profileForm(form, { phone: typed, fullName: 'Phạm Thị Thu', currentPassword: PASSWORD })
		);
		expect(res.status).toBe(400);
		expect(res.body?.data.errors.phone).toBe('Số điện thoại này đã được đăng ký.');
		expect(res.body?.data.values.phone).toBe(typed);
		expect(res.body?.data.values.fullName).toBe('Phạm Thị Thu');
		expect(res.text).not.toContain(PASSWORD);
		// Nothing was written, not even the name typed next to the taken phone.
		expect((await row(form.phone)).full_name).toBe(form.fullName);
	});

	it('refuses an email someone else registered, whatever its case', async () => {
		const email = freshEmail();
		await registeredClient({ email });
		const { client, form } = await registeredClient();
		const res = await client.action('/account?/profile', profileForm(form, { email: email.toUpperCase(), currentPassword: PASSWORD }));
		expect(res.status).toBe(400);
		expect(res.body?.data.errors.email).toBe('Email này đã được đăng ký.');
		expect((await row(form.phone)).email).toBeNull();
	});

	it("refuses a CCCD someone else declared, shows only whether one is on file, and can add or remove one's own", async () => {
		const cccd = freshCccd();
		await registeredClient({ nationalId: cccd });
		const { client, form } = await registeredClient();
		const taken = await client.action(
			'/account?/profile',
			profileForm(form, { nationalId: cccd.replace(/(\d{4})/g, '$1 ').trim(), currentPassword: PASSWORD })
		);
		expect(taken.status).toBe(400);
		expect(taken.body?.data.errors.nationalId).toBe('Số CCCD này đã được đăng ký.');
		expect((await row(form.phone)).national_id_hash).toBeNull();

		const mine = freshCccd();
		const added = await client.action('/account?/profile', profileForm(form, { nationalId: mine, currentPassword: PASSWORD }));
		expect(added.status).toBe(200);
		const hash = (await row(form.phone)).national_id_hash;
		expect(hash).toMatch(/^[0-9a-f]+$/);
		expect(hash).not.toContain(mine);
		const page = await (await client.get('/account')).text();
		expect(page).not.toContain(mine);
		expect(page).toContain('Bạn đã khai số CCCD');
		expect(page).toContain('Xóa số CCCD đã khai');

		// An empty box keeps the stored CCCD; the checkbox removes it.
		await client.action('/account?/profile', profileForm(form, { fullName: 'Đỗ Thị Lan' }));
		expect((await row(form.phone)).national_id_hash).toBe(hash);
		const removed = await client.action(
			'/account?/profile',
			profileForm(form, { fullName: 'Đỗ Thị Lan', removeNationalId: 'on', currentPassword: PASSWORD })
		);
		expect(removed.body?.data.changed).toEqual(['nationalId']);
		expect((await row(form.phone)).national_id_hash).toBeNull();
	});

	it('asks for the current password to change the phone, refuses a wrong one, and changes nothing', async () => {
		const { client, form } = await registeredClient();
		const newPhone = freshPhone();
		const missing = await client.action('/account?/profile', profileForm(form, { phone: newPhone, fullName: 'Vũ Thị Hoa' }));
		expect(missing.status).toBe(400);
		expect(missing.body?.data.errors.currentPassword).toBe('Vui lòng nhập mật khẩu hiện tại để đổi số điện thoại, email hoặc số CCCD.');
		const wrong = await client.action(
			'/account?/profile',
			profileForm(form, { phone: newPhone, fullName: 'Vũ Thị Hoa', currentPassword: 'khong-phai-mat-khau' })
		);
		expect(wrong.status).toBe(400);
		expect(wrong.body?.data.errors.currentPassword).toBe('Mật khẩu hiện tại không đúng.');
		expect(wrong.text).not.toContain('khong-phai-mat-khau');
		const r = await row(form.phone);
		expect(r.phone).toBe(e164(form.phone));
		expect(r.full_name).toBe(form.fullName);
		expect(await row(newPhone)).toBeUndefined();
	});

	it('after six wrong current passwords refuses a change that needs one with 429 and Retry-After for a while, but still saves a name', async () => {
		const { client, form } = await registeredClient();
		const newPhone = freshPhone();
		for (let i = 0; i < 6; i++) {
			const wrong = await client.action(
				'/account?/profile',
				profileForm(form, { phone: newPhone, currentPassword: 'khong-phai-mat-khau' })
			);
			expect(wrong.body?.data.errors.currentPassword).toBe('Mật khẩu hiện tại không đúng.');
		}
		const locked = await client.action('/account?/profile', profileForm(form, { phone: newPhone, currentPassword: PASSWORD }));
		expect(locked.status).toBe(429);
		expect(Number(locked.res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect(locked.body?.data).toMatchObject({
			section: 'profile',
			values: { phone: newPhone },
			errors: { currentPassword: 'Bạn đã nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ít phút.' }
		});
		expect(await row(newPhone)).toBeUndefined();
		const name = await client.action('/account?/profile', profileForm(form, { fullName: 'Trịnh Thị Mơ' }));
		expect(name.status).toBe(200);
		expect((await row(form.phone)).full_name).toBe('Trịnh Thị Mơ');
	});

	it('a new phone logs in, the old one no longer does, and other sessions end while this one stays', async () => {
		const { client, form } = await registeredClient();
		const elsewhere = new Client();
		expect((await elsewhere.action('/login', { identifier: form.phone, password: PASSWORD })).body?.type).toBe('redirect');
		const newPhone = freshPhone();
		const res = await client.action('/account?/profile', profileForm(form, { phone: newPhone, currentPassword: PASSWORD }));
		expect(res.status).toBe(200);
		expect(res.body?.data.changed).toEqual(['phone']);
		expect(res.body?.data.saved).toMatch(/đăng xuất tài khoản khỏi 1 thiết bị khác/);
		expect((await client.get('/account')).status).toBe(200);
		expect((await elsewhere.get('/account')).status).toBe(303);
		expect((await new Client().action('/login', { identifier: form.phone, password: PASSWORD })).body?.type).toBe('failure');
		expect((await new Client().action('/login', { identifier: newPhone, password: PASSWORD })).body?.type).toBe('redirect');
		// The audit log names the field, never the number.
		const logs = (await db.all(
			"select details_json from audit_log where action = 'user.profile_update' and entity_id = ?",
			String((await row(newPhone)).id)
		)) as { details_json: string }[];
		expect(logs.map((l) => JSON.parse(l.details_json).fields)).toEqual([['phone']]);
		for (const l of logs) expect(l.details_json).not.toMatch(new RegExp(newPhone.slice(1) + '|' + form.phone.slice(1)));
	});

	it('lets exactly one of 20 concurrent requests from two accounts take the same new phone', async () => {
		const a = await registeredClient();
		const b = await registeredClient();
		const target = freshPhone();
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) => {
				const who = i % 2 === 0 ? a : b;
				// Half of them type the number in another format: the index sees one value.
				return who.client.action(
					'/account?/profile',
					profileForm(who.form, { phone: i % 4 < 2 ? target : otherFormat(target), currentPassword: PASSWORD })
				);
			})
		);
		expect(results.every((r) => r.status === 200 || r.status === 400)).toBe(true);
		const took = results.filter((r) => r.status === 200 && r.body?.data.changed.includes('phone'));
		expect(took).toHaveLength(1);
		// Everyone else either lost the race (the index refused) or, being the winner, found nothing left to change.
		for (const r of results) {
			if (r === took[0]) continue;
			if (r.status === 400) expect(r.body?.data.errors.phone).toBe('Số điện thoại này đã được đăng ký.');
			else expect(r.body?.data.changed).toEqual([]);
		}
		const owners = await db.all('select id from users where phone = ?', e164(target));
		expect(owners).toHaveLength(1);
	}, 60_000);

	it('edits only the logged-in person: an injected userId field is ignored', async () => {
		const victim = await registeredClient();
		const { client, form } = await registeredClient();
		const victimId = (await row(victim.form.phone)).id;
		const res = await client.action('/account?/profile', {
			...profileForm(form, { fullName: 'Kẻ Mạo Danh' }),
			userId: String(victimId),
			id: String(victimId)
		});
		expect(res.status).toBe(200);
		expect((await rowById(victimId)).full_name).toBe(victim.form.fullName);
		expect((await row(form.phone)).full_name).toBe('Kẻ Mạo Danh');
	});

	it('sends an anonymous visitor to the login page', async () => {
		const res = await new Client().action('/account?/profile', { fullName: 'Ai Đó', phone: freshPhone(), unitCode: '001' });
		expect(res.body?.type).toBe('redirect');
		expect(res.body?.location).toMatch(/^\/login/);
	});

	it('refuses edits to an account whose data was erased', async () => {
		const { client, form } = await registeredClient();
		const id = (await row(form.phone)).id;
		await db.run('update users set anonymised_at = ? where id = ?', Date.now(), id);
		const res = await client.action('/account?/profile', profileForm(form, { fullName: 'Tên Mới' }));
		expect(res.status).toBe(400);
		expect(res.body?.data.errors.form).toMatch(/không thể sửa thông tin/);
		expect((await rowById(id)).full_name).toBe(form.fullName);
	});
});

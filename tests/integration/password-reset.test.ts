import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Client, loggedIn, registeredClient } from './client';
import { testDb } from './db';

/**
 * Forgotten passwords with an officer's code (issue 16 item 4) through HTTP: who may issue a code
 * for whom, the code's single use and lifetime, the same answer for a wrong code and an unknown
 * phone, every session ending. The email link is password-email.test.ts (its own server with SMTP).
 */
const db = testDb();
const LEAD_001 = '0900000003';
const ORGANISER = '0900000002';
const ADMIN = '0900000001';

const idOf = async (local: string) => (await db.get<{ id: number }>('select id from users where phone = ?', '+84' + local.slice(1)))!.id;

async function issue(officer: Client, userId: number) {
	return officer.action('/district/password?/issue', { userId: String(userId) });
}

const resetWith = (c: Client, phone: string, code: string, password: string) =>
	c.action('/forgot-password?/code', { phone, code, password, password2: password });

describe('an officer’s reset code', () => {
	it('lets a participant of the lead’s unit set a new password once, ending every session', async () => {
		const person = await registeredClient({ unitCode: '001' });
		const userId = await idOf(person.form.phone);
		const lead = await loggedIn(LEAD_001);
		// The lead finds the person by phone on the page.
		expect(await (await lead.get(`/district/password?q=${person.form.phone}`)).text()).toContain(person.form.fullName);
		const issued = await issue(lead, userId);
		expect(issued.status).toBe(200);
		const code: string = issued.body?.data.issued.code;
		expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){6}$/);
		// Stored only as a hash, valid 30 minutes.
		const row = await db.get<{ secret_hash: string; created_at: number; expires_at: number; issued_by: number }>(
			"select secret_hash, created_at, expires_at, issued_by from password_resets where user_id = ? and kind = 'code'",
			userId
		);
		expect(row!.secret_hash).toBe(createHash('sha256').update(code.replace(/-/g, '')).digest('hex'));
		expect(row!.expires_at - row!.created_at).toBe(30 * 60_000);
		expect(row!.issued_by).toBe(await idOf(LEAD_001));

		const anon = new Client();
		// Typed in small letters with spaces: the same code.
		const done = await resetWith(anon, person.form.phone, code.toLowerCase().replace(/-/g, ' '), 'mot cau mat khau moi');
		expect(done.body).toMatchObject({ type: 'redirect', location: '/login?reset=1' });
		expect((await person.client.get('/account')).status).toBe(303);
		expect((await anon.action('/login', { identifier: person.form.phone, password: person.form.password })).status).toBe(400);
		expect((await anon.action('/login', { identifier: person.form.phone, password: 'mot cau mat khau moi' })).body?.type).toBe('redirect');
		// Single use.
		const again = await resetWith(new Client(), person.form.phone, code, 'mot cau khac nua');
		expect(again.status).toBe(400);
		expect(again.body?.data.errors.form).toMatch(/không đúng/);
		const actions = await db.all<{ action: string; actor_user_id: number }>(
			"select action, actor_user_id from audit_log where entity_id = ? and action like 'password.%' order by id",
			String(userId)
		);
		expect(actions).toEqual([
			{ action: 'password.code_issue', actor_user_id: await idOf(LEAD_001) },
			{ action: 'password.code_use', actor_user_id: userId }
		]);
	});

	it('is refused, in the server, for a person of another unit, a lead for a staff account, and to participants', async () => {
		const elsewhere = await registeredClient({ unitCode: '007' });
		const otherId = await idOf(elsewhere.form.phone);
		const lead = await loggedIn(LEAD_001);
		const refused = await issue(lead, otherId);
		expect(refused.status).toBe(403);
		expect(refused.body?.data.errors.form).toMatch(/đơn vị mình/);
		// The search does not find them either.
		expect(await (await lead.get(`/district/password?q=${elsewhere.form.phone}`)).text()).not.toContain(elsewhere.form.fullName);
		expect((await issue(lead, await idOf(ORGANISER))).status).toBe(403);
		const participant = await registeredClient({ unitCode: '001' });
		expect((await issue(participant.client, otherId)).status).toBe(403);
		expect(await db.get('select id from password_resets where user_id = ?', otherId)).toBeUndefined();
		// An organiser may, for anyone's participant; but not for an admin.
		const org = await loggedIn(ORGANISER);
		expect((await issue(org, otherId)).status).toBe(200);
		expect((await issue(org, await idOf(ADMIN))).status).toBe(403);
	});

	it('gives the same answer for a wrong code, an unknown phone and another person’s code', async () => {
		const person = await registeredClient({ unitCode: '001' });
		const other = await registeredClient({ unitCode: '001' });
		const lead = await loggedIn(LEAD_001);
		const code: string = (await issue(lead, await idOf(person.form.phone))).body?.data.issued.code;
		const answers = await Promise.all([
			resetWith(new Client(), person.form.phone, 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG', 'mot cau mat khau moi'),
			resetWith(new Client(), '0999999990', code, 'mot cau mat khau moi'),
			resetWith(new Client(), other.form.phone, code, 'mot cau mat khau moi')
		]);
		const seen = answers.map((a) => ({ status: a.status, errors: a.body?.data.errors }));
		expect(seen[0].status).toBe(400);
		expect(seen[1]).toEqual(seen[0]);
		expect(seen[2]).toEqual(seen[0]);
		// Still usable by its owner afterwards.
		expect((await resetWith(new Client(), person.form.phone, code, 'mot cau mat khau moi')).body?.type).toBe('redirect');
	});

	it('expires after 30 minutes, and a new code replaces the earlier one', async () => {
		const person = await registeredClient({ unitCode: '001' });
		const userId = await idOf(person.form.phone);
		const lead = await loggedIn(LEAD_001);
		const first: string = (await issue(lead, userId)).body?.data.issued.code;
		const second: string = (await issue(lead, userId)).body?.data.issued.code;
		expect((await resetWith(new Client(), person.form.phone, first, 'mot cau mat khau moi')).status).toBe(400);
		await db.run(
			"update password_resets set expires_at = ? where user_id = ? and used_at is null and kind = 'code'",
			Date.now() - 1,
			userId
		);
		expect((await resetWith(new Client(), person.form.phone, second, 'mot cau mat khau moi')).status).toBe(400);
		expect((await anonLogin(person.form.phone, person.form.password)).body?.type).toBe('redirect');
	});

	it('checks the new password with Vietnamese messages, keeping the phone but never the code', async () => {
		const person = await registeredClient({ unitCode: '001' });
		const lead = await loggedIn(LEAD_001);
		const code: string = (await issue(lead, await idOf(person.form.phone))).body?.data.issued.code;
		const c = new Client();
		const short = await c.action('/forgot-password?/code', { phone: person.form.phone, code, password: 'ngan', password2: 'ngan' });
		expect(short.status).toBe(400);
		expect(short.body?.data.errors.password).toMatch(/ít nhất 8 ký tự/);
		expect(short.body?.data.values).toEqual({ phone: person.form.phone });
		const mismatch = await c.action('/forgot-password?/code', {
			phone: person.form.phone,
			code,
			password: 'mot cau mat khau',
			password2: 'mot cau khac'
		});
		expect(mismatch.body?.data.errors.password2).toMatch(/không khớp/);
		const ownPhone = await resetWith(c, person.form.phone, code, person.form.phone);
		expect(ownPhone.body?.data.errors.password).toMatch(/số điện thoại/);
		// None of these used the code.
		expect((await resetWith(c, person.form.phone, code, 'mot cau mat khau moi')).body?.type).toBe('redirect');
	});
});

async function anonLogin(identifier: string, password: string) {
	return new Client().action('/login', { identifier, password });
}

describe('the forgotten-password pages', () => {
	it('the login page links “Quên mật khẩu?” and says whom to ask without an email', async () => {
		const html = await (await new Client().get('/login')).text();
		expect(html).toContain('href="/forgot-password"');
		expect(html).toContain('Quên mật khẩu?');
		expect(html).toMatch(/không có email\? Hãy liên hệ cán bộ Hội Phụ nữ/);
	});

	it('without SMTP, says email is not available and whom to ask, and sends nothing', async () => {
		const c = new Client();
		const html = await (await c.get('/forgot-password')).text();
		expect(html).toContain('chưa gửi được email');
		const r = await c.action('/forgot-password?/email', { email: 'ai-do@example.vn' });
		expect(r.status).toBe(400);
		expect(r.body?.data.errors.form).toMatch(/nhờ cán bộ cấp mã/);
	});

	it('a reset link that is forged or incomplete shows no form', async () => {
		const html = await (await new Client().get('/reset-password?token=1.9999999999999.abcdefghijklmnopqrstuvwx.' + '0'.repeat(64))).text();
		expect(html).toContain('không còn dùng được');
		expect(html).not.toContain('name="password"');
		const post = await new Client().action('/reset-password', { token: 'x', password: 'mot cau mat khau', password2: 'mot cau mat khau' });
		expect(post.status).toBe(400);
		expect(post.body?.data.errors.form).toMatch(/hết hạn hoặc đã được dùng/);
	});
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Client, loggedIn, registeredClient, registration } from './client';
import { testDb } from './db';

const db = testDb();

const PAYLOAD = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const phoneE164 = (p: string) => '+84' + p.slice(1);
const userId = async (phone: string) => {
	return ((await db.get('select id from users where phone = ?', phoneE164(phone))) as { id: number }).id;
};
async function loginAs(phone: string, password: string) {
	const c = new Client();
	const { body } = await c.action('/login', { identifier: phone, password });
	expect(body?.type).toBe('redirect');
	return c;
}

describe('web security', () => {
	it('sends a CSP and the usual security headers, and an HttpOnly SameSite=Lax session cookie', async () => {
		const res = await new Client().get('/');
		expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
		expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
		const reg = await new Client().action('/register', registration());
		const cookie = reg.res.headers.getSetCookie().find((c) => c.startsWith('hoithi_session='))!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).not.toMatch(/Secure/i); // the test server's ORIGIN is http://
	});

	it('never renders user text as HTML: no {@html} in the app, payloads in names and questions come out escaped', async () => {
		const walk = (d: string): string[] =>
			fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
		const withHtml = walk(path.resolve(import.meta.dirname, '../../src')).filter(
			(f) => f.endsWith('.svelte') && fs.readFileSync(f, 'utf8').includes('{@html')
		);
		expect(withHtml).toEqual([]);

		const { client, form } = await registeredClient();
		const id = await userId(form.phone);
		const q = (await db.get(
			"select q.id, v.id as vid, v.stem from questions q join question_versions v on v.id = q.current_version_id where q.status = 'published' order by q.id desc limit 1"
		)) as { id: number; vid: number; stem: string };
		try {
			await db.run('update users set full_name = ? where id = ?', 'Nguyễn ' + PAYLOAD, id);
			await db.run('update question_versions set stem = ? where id = ?', PAYLOAD + ' câu hỏi', q.vid);
			const org = await loggedIn('0900000002');
			for (const page of [`/organiser/people/${id}`, `/organiser/questions/${q.id}`]) {
				const html = await (await org.get(page)).text();
				expect(html, page).toContain('&lt;img src=x onerror=alert(1)>');
				expect(html, page).not.toContain('<img src=x');
				expect(html, page).not.toContain('<script>alert(2)');
			}
			const account = await (await client.get('/account')).text();
			expect(account).not.toContain('<img src=x');
		} finally {
			await db.run('update question_versions set stem = ? where id = ?', q.stem, q.vid);
		}
	});

	it('rotates the session on login: the session the browser came with stops working', async () => {
		const { client, form } = await registeredClient();
		const before = await client.get('/account');
		expect(before.status).toBe(200);
		const stolen = new Client();
		// An attacker who planted or copied the pre-login token…
		const token = (client as unknown as { cookies: Map<string, string> }).cookies.get('hoithi_session')!;
		(stolen as unknown as { cookies: Map<string, string> }).cookies.set('hoithi_session', token);
		await client.action('/login', { identifier: form.phone, password: form.password });
		expect((await client.get('/account')).status).toBe(200);
		// …holds nothing after the login.
		expect((await stolen.get('/account')).status).toBe(303);
	});

	it('ends every session of a person whose role an admin changes', async () => {
		const { client, form } = await registeredClient();
		const second = await loginAs(form.phone, form.password);
		const id = await userId(form.phone);
		const admin = await loggedIn('0900000001');
		const res = await admin.action(`/organiser/people/${id}?/changeRole`, { role: 'district_lead' });
		expect(res.status).toBe(200);
		expect((await client.get('/account')).status).toBe(303);
		expect((await second.get('/account')).status).toBe(303);
		const row = (await db.get("select details_json from audit_log where action = 'user.role_change' and entity_id = ?", String(id))) as {
			details_json: string;
		};
		expect(JSON.parse(row.details_json)).toEqual({ from: 'participant', to: 'district_lead' });
		// An organiser may not change roles.
		const org = await loggedIn('0900000002');
		expect((await org.action(`/organiser/people/${id}?/changeRole`, { role: 'admin' })).status).toBe(403);
	});

	it('logs out everywhere: every device of the person loses its session, others keep theirs', async () => {
		const { client, form } = await registeredClient();
		const phone2 = await loginAs(form.phone, form.password);
		const bystander = await registeredClient();
		const { body } = await client.action('/account?/logoutEverywhere', {});
		expect(body?.type).toBe('redirect');
		expect((await client.get('/account')).status).toBe(303);
		expect((await phone2.get('/account')).status).toBe(303);
		expect((await bystander.client.get('/account')).status).toBe(200);
	});

	it('logs a log-out everywhere in the audit log, with the person as actor', async () => {
		const { client, form } = await registeredClient();
		await client.action('/account?/logoutEverywhere', {});
		const user = (await db.get('select id from users where phone = ?', '+84' + form.phone.slice(1))) as { id: number };
		const logs = await db.all(
			"select actor_user_id from audit_log where action = 'user.logout_everywhere' and entity_id = ?",
			String(user.id)
		);
		expect(logs).toEqual([{ actor_user_id: user.id }]);
	});

	it('refuses common passwords and the person’s own phone as password, with a clear message', async () => {
		const form = registration({ password: 'matkhau123' });
		const a = await new Client().action('/register', form);
		expect(a.status).toBe(400);
		expect(a.body?.data.errors.password).toMatch(/phổ biến/);
		const b = await new Client().action('/register', { ...form, password: form.phone });
		expect(b.body?.data.errors.password).toMatch(/số điện thoại/);
	});
});

describe('personal data', () => {
	const childBirth = () => {
		const d = new Date();
		return `${d.getUTCFullYear() - 12}-01-15`;
	};

	it('asks for a guardian when a child registers, and records the confirmation', async () => {
		const form = registration({ birthDate: childBirth() });
		const refused = await new Client().action('/register', form);
		expect(refused.status).toBe(400);
		expect(Object.keys(refused.body?.data.errors).sort()).toEqual(['guardianConsent', 'guardianName', 'guardianPhone']);
		const ok = await new Client().action('/register', {
			...form,
			guardianName: 'Trần Văn Bố',
			guardianPhone: '0987 111 222',
			guardianConsent: 'on'
		});
		expect(ok.body?.type).toBe('redirect');
		const u = (await db.get(
			'select guardian_name, guardian_phone, guardian_confirmed_at, consent_at, consent_version from users where phone = ?',
			phoneE164(form.phone)
		)) as Record<string, unknown>;
		expect(u).toMatchObject({ guardian_name: 'Trần Văn Bố', guardian_phone: '+84987111222', consent_version: expect.any(String) });
		expect(u.guardian_confirmed_at).toBeGreaterThan(0);
		expect(u.consent_at).toBeGreaterThan(0);
	});

	it('lets a participant download their data, and logs the export in the audit log', async () => {
		const { client, form } = await registeredClient();
		const res = await client.get('/account/data');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toMatch(/attachment/);
		const data = await res.json();
		expect(data.account).toMatchObject({
			phone: phoneE164(form.phone),
			fullName: form.fullName,
			consent: { textVersion: expect.any(String) }
		});
		expect(JSON.stringify(data)).not.toMatch(/password|secret_hash/);
		const n = (await db.get(
			"select count(*) as n from audit_log where action = 'personal_data.export' and entity_id = ?",
			String(await userId(form.phone))
		)) as { n: number };
		expect(n.n).toBe(1);
		expect((await new Client().get('/account/data')).status).toBe(401);
	});

	it('erases a person on request once an organiser confirms; results stay, anonymised', async () => {
		const { client, form } = await registeredClient({ nationalId: '0012' + String(Date.now()).slice(-8) });
		const id = await userId(form.phone);
		const rounds = (await (await client.get('/api/rounds/current')).json()) as { rounds: { id: number }[] };
		const roundId = rounds.rounds[0].id;
		const view = await (await client.json('POST', `/api/rounds/${roundId}/attempts`)).json();
		const submitted = await client.json('POST', `/api/attempts/${view.attemptId}/submit`, { prediction: 3 });
		expect(submitted.status).toBe(200);

		expect((await client.action('/account?/requestDeletion', { confirmWord: 'nhầm' })).status).toBe(400);
		const asked = await client.action('/account?/requestDeletion', { confirmWord: 'xoá', reason: 'Không muốn tham gia nữa' });
		expect(asked.status).toBe(200);
		expect((await client.action('/account?/requestDeletion', { confirmWord: 'XOÁ' })).status).toBe(409);

		const reqId = ((await db.get("select id from deletion_requests where user_id = ? and status = 'pending'", id)) as { id: number }).id;
		const org = await loggedIn('0900000002');
		expect((await org.get('/organiser/privacy')).status).toBe(200);
		const done = await org.action('/organiser/privacy?/confirm', { requestId: String(reqId) });
		expect(done.status).toBe(200);
		expect((await org.action('/organiser/privacy?/confirm', { requestId: String(reqId) })).status).toBe(409);

		const u = (await db.get(
			'select full_name, phone, email, national_id_hash, birth_date, anonymised_at from users where id = ?',
			id
		)) as Record<string, unknown>;
		const attempts = (await db.get('select count(*) as n from attempts where user_id = ? and status = ?', id, 'submitted')) as {
			n: number;
		};
		const events = (await db.get('select count(*) as n from access_events where user_id = ?', id)) as { n: number };
		const erase = (await db.get(
			"select count(*) as n from audit_log where action = 'personal_data.erase' and entity_id = ?",
			String(id)
		)) as { n: number };
		expect(u.full_name).toBe('Người dự thi ẩn danh');
		expect(u.phone).toBe(`erased:${id}`);
		expect(u).toMatchObject({ email: null, national_id_hash: null });
		expect(String(u.birth_date)).toMatch(/^\d{4}-01-01$/);
		expect(attempts.n).toBe(1);
		expect(events.n).toBe(0);
		expect(erase.n).toBe(1);
		// Logged out everywhere, cannot log in again; staff pages show the anonymous name only.
		expect((await client.get('/account')).status).toBe(303);
		const again = await new Client().action('/login', { identifier: form.phone, password: form.password });
		expect(again.status).toBe(400);
		const html = await (await org.get(`/organiser/people/${id}`)).text();
		expect(html).toContain('Người dự thi ẩn danh');
		expect(html).not.toContain(form.fullName);
	});
});

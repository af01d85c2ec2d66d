import { describe, expect, it } from 'vitest';
import { Client, DEMO_PASSWORD, freshPhone, loggedIn, registeredClient, registration } from './client';
import { testDb } from './db';

const db = testDb();

describe('registration', () => {
	it('creates an account, logs the person in and sends them home', async () => {
		const c = new Client();
		const { body } = await c.action('/register', registration());
		expect(body).toMatchObject({ type: 'redirect', status: 303, location: '/?welcome=1' });
		expect(c.hasSession).toBe(true);
		expect((await c.get('/me/results')).status).toBe(200);
	});

	it('returns Vietnamese field errors and keeps what was typed (never the password)', async () => {
		const c = new Client();
		const form = registration({ phone: '12345', nationalId: '12345678901', consent: '', fullName: ' Trần  Văn   Bình ' });
		delete (form as Record<string, string | undefined>).consent;
		const { status, body } = await c.action('/register', form as Record<string, string>);
		expect(status).toBe(400);
		expect(body?.type).toBe('failure');
		expect(body?.data.errors.phone).toMatch(/Số điện thoại không hợp lệ/);
		expect(body?.data.errors.nationalId).toMatch(/12 chữ số/);
		expect(body?.data.errors.consent).toMatch(/đồng ý/);
		expect(body?.data.values.fullName).toBe(' Trần  Văn   Bình ');
		expect(body?.data.values.phone).toBe('12345');
		expect(JSON.stringify(body?.data)).not.toContain('mat-khau-du-dai');
		expect(c.hasSession).toBe(false);
	});

	it('rejects an unknown unit', async () => {
		const { status, body } = await new Client().action('/register', registration({ unitCode: '999' }));
		expect(status).toBe(400);
		expect(body?.data.errors.unitCode).toMatch(/Đơn vị/);
	});

	it('treats 0912 345 678, 0912345678 and +84912345678 as the same phone', async () => {
		const phone = freshPhone();
		const spaced = `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
		await registeredClient({ phone: spaced });
		for (const variant of [phone, '+84' + phone.slice(1), '84' + phone.slice(1)]) {
			const { status, body } = await new Client().action('/register', registration({ phone: variant }));
			expect(status).toBe(400);
			expect(body?.data.errors.phone).toBe('Số điện thoại này đã được đăng ký.');
		}
	});

	it('treats emails case-insensitively', async () => {
		const email = `Kiem.Thu.${Date.now()}@Example.VN`;
		await registeredClient({ email });
		const { status, body } = await new Client().action('/register', registration({ email: email.toLowerCase() }));
		expect(status).toBe(400);
		expect(body?.data.errors.email).toBe('Email này đã được đăng ký.');
	});

	it('rejects a citizen ID registered before, and never stores it in clear', async () => {
		const cccd = String(Date.now()).padStart(12, '0').slice(-12);
		await registeredClient({ nationalId: cccd.replace(/(\d{3})(?=\d)/g, '$1 ') });
		const { status, body } = await new Client().action('/register', registration({ nationalId: cccd }));
		expect(status).toBe(400);
		expect(body?.data.errors.nationalId).toBe('Số CCCD này đã được đăng ký.');
		const row = (await db.get('select * from users where national_id_hash is not null order by id desc limit 1')) as Record<
			string,
			unknown
		>;
		expect(JSON.stringify(row)).not.toContain(cccd);
		expect(String(row.national_id_hash)).toMatch(/^[0-9a-f]{64}$/);
	});

	it('stores names in NFC', async () => {
		const nfd = 'Phạm Thị Ánh'.normalize('NFD');
		const { form } = await registeredClient({ fullName: nfd });
		const row = (await db.get('select full_name, name_folded from users where phone = ?', '+84' + form.phone.slice(1))) as {
			full_name: string;
			name_folded: string;
		};
		expect(row.full_name).toBe('Phạm Thị Ánh'.normalize('NFC'));
		expect(row.name_folded).toBe('pham thi anh');
	});
});

describe('login and logout', () => {
	it('logs in with the phone in another format, or the email in another case', async () => {
		const email = `dang.nhap.${Date.now()}@example.vn`;
		const { form } = await registeredClient({ email });
		const byPhone = await new Client().action('/login', { identifier: '+84' + form.phone.slice(1), password: form.password });
		expect(byPhone.body?.type).toBe('redirect');
		const byEmail = new Client();
		const r = await byEmail.action('/login', { identifier: email.toUpperCase(), password: form.password });
		expect(r.body?.type).toBe('redirect');
		expect(byEmail.hasSession).toBe(true);
	});

	it('refuses a wrong password with one message that does not say which part was wrong', async () => {
		const { form } = await registeredClient();
		const wrong = await new Client().action('/login', { identifier: form.phone, password: 'sai-mat-khau' });
		const unknown = await new Client().action('/login', { identifier: '0999999999', password: 'sai-mat-khau' });
		expect(wrong.status).toBe(400);
		expect(wrong.body?.data.errors.form).toBe('Số điện thoại/email hoặc mật khẩu không đúng.');
		expect(unknown.body?.data.errors.form).toBe(wrong.body?.data.errors.form);
		expect(wrong.body?.data.identifier).toBe(form.phone);
	});

	it('only redirects to paths on this site after login', async () => {
		const { form } = await registeredClient();
		const c = new Client();
		const { body } = await c.action('/login?redirectTo=//evil.example/x', { identifier: form.phone, password: form.password });
		expect(body?.location).toBe('/');
	});

	it('logs out: the session is gone on the server, not just the cookie', async () => {
		const { client } = await registeredClient();
		const cookieBefore = (client as unknown as { cookies: Map<string, string> }).cookies.get('hoithi_session')!;
		const { body } = await client.action('/logout', {});
		expect(body?.type).toBe('redirect');
		expect(client.hasSession).toBe(false);
		const replay = await fetch(client.base + '/me/results', { headers: { cookie: `hoithi_session=${cookieBefore}` }, redirect: 'manual' });
		expect(replay.status).toBe(303);
		expect(replay.headers.get('location')).toContain('/login');
	});

	it('ignores a forged session token', async () => {
		const res = await fetch(new Client().base + '/me/results', {
			headers: { cookie: 'hoithi_session=abc.def' },
			redirect: 'manual'
		});
		expect(res.status).toBe(303);
	});
});

describe('authorisation', () => {
	it('sends anonymous people to log in and brings them back', async () => {
		const res = await new Client().get('/me/results');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login?redirectTo=%2Fme%2Fresults');
	});

	it.each([
		['0900000001', 200],
		['0900000002', 200],
		['0900000003', 403],
		['0900000004', 403]
	])('organiser pages: account %s gets %i', async (phone, status) => {
		const c = await loggedIn(phone);
		expect((await c.get('/organiser')).status).toBe(status);
		expect((await c.get('/organiser/contests/new')).status).toBe(status);
	});

	it('refuses an organiser form action from a participant on the server', async () => {
		const c = await loggedIn('0900000004');
		const { status } = await c.action('/organiser/contests/new', { title: 'Cuộc thi giả mạo', rules: '', status: 'published' });
		expect(status).toBe(403);
		const n = (await db.get("select count(*) as n from contests where title = 'Cuộc thi giả mạo'")) as { n: number };
		expect(n.n).toBe(0);
	});

	it('rejects form posts from another origin (CSRF)', async () => {
		const { status } = await new Client().action('/register', registration(), 'https://evil.example');
		expect(status).toBe(403);
	});
});

describe('where login sends people (?redirectTo=)', () => {
	/** Targets that a browser would follow to another site, as they arrive in the query string. */
	const ELSEWHERE = [
		'%2F%09%2Fevil.example',
		'%2F%0A%2Fevil.example',
		'%2F%2Fevil.example',
		'%2F%5Cevil.example',
		'%5C%5Cevil.example',
		'%2F.%2F%2Fevil.example',
		'https%3A%2F%2Fevil.example%2F',
		'javascript%3Aalert(1)',
		'%20%2F%2Fevil.example'
	];
	const native = (c: Client, path: string) =>
		c.request('POST', path, {
			body: new URLSearchParams({ identifier: '0900000004', password: DEMO_PASSWORD }).toString(),
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: c.base }
		});

	it('sends someone who logs in home instead of to another site (with and without JavaScript)', async () => {
		for (const q of ELSEWHERE) {
			const { body } = await new Client().action(`/login?redirectTo=${q}`, { identifier: '0900000004', password: DEMO_PASSWORD });
			expect(body?.location, q).toBe('/');
			const res = await native(new Client(), `/login?redirectTo=${q}`);
			expect([res.status, res.headers.get('location')], q).toEqual([303, '/']);
		}
	});

	it('sends someone already logged in home at once', async () => {
		const c = await loggedIn('0900000004');
		for (const q of ELSEWHERE) {
			const res = await c.get(`/login?redirectTo=${q}`);
			expect([res.status, res.headers.get('location')], q).toEqual([303, '/']);
		}
	});

	it('brings people back to a page of this site, non-ASCII paths included, never with a 500', async () => {
		const res = await native(new Client(), '/login?redirectTo=%2Frounds%2F2%2Fattempt');
		expect([res.status, res.headers.get('location')]).toEqual([303, '/rounds/2/attempt']);
		for (const q of [
			'%2Fk%E1%BA%BFt-qu%E1%BA%A3',
			'%2Fme%2Fresults%3Ft%C3%AAn%3DH%E1%BA%B1ng',
			'%2F%F0%9F%98%80',
			'%2F%00%2F',
			'%E0%A4%A'
		]) {
			const c = new Client();
			const { body, status } = await c.action(`/login?redirectTo=${q}`, { identifier: '0900000004', password: DEMO_PASSWORD });
			expect([status, body?.type], q).toEqual([303, 'redirect']);
			const viaForm = await native(new Client(), `/login?redirectTo=${q}`);
			expect(viaForm.status, q).toBe(303);
			const again = await c.get(`/login?redirectTo=${q}`);
			expect(again.status, q).toBe(303);
			expect(again.headers.get('location'), q).toMatch(/^\/(?!\/)[\x21-\x7e]*$/);
		}
		const c = await loggedIn('0900000004');
		expect((await c.get('/login?redirectTo=%2Fk%E1%BA%BFt-qu%E1%BA%A3')).headers.get('location')).toBe('/k%E1%BA%BFt-qu%E1%BA%A3');
	});

	it('lets someone who registers instead of logging in continue to the page they wanted, and nowhere else', async () => {
		const wanted = await new Client().action('/register?redirectTo=%2Frounds%2F2%2Fattempt', registration());
		expect(wanted.body).toMatchObject({ type: 'redirect', location: '/rounds/2/attempt' });
		const evil = await new Client().action('/register?redirectTo=%2F%09%2Fevil.example', registration());
		expect(evil.body).toMatchObject({ type: 'redirect', location: '/?welcome=1' });
	});
});

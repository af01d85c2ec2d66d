import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Client, loggedIn, registeredClient } from './client';
import { testDb } from './db';

const db = testDb();

/**
 * Who may see which dashboard. The demo's district lead (0900000003) leads unit 001 (Quận Ba Đình);
 * every other unit's personal data must stay out of reach, whatever the URL says.
 */
let lead: Client;
let organiser: Client;
let participant: Client;
let ownUnit: number;
let otherUnit: number;
let roundId: number;
let outsiderPhone: string;
let outsiderName: string;

beforeAll(async () => {
	ownUnit = ((await db.get("select id from units where code = '001'")) as { id: number }).id;
	otherUnit = ((await db.get("select id from units where code = '005'")) as { id: number }).id;
	roundId = ((await db.all('select id from rounds order by opens_at')) as { id: number }[])[1].id;
	lead = await loggedIn('0900000003');
	organiser = await loggedIn('0900000002');
	participant = (await registeredClient({ unitCode: '001' })).client;
	// Someone of another unit (005) whose name and phone must never reach the lead of 001.
	const other = await registeredClient({ unitCode: '005', fullName: 'Trịnh Thị Ngoài Phạm Vi' });
	outsiderPhone = other.form.phone;
	outsiderName = other.form.fullName;
});

describe('district dashboard scoping', () => {
	it('shows a district lead their own unit with its participants', async () => {
		const res = await lead.get('/district');
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Quận Ba Đình');
		expect(html).toContain('So sánh với toàn thành phố');
		expect(html).not.toContain(outsiderName);
	});

	it('refuses a district lead another unit by URL, for the page and every export', async () => {
		for (const path of [
			`/district?unit=${otherUnit}`,
			`/district?unit=${otherUnit}&round=${roundId}`,
			`/district/export?unit=${otherUnit}&format=csv`,
			`/district/export?unit=${otherUnit}&format=xlsx`
		]) {
			const res = await lead.get(path);
			expect(res.status, path).toBe(403);
			expect(await res.text()).not.toContain(outsiderName);
		}
		const bad = await lead.get('/district?unit=abc');
		expect(bad.status).toBe(400);
	});

	it('keeps a lead’s search inside their unit', async () => {
		const html = await (await lead.get(`/district?q=${encodeURIComponent('ngoai pham vi')}`)).text();
		expect(html).not.toContain(outsiderName);
		const csv = await (await lead.get(`/district/export?format=csv&q=${outsiderPhone}`)).text();
		expect(csv).not.toContain(outsiderName);
	});

	it('finds a person by the phone number typed as the list shows it, or as +84 / with dots', async () => {
		const own = await registeredClient({ unitCode: '001', fullName: 'Lê Thị Tìm Theo Số' });
		const p = own.form.phone; // 09xxxxxxxx
		const shown = `${p.slice(0, 4)} ${p.slice(4, 7)} ${p.slice(7)}`;
		expect(await (await lead.get('/district')).text()).toContain(shown);
		for (const typed of [
			shown,
			`+84 ${p.slice(1, 4)} ${p.slice(4, 7)} ${p.slice(7)}`,
			`${p.slice(0, 4)}.${p.slice(4, 7)}.${p.slice(7)}`,
			p,
			`${p.slice(4, 7)} ${p.slice(7)}`
		]) {
			const html = await (await lead.get(`/district?q=${encodeURIComponent(typed)}`)).text();
			expect(html, typed).toContain('Lê Thị Tìm Theo Số');
			// The whole number finds only this person; its last six digits may also be part of another
			// test account's random number, so that search only has to find this one among them.
			if (typed.replace(/\D/g, '').length >= 10) expect(html, typed).toMatch(/Người dự thi của đơn vị \(1\)/);
		}
		const csv = await (await lead.get(`/district/export?format=csv&q=${encodeURIComponent(shown)}`)).text();
		expect(csv).toContain('Lê Thị Tìm Theo Số');
		expect(csv.trim().split('\r\n')).toHaveLength(2);
	});

	it('takes "%" and "_" in a search literally, on the page and in the export', async () => {
		const all = await (await lead.get('/district')).text();
		expect(all).not.toMatch(/Người dự thi của đơn vị \(0\)/);
		for (const typed of ['%', '_', '%%', 'a%', '_h']) {
			const html = await (await lead.get(`/district?q=${encodeURIComponent(typed)}`)).text();
			expect(html, typed).toMatch(/Người dự thi của đơn vị \(0\)/);
			expect(html, typed).toContain('Không tìm thấy ai khớp với từ khóa.');
			const csv = await (await lead.get(`/district/export?format=csv&q=${encodeURIComponent(typed)}`)).text();
			expect(
				csv
					.replace(/^\uFEFF/, '')
					.trim()
					.split('\r\n'),
				typed
			).toHaveLength(1);
		}
		const bank = await (await organiser.get(`/organiser/questions?q=${encodeURIComponent('%')}`)).text();
		expect(bank).toMatch(/>0 câu hỏi phù hợp</);
	});

	it('exports the lead’s own unit as CSV and XLSX and logs each export', async () => {
		const csvRes = await lead.get('/district/export?format=csv');
		expect(csvRes.status).toBe(200);
		expect(csvRes.headers.get('content-type')).toContain('text/csv');
		const csv = await csvRes.text();
		expect(csv.split('\r\n')[0]).toContain('Họ và tên');
		expect(csv).not.toContain(outsiderName);

		const xlsx = await lead.get('/district/export?format=xlsx');
		expect(xlsx.status).toBe(200);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await xlsx.arrayBuffer()) as ExcelJS.Buffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['Người dự thi']);
		expect(String(wb.worksheets[0].getCell('A1').value)).toContain('Quận Ba Đình');

		const log = (await db.all(
			"select a.entity_id, a.details_json from audit_log a join users u on u.id = a.actor_user_id where a.action = 'participants.export' and u.phone = '+84900000003' order by a.id desc limit 2"
		)) as { entity_id: string; details_json: string }[];
		expect(log.map((l) => JSON.parse(l.details_json).format)).toEqual(['xlsx', 'csv']);
		expect(log.every((l) => l.entity_id === String(ownUnit))).toBe(true);
	});

	it('lets an organiser open any unit, and keeps participants and anonymous people out', async () => {
		const res = await organiser.get(`/district?unit=${otherUnit}&q=${encodeURIComponent('ngoai pham vi')}`);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain(outsiderName);
		expect((await organiser.get(`/district/export?unit=${otherUnit}&format=csv`)).status).toBe(200);

		expect((await participant.get('/district')).status).toBe(403);
		expect((await participant.get('/district/export?format=csv')).status).toBe(403);
		const anon = await new Client().get('/district');
		expect(anon.status).toBe(303);
		expect(anon.headers.get('location')).toMatch(/^\/login/);
		expect((await new Client().get('/district/export?format=csv')).status).toBe(303);
	});
});

describe('organiser dashboards scoping', () => {
	const paths = () => [
		'/organiser/dashboard',
		`/organiser/dashboard?round=${roundId}`,
		'/organiser/items',
		'/organiser/reports',
		'/organiser/reports?kind=year&year=2026',
		'/organiser/reports/download?kind=year&year=2026'
	];

	it('refuses district leads and participants, and sends anonymous people to log in', async () => {
		for (const path of paths()) {
			expect((await lead.get(path)).status, path).toBe(403);
			expect((await participant.get(path)).status, path).toBe(403);
			expect((await new Client().get(path)).status, path).toBe(303);
		}
	});

	it('shows organisers every unit, the gap map and the item analysis', async () => {
		const dash = await (await organiser.get('/organiser/dashboard')).text();
		expect(dash).toContain('Bản đồ lỗ hổng kiến thức');
		expect(dash).toContain('Quận Ba Đình');
		expect(dash).toContain('Quận Cầu Giấy');
		const items = await organiser.get('/organiser/items');
		expect(items.status).toBe(200);
		expect(await items.text()).toContain('Độ phân biệt');
	});

	it('pages the item analysis 50 at a time, keeping the scope and flags in the URL, with Dễ/Trung bình/Khó', async () => {
		// Without SvelteKit's hydration comments, so the text reads as shown.
		const page = async (path: string) => (await (await organiser.get(path)).text()).replace(/<!--.*?-->/g, '');
		const first = await page('/organiser/items');
		const total = Number(/(\d[\d.]*) câu hỏi, câu 1–50/.exec(first)?.[1].replace(/\./g, ''));
		expect(total).toBeGreaterThan(50);
		const cards = (html: string) => html.match(/<li class="card[^"]*">/g)?.length ?? 0;
		expect(cards(first)).toBe(50);
		const pages = Math.ceil(total / 50);
		expect(first).toContain(`Trang 1/${pages}`);
		const next = /href="(\?contest=\d+&amp;page=2)"/.exec(first)?.[1].replace(/&amp;/g, '&');
		expect(next).toBeDefined();
		const second = await page(`/organiser/items${next}`);
		expect(second).toContain(`Trang 2/${pages}`);
		expect(cards(second)).toBe(Math.min(50, total - 50));
		const ids = (html: string) => [...html.matchAll(/href="\/organiser\/questions\/(\d+)"/g)].map((m) => m[1]);
		expect(ids(second).some((id) => ids(first).includes(id))).toBe(false);
		// A page past the end shows the last page; the flag filter stays in the page links.
		expect(await page('/organiser/items?page=999')).toContain(`Trang ${pages}/${pages}`);
		const flagged = await page(`/organiser/items?${next!.slice(1).replace('page=2', 'flagged=1')}`);
		if (/Trang 1\/[2-9]/.test(flagged)) expect(flagged).toMatch(/href="\?contest=\d+&amp;flagged=1&amp;page=2"/);
		for (const html of [first, second]) {
			expect(html).not.toMatch(/· mức \d/);
			expect(html).toMatch(/· (Dễ|Trung bình|Khó)/);
			expect(html).toMatch(/\d+(,\d)?\u00A0%/);
			expect(html).not.toMatch(/\d %/);
		}
	});

	it('shows participation rates with enough decimals to tell units apart, and "%" bound to its number', async () => {
		const dash = await (await organiser.get('/organiser/dashboard')).text();
		// The demo's units have a few participants each against targets of thousands: per-mille rates.
		expect(dash).toMatch(/>0,\d{2,4}\u00A0%</);
		expect(dash).not.toMatch(/\d %/);
	});

	it('shows every day of a round in the district daily chart, quiet days as zero', async () => {
		const week1 = (await db.get('select id, opens_at, closes_at from rounds order by opens_at limit 1')) as {
			id: number;
			opens_at: number;
			closes_at: number;
		};
		const html = await (await lead.get(`/district?round=${week1.id}`)).text();
		const table = html.slice(html.indexOf('Bảng số liệu theo ngày'), html.indexOf('</table>', html.indexOf('Bảng số liệu theo ngày')));
		const days = [...table.matchAll(/<td[^>]*>(\d{2})\/(\d{2})\/(\d{4})<\/td>/g)].map((m) => Date.UTC(+m[3], +m[2] - 1, +m[1]));
		const vnDay = (ms: number) => Math.floor((ms + 7 * 3600_000) / 86_400_000) * 86_400_000;
		expect(days[0]).toBe(vnDay(week1.opens_at));
		expect(days.at(-1)).toBe(vnDay(week1.closes_at));
		days.forEach((d, i) => i > 0 && expect(d - days[i - 1]).toBe(86_400_000));
	});

	it('downloads the period report with a summary and a per-unit sheet', async () => {
		const year = new Date().getFullYear();
		const res = await organiser.get(`/organiser/reports/download?kind=year&year=${year}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('spreadsheetml');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo đơn vị']);
		const units = wb.getWorksheet('Theo đơn vị')!;
		const names: string[] = [];
		units.eachRow((r) => names.push(String(r.getCell(2).value)));
		expect(names).toContain('Quận Ba Đình');
		const bad = await organiser.get('/organiser/reports/download?kind=dates&from=2026-05-31&to=2026-05-01');
		expect(bad.status).toBe(400);
	});

	it('renders the period form as it was sent, before any script runs (the chosen kind and its fields)', async () => {
		const html = await (await organiser.get('/organiser/reports?kind=half&year=2026')).text();
		const form = html.match(/<form[^>]*method="GET"[^>]*>([\s\S]*?)<\/form>/)?.[1] ?? '';
		expect(form).toContain('id="kind"');
		expect(form).toMatch(/<option value="half" selected/);
		expect(form).not.toMatch(/<option value="month" selected/);
		expect(form).toContain('id="year"');
		expect(form).not.toContain('id="month"');
	});

	it('names the period report’s file by the period’s first day in Hanoi and logs the download', async () => {
		const res = await organiser.get('/organiser/reports/download?kind=year&year=2026');
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="bao-cao-hoi-thi-2026-01-01.xlsx"');
		await res.arrayBuffer();
		const log = (await db.get(
			"select a.details_json from audit_log a join users u on u.id = a.actor_user_id where a.action = 'report.export' and u.phone = '+84900000002' order by a.id desc limit 1"
		)) as { details_json: string };
		// 1 January 2026, 00:00 in Hanoi is 31 December 2025, 17:00 UTC; the yearly report's data end
		// with its cut-off day, 15/11 by default (so it runs to 16/11, 00:00 in Hanoi).
		expect(JSON.parse(log.details_json)).toMatchObject({ from: Date.UTC(2025, 11, 31, 17), to: Date.UTC(2026, 10, 15, 17) });
	});
});

describe('knowledge-gap data', () => {
	it('records each drawn question’s correctness when an attempt is scored, agreeing with the score', async () => {
		const rows = (await db.all(`select a.id, a.correct_count, sum(aq.correct) as marked, count(aq.correct) as graded, count(*) as drawn
				 from attempts a join attempt_questions aq on aq.attempt_id = a.id
				 where a.status in ('submitted','expired') group by a.id`)) as { correct_count: number; marked: number; graded: number; drawn: number }[];
		const open = (await db.get(
			`select count(*) as n from attempts a join attempt_questions aq on aq.attempt_id = a.id where a.status = 'open' and aq.correct is not null`
		)) as { n: number };
		expect(rows.length).toBeGreaterThan(50);
		for (const r of rows) {
			expect(r.graded).toBe(r.drawn);
			expect(r.marked).toBe(r.correct_count);
		}
		expect(open.n).toBe(0);
	});
});

describe('public leaderboards', () => {
	it('serves a round board with units and no personal data, the same to everyone within the cache time', async () => {
		// A first poll after the cache time gets the previous board at once and starts a refresh
		// (stale-while-revalidate); once that is in, everyone gets the same board.
		await new Client().get(`/api/leaderboard?round=${roundId}`);
		await new Promise((r) => setTimeout(r, 500));
		const poll = async () => (await new Client().get(`/api/leaderboard?round=${roundId}`)).json();
		let a = await poll();
		let b = await poll();
		// The 5 s cache time may run out between the two polls (then b is the newer board): once more.
		if (a.computedAt !== b.computedAt) {
			expect(b.computedAt).toBeGreaterThan(a.computedAt);
			a = await poll();
			b = await poll();
		}
		expect(a.computedAt).toBe(b.computedAt);
		expect(a.units.length).toBeGreaterThanOrEqual(30);
		expect(a.top.length).toBeGreaterThan(0);
		expect(JSON.stringify(a)).not.toMatch(/\+84|userId|phone/);
		expect(a.top.every((p: { reviewId: number | null }) => p.reviewId === null)).toBe(true);
	});

	it('filters units by level and shows the whole contest', async () => {
		const urban = await (await new Client().get(`/api/leaderboard?round=${roundId}&kind=urban_district`)).json();
		expect(urban.units.length).toBe(12);
		const res = await new Client().get(`/rounds/${roundId}/leaderboard`);
		expect(await res.text()).toContain('Toàn cuộc thi');
		const contestId = ((await db.get('select contest_id from rounds where id = ?', roundId)) as { contest_id: number }).contest_id;
		const whole = await new Client().get(`/contests/${contestId}/leaderboard`);
		expect(whole.status).toBe(200);
		expect(await whole.text()).toContain('Bảng xếp hạng toàn cuộc thi');
		expect((await new Client().get('/api/leaderboard?round=999999')).status).toBe(404);
	});
});

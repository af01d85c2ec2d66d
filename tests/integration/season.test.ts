import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Client, loggedIn, registeredClient, registration } from './client';
import { testDb } from './db';

/** Participant groups and the plan's report calendar (issue 16, items 3 and 7), through HTTP. */
const db = testDb();
let org: Client;
let lead: Client;
let leadUnit: { id: number; code: string; name: string };
let otherUnit: { id: number };

beforeAll(async () => {
	org = await loggedIn('0900000002');
	lead = await loggedIn('0900000003');
	leadUnit = (await db.get(
		"select un.id, un.code, un.name from users u join units un on un.id = u.unit_id where u.phone = '+84900000003'"
	))!;
	otherUnit = (await db.get('select id from units where parent_id is not null and id <> ? order by code limit 1', leadUnit.id))!;
});

describe('participant groups', () => {
	it('registration requires a group from the list, keeps what was typed, and stores it', async () => {
		const missing = await new Client().action('/register', registration({ groupId: '' }));
		expect(missing.status).toBe(400);
		expect(missing.body?.data.errors.groupId).toBe('Vui lòng chọn đối tượng.');
		expect(missing.body?.data.values.fullName).toBeTruthy();
		const unknown = await new Client().action('/register', registration({ groupId: '99999' }));
		expect(unknown.status).toBe(400);
		expect(unknown.body?.data.errors.groupId).toMatch(/đối tượng/);
		const { form } = await registeredClient({ groupId: '3' });
		const row = await db.get<{ group_id: number }>('select group_id from users where phone = ?', '+84' + form.phone.slice(1));
		expect(row?.group_id).toBe(3);
	});

	it('an earlier account is "chưa khai báo" until the person sets a group on /account', async () => {
		const { client, form } = await registeredClient();
		const phone = '+84' + form.phone.slice(1);
		await db.run('update users set group_id = null where phone = ?', phone);
		expect(await (await client.get('/account')).text()).toContain('Bạn chưa khai báo đối tượng');
		const bad = await client.action('/account?/group', { groupId: 'x' });
		expect(bad.status).toBe(400);
		const ok = await client.action('/account?/group', { groupId: '2' });
		expect(ok.status).toBe(200);
		expect((await db.get<{ group_id: number }>('select group_id from users where phone = ?', phone))?.group_id).toBe(2);
		expect(await db.get("select id from audit_log where action = 'user.group_change' order by id desc limit 1")).toBeDefined();
	});

	it('organisers edit the list; a group in use cannot be deleted, only hidden; a district lead cannot touch it', async () => {
		const name = `Nhóm thử ${Date.now() % 100000}`;
		expect((await org.action('/organiser/groups?/create', { name })).status).toBe(200);
		const created = (await db.get<{ id: number }>('select id from participant_groups where name = ?', name))!;
		expect((await org.action('/organiser/groups?/create', { name: name.toUpperCase() })).status).toBe(400);
		expect((await org.action('/organiser/groups?/create', { name: ' ' })).status).toBe(400);
		expect((await lead.action('/organiser/groups?/create', { name: 'Nhóm của quận' })).status).toBe(403);
		expect((await lead.action('/organiser/groups?/delete', { id: String(created.id) })).status).toBe(403);
		// In use: registered into it, then refused deletion; hiding takes it off registration.
		await registeredClient({ groupId: String(created.id) });
		const del = await org.action('/organiser/groups?/delete', { id: String(created.id) });
		expect(del.status).toBe(400);
		expect(del.body?.data.errors.form).toMatch(/không thể xóa/);
		expect(await db.get('select id from participant_groups where id = ?', created.id)).toBeDefined();
		expect((await org.action('/organiser/groups?/visibility', { id: String(created.id), hidden: '1' })).status).toBe(200);
		expect(await (await new Client().get('/register')).text()).not.toContain(name);
		expect((await new Client().action('/register', registration({ groupId: String(created.id) }))).status).toBe(400);
		// Unused: deleted.
		const spare = `Nhóm bỏ ${Date.now() % 100000}`;
		await org.action('/organiser/groups?/create', { name: spare });
		const s = (await db.get<{ id: number }>('select id from participant_groups where name = ?', spare))!;
		expect((await org.action('/organiser/groups?/delete', { id: String(s.id) })).status).toBe(200);
		expect(await db.get('select id from participant_groups where id = ?', s.id)).toBeUndefined();
	});

	it('the district dashboard and the period report break participation down by group', async () => {
		const dash = await (await lead.get('/district')).text();
		expect(dash).toContain('Người dự thi theo đối tượng');
		expect(dash).toContain('Chưa khai báo');
		const year = new Date().getFullYear();
		const res = await org.get(`/organiser/reports/download?kind=dates&from=${year - 1}-01-01&to=${year + 1}-12-31`);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
		const labels: string[] = [];
		wb.getWorksheet('Tổng hợp')!.eachRow((r) => labels.push(String(r.getCell(1).value).trim()));
		expect(labels).toEqual(expect.arrayContaining(['Theo đối tượng', 'Hội viên phụ nữ', 'Chưa khai báo']));
	});
});

describe('reports on the plan’s calendar', () => {
	it('shows the period and due date, and the organisers set the cut-off (audit-logged); bad dates change nothing', async () => {
		const before = await (await org.get('/organiser/reports?kind=half&year=2026')).text();
		expect(before).toContain('01/01/2026 – 15/05/2026');
		expect(before).toContain('30/05/2026');
		const bad = await org.action('/organiser/reports?/calendar', {
			halfCutoff: '2026-06-10',
			halfDue: '2026-06-01',
			yearCutoff: '2026-11-15',
			yearDue: '2026-11-30'
		});
		expect(bad.status).toBe(400);
		expect(bad.body?.data.errors.halfDue).toMatch(/sau ngày chốt/);
		expect(bad.body?.data.values.halfCutoff).toBe('2026-06-10');
		expect(
			(
				await lead.action('/organiser/reports?/calendar', {
					halfCutoff: '2026-06-10',
					halfDue: '2026-06-20',
					yearCutoff: '2026-11-15',
					yearDue: '2026-11-30'
				})
			).status
		).toBe(403);
		expect(await (await org.get('/organiser/reports?kind=half&year=2026')).text()).toContain('01/01/2026 – 15/05/2026');
		try {
			const ok = await org.action('/organiser/reports?/calendar', {
				halfCutoff: '2026-06-10',
				halfDue: '2026-06-20',
				yearCutoff: '2026-11-15',
				yearDue: '2026-11-30'
			});
			expect(ok.status).toBe(200);
			const after = await (await org.get('/organiser/reports?kind=half&year=2026')).text();
			expect(after).toContain('01/01/2026 – 10/06/2026');
			expect(after).toContain('20/06/2026');
			const log = await db.get<{ details_json: string }>(
				"select details_json from audit_log where action = 'reports.calendar' order by id desc limit 1"
			);
			expect(JSON.parse(log!.details_json).to).toMatchObject({ halfCutoff: '06-10', halfDue: '06-20' });
		} finally {
			await db.run("delete from settings where key = 'reports.calendar'");
		}
	});

	it('a district lead produces the period report of their own unit only (page and XLSX), never another unit’s', async () => {
		const page = await lead.get('/district/reports?kind=year&year=2026');
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(`Báo cáo năm 2026 · ${leadUnit.name}`);
		expect(html).toContain('hạn nộp');
		const file = await lead.get('/district/reports/download?kind=year&year=2026');
		expect(file.status).toBe(200);
		expect(file.headers.get('content-disposition')).toBe(`attachment; filename="bao-cao-${leadUnit.code}-2026-01-01.xlsx"`);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await file.arrayBuffer()) as ExcelJS.Buffer);
		const unitNames: string[] = [];
		wb.getWorksheet('Theo đơn vị')!.eachRow((r) => unitNames.push(String(r.getCell(2).value)));
		// The title rows, the header, then the unit's one row.
		expect(unitNames.slice(unitNames.indexOf('Đơn vị') + 1)).toEqual([leadUnit.name]);
		expect(
			await db.get(
				"select id from audit_log where action = 'report.export' and entity = 'unit' and entity_id = ? order by id desc limit 1",
				String(leadUnit.id)
			)
		).toBeDefined();
		expect((await lead.get(`/district/reports?kind=year&year=2026&unit=${otherUnit.id}`)).status).toBe(403);
		expect((await lead.get(`/district/reports/download?kind=year&year=2026&unit=${otherUnit.id}`)).status).toBe(403);
		expect((await lead.get('/district/reports/download?kind=month&month=2026-13')).status).toBe(400);
		// An organiser may produce any unit's.
		expect((await org.get(`/district/reports?kind=year&year=2026&unit=${otherUnit.id}`)).status).toBe(200);
	});
});

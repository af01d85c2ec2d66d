import { audit } from '$lib/server/audit';
import { listUnitParticipants } from '$lib/server/stats/queries';
import { CONTENT_TYPES, writeCsv, writeWorkbook, type SheetColumn } from '$lib/server/reports/sheets';
import { genderLabel } from '$lib/labels';
import { formatPhone } from '$lib/vn/phone';
import { formatDateTime } from '$lib/vn/time';
import { districtContext } from '../unit.server';
import type { RequestHandler } from './$types';

/** The unit's participant list (the page's search applied) as XLSX or CSV; every export is audited. */
export const GET: RequestHandler = async (event) => {
	const ctx = await districtContext(event);
	const format = event.url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
	const { rows } = await listUnitParticipants(ctx.db, { unitId: ctx.unit.id, scope: ctx.scope, search: ctx.search }, 1, 0);
	const columns: SheetColumn[] = [
		{ header: 'STT', width: 6 },
		{ header: 'Họ và tên', width: 28 },
		{ header: 'Số điện thoại', width: 16 },
		{ header: 'Giới tính', width: 10 },
		{ header: 'Ngày sinh', width: 12 },
		{ header: 'Số lượt thi', width: 12, numFmt: '#,##0' },
		{ header: 'Điểm cao nhất', width: 14 },
		{ header: 'Lần thi gần nhất', width: 18 },
		{ header: 'Ghi chú', width: 16 }
	];
	const data = rows.map((p, i) => [
		i + 1,
		p.fullName,
		formatPhone(p.phone),
		genderLabel(p.gender),
		p.birthDate.split('-').reverse().join('/'),
		p.attempts,
		p.best,
		p.lastAt == null ? '' : formatDateTime(p.lastAt),
		p.disqualified ? 'Bị loại' : ''
	]);
	const scopeLabel = ctx.round ? `${ctx.contest.title} · ${ctx.round.title}` : ctx.contest.title;
	const bytes =
		format === 'csv'
			? writeCsv(columns, data)
			: await writeWorkbook([{ name: 'Người dự thi', title: [`Danh sách người dự thi · ${ctx.unit.name}`, scopeLabel], columns, rows: data }]);
	await audit(ctx.db, {
		actorUserId: ctx.user.id,
		action: 'participants.export',
		entity: 'unit',
		entityId: ctx.unit.id,
		details: { format, count: rows.length, search: ctx.q || undefined, scope: ctx.scope }
	});
	const stamp = new Date().toISOString().slice(0, 10);
	return new Response(bytes as BodyInit, {
		headers: {
			'content-type': CONTENT_TYPES[format],
			'content-disposition': `attachment; filename="nguoi-du-thi-${ctx.unit.code}-${stamp}.${format}"`,
			'cache-control': 'no-store'
		}
	});
};

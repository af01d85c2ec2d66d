import { getDb } from '../db';
import { audit } from '../audit';
import { buildPeriodReport, periodReportXlsx } from './period-report';
import { writeCsv, writeWorkbook, type SheetColumn } from './sheets';
import { dueSoon, type Period, type ReportCalendar } from './period';
import { getCalendar, saveCalendar } from './calendar';
import { listUnitParticipants, type ParticipantSearch } from '../stats/queries';
import type { Scope } from '../contests/scope';
import { genderLabel } from '../../labels';
import { UNDECLARED } from '../groups/groups';
import { formatPhone } from '../../vn/phone';
import { formatDateTime } from '../../vn/time';

/**
 * The report pages and the downloads. Like every service a route calls, each function gets the
 * database itself (getDb()); every file handed out is written to the audit log.
 */

/** The report of a period, city-wide or (`unit`) of one unit: a district lead's report to the city. */
export function periodReport(period: Period, unit: { id: number } | null = null) {
	return buildPeriodReport(getDb(), period, Date.now(), unit?.id ?? null);
}

/** The organisers' report calendar and the plan's reports due within a week (dashboard reminders). */
export async function reportCalendar(now = Date.now()) {
	const calendar = await getCalendar(getDb());
	return { calendar, due: dueSoon(now, calendar) };
}

export function saveReportCalendar(actorUserId: number, cal: ReportCalendar) {
	return saveCalendar(getDb(), actorUserId, cal);
}

/** The period report as XLSX (sheets “Tổng hợp” and “Theo đơn vị”). */
export async function periodReportFile(
	actorUserId: number,
	period: Period,
	unit: { id: number; name: string } | null = null
): Promise<Uint8Array> {
	const db = getDb();
	const now = Date.now();
	const bytes = await periodReportXlsx(await buildPeriodReport(db, period, now, unit?.id ?? null), period, now, unit?.name ?? null);
	await audit(db, {
		actorUserId,
		action: 'report.export',
		entity: unit ? 'unit' : 'report',
		entityId: unit?.id ?? null,
		details: { label: period.label, from: period.from, to: period.to }
	});
	return bytes;
}

const PARTICIPANT_COLUMNS: SheetColumn[] = [
	{ header: 'STT', width: 6 },
	{ header: 'Họ và tên', width: 28 },
	{ header: 'Số điện thoại', width: 16 },
	{ header: 'Giới tính', width: 10 },
	{ header: 'Ngày sinh', width: 12 },
	{ header: 'Đối tượng', width: 26 },
	{ header: 'Số lượt thi', width: 12, numFmt: '#,##0' },
	{ header: 'Điểm cao nhất', width: 14 },
	{ header: 'Lần thi gần nhất', width: 18 },
	{ header: 'Ghi chú', width: 16 }
];

/** A unit's participant list (the page's search applied) as XLSX or CSV. */
export async function unitParticipantsFile(
	actorUserId: number,
	list: {
		unit: { id: number; name: string };
		scope: Scope;
		contest: { title: string };
		round: { title: string } | null;
		search: ParticipantSearch | null;
		typed: string;
	},
	format: 'xlsx' | 'csv'
): Promise<Uint8Array> {
	const db = getDb();
	const { rows } = await listUnitParticipants(db, { unitId: list.unit.id, scope: list.scope, search: list.search }, 1, 0);
	const data = rows.map((p, i) => [
		i + 1,
		p.fullName,
		formatPhone(p.phone),
		genderLabel(p.gender),
		p.birthDate.split('-').reverse().join('/'),
		p.groupName ?? UNDECLARED,
		p.attempts,
		p.best,
		p.lastAt == null ? '' : formatDateTime(p.lastAt),
		p.disqualified ? 'Bị loại' : ''
	]);
	const scopeLabel = list.round ? `${list.contest.title} · ${list.round.title}` : list.contest.title;
	const bytes =
		format === 'csv'
			? writeCsv(PARTICIPANT_COLUMNS, data)
			: await writeWorkbook([
					{
						name: 'Người dự thi',
						title: [`Danh sách người dự thi · ${list.unit.name}`, scopeLabel],
						columns: PARTICIPANT_COLUMNS,
						rows: data
					}
				]);
	await audit(db, {
		actorUserId,
		action: 'participants.export',
		entity: 'unit',
		entityId: list.unit.id,
		details: { format, count: rows.length, search: list.typed || undefined, scope: list.scope }
	});
	return bytes;
}

import type { Db } from '../db';
import { periodReport } from '../stats/dashboards';
import { writeWorkbook, type Sheet } from './sheets';
import type { Period } from './period';
import { formatDate, formatDateTime } from '../../vn/time';

export type PeriodReport = Awaited<ReturnType<typeof periodReport>>;

/** The plan's report for a period: the figures, and the same figures as an XLSX workbook. */
export async function buildPeriodReport(db: Db, period: Period, now = Date.now(), unitId: number | null = null): Promise<PeriodReport> {
	// Ages are counted on the last day of the period (or today, if the period is not over).
	return periodReport(db, period.from, period.to, Math.min(now, period.to - 1), unitId);
}

const SUMMARY_SHEET = 'Tổng hợp';
const UNITS_SHEET = 'Theo đơn vị';

export async function periodReportXlsx(
	r: PeriodReport,
	period: Period,
	now = Date.now(),
	unitName: string | null = null
): Promise<Uint8Array> {
	const title = [
		`Báo cáo kết quả hội thi trực tuyến${unitName ? ` · ${unitName}` : ''}`,
		`${period.label} · số liệu từ ${period.range}${period.dueAt == null ? '' : ` · hạn nộp ${formatDate(period.dueAt)}`}`,
		`Lập lúc ${formatDateTime(now)}`
	];
	const summary: Sheet = {
		name: SUMMARY_SHEET,
		title,
		columns: [
			{ header: 'Chỉ tiêu', width: 40 },
			{ header: 'Số lượng', width: 14, numFmt: '#,##0' }
		],
		rows: [
			['Người dự thi', r.participants],
			['Lượt thi', r.attempts],
			['Người đạt điểm tối đa', r.perfect],
			['Tài khoản đăng ký mới trong kỳ', r.registered],
			['Đơn vị có người dự thi', r.units.filter((u) => u.participants > 0).length],
			[],
			['Theo giới tính', null],
			...r.byGender.map((g) => [`  ${g.label}`, g.people]),
			[],
			['Theo nhóm tuổi', null],
			...r.byAge.map((g) => [`  ${g.label}`, g.people]),
			[],
			['Theo đối tượng', null],
			...r.byGroup.map((g) => [`  ${g.label}`, g.people])
		]
	};
	const units: Sheet = {
		name: UNITS_SHEET,
		title,
		columns: [
			{ header: 'Mã', width: 8 },
			{ header: 'Đơn vị', width: 28 },
			{ header: 'Chỉ tiêu', width: 12, numFmt: '#,##0' },
			{ header: 'Người dự thi', width: 14, numFmt: '#,##0' },
			// Two decimals: participation is often a few per mille, which 0.0% shows as 0,0%.
			{ header: 'Tỉ lệ tham gia', width: 14, numFmt: '0.00%' },
			{ header: 'Lượt thi', width: 12, numFmt: '#,##0' },
			{ header: 'Đạt điểm tối đa', width: 16, numFmt: '#,##0' },
			{ header: 'Điểm TB (% số câu)', width: 18, numFmt: '0.0%' },
			{ header: 'Đăng ký mới', width: 12, numFmt: '#,##0' }
		],
		rows: r.units.map((u) => [u.code, u.name, u.target, u.participants, u.rate, u.attempts, u.perfect, u.avgShare, u.registered])
	};
	return writeWorkbook([summary, units]);
}

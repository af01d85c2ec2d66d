import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { guardCsv } from '../questions/bank-file';

/** Generic table files for exports and reports (the bank's own layout stays in bank-file.ts). */
export type Cell = string | number | null;
export interface SheetColumn {
	header: string;
	width?: number;
	/** Excel number format, e.g. '#,##0' or '0.0%'. Vietnamese Excel shows its own separators. */
	numFmt?: string;
}
export interface Sheet {
	name: string;
	/** Lines above the table (title, period), in bold. */
	title?: string[];
	columns: SheetColumn[];
	rows: Cell[][];
}

export const CONTENT_TYPES = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8'
} as const;

export async function writeWorkbook(sheets: readonly Sheet[]): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'hoithi';
	for (const s of sheets) {
		const ws = wb.addWorksheet(s.name);
		for (const line of s.title ?? []) ws.addRow([line]).font = { bold: true };
		if (s.title?.length) ws.addRow([]);
		const head = ws.addRow(s.columns.map((c) => c.header));
		head.font = { bold: true };
		ws.views = [{ state: 'frozen', ySplit: head.number }];
		s.columns.forEach((c, i) => {
			const col = ws.getColumn(i + 1);
			col.width = c.width ?? 16;
		});
		for (const r of s.rows) {
			const row = ws.addRow(r.map((v) => (v == null ? '' : v)));
			s.columns.forEach((c, i) => {
				if (c.numFmt && typeof r[i] === 'number') row.getCell(i + 1).numFmt = c.numFmt;
			});
		}
	}
	return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** UTF-8 CSV with a BOM (Excel then shows diacritics) and formula-looking cells guarded. */
export function writeCsv(columns: readonly SheetColumn[], rows: readonly Cell[][]): Uint8Array {
	const csv = Papa.unparse(
		{
			fields: columns.map((c) => c.header),
			data: rows.map((r) => r.map((v) => (v == null ? '' : typeof v === 'number' ? String(v) : guardCsv(v))))
		},
		{ newline: '\r\n' }
	);
	return new TextEncoder().encode('\uFEFF' + csv);
}

import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { COLUMNS, COLUMN_KEYS, mapHeaders, type ColumnKey, type RawRow } from './bank-format';

/**
 * Reading and writing the bank's sheet files (XLSX through exceljs, CSV through papaparse).
 * Only the file format lives here; what the cells mean is bank-format.ts.
 */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 10_000;
export type SheetFormat = 'xlsx' | 'csv';
export const SHEET_NAME = 'Câu hỏi';

export type ReadResult = { ok: true; format: SheetFormat; rows: RawRow[] } | { ok: false; message: string };

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Decides the format by content (a ZIP is XLSX), not by the name alone, and refuses the rest. */
export function detectFormat(bytes: Uint8Array, name: string): { ok: true; format: SheetFormat } | { ok: false; message: string } {
	const lower = name.toLowerCase();
	if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
		if (lower.endsWith('.csv')) return { ok: false, message: 'Tệp có đuôi .csv nhưng nội dung không phải CSV.' };
		return { ok: true, format: 'xlsx' };
	}
	if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
		return { ok: false, message: 'Tệp Excel 97–2003 (.xls) chưa được hỗ trợ. Hãy mở tệp và lưu lại dưới dạng .xlsx hoặc .csv.' };
	if (lower.endsWith('.xlsx')) return { ok: false, message: 'Tệp .xlsx bị hỏng hoặc không phải tệp Excel thật.' };
	if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
		if (bytes.includes(0)) return { ok: false, message: 'Tệp CSV chứa dữ liệu nhị phân, không đọc được.' };
		return { ok: true, format: 'csv' };
	}
	return { ok: false, message: 'Chỉ nhận tệp .xlsx (Excel) hoặc .csv.' };
}

/** Reads a sheet file into rows keyed by column, with the sheet's row numbers (header = row 1). */
export async function readSheet(bytes: Uint8Array, name: string): Promise<ReadResult> {
	if (bytes.length === 0) return { ok: false, message: 'Tệp trống.' };
	if (bytes.length > MAX_FILE_BYTES)
		return { ok: false, message: `Tệp quá lớn (${(bytes.length / 1024 / 1024).toFixed(1)} MB). Giới hạn là ${MB(MAX_FILE_BYTES)}; hãy chia thành nhiều tệp.` };
	const det = detectFormat(bytes, name);
	if (!det.ok) return det;
	const table = det.format === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes);
	if (!table.ok) return table;
	const { header, records } = table;
	if (header.every((h) => h.trim() === '')) return { ok: false, message: 'Tệp trống: dòng 1 phải là tên cột như trong tệp mẫu.' };
	const mapped = mapHeaders(header);
	if (!mapped.ok) return mapped;
	const rows: RawRow[] = [];
	for (const rec of records) {
		if (rec.values.every((v) => v.trim() === '')) continue;
		if (rows.length >= MAX_ROWS)
			return { ok: false, message: `Tệp có hơn ${MAX_ROWS.toLocaleString('vi-VN')} câu hỏi. Hãy chia thành nhiều tệp nhỏ hơn.` };
		const cells: Partial<Record<ColumnKey, string>> = {};
		for (const [k, i] of mapped.index) cells[k] = rec.values[i] ?? '';
		rows.push({ row: rec.row, cells });
	}
	if (rows.length === 0) return { ok: false, message: 'Tệp không có câu hỏi nào (chỉ có dòng tên cột).' };
	return { ok: true, format: det.format, rows };
}

type Table = { ok: true; header: string[]; records: { row: number; values: string[] }[] } | { ok: false; message: string };

/** A cell's value as text: numbers without Excel's float noise, rich text and formulas by their text. */
export function excelCellText(v: ExcelJS.CellValue): string {
	if (v == null) return '';
	if (typeof v === 'string') return v;
	if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
	if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
	if (v instanceof Date) return v.toISOString().slice(0, 10);
	if (typeof v === 'object') {
		if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
		if ('formula' in v || 'sharedFormula' in v) return excelCellText((v as { result?: ExcelJS.CellValue }).result ?? null);
		if ('text' in v && typeof v.text === 'string') return v.text;
		if ('error' in v) return '';
	}
	return String(v);
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
	const wb = new ExcelJS.Workbook();
	try {
		await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
	} catch {
		return { ok: false, message: 'Không đọc được tệp Excel: tệp bị hỏng hoặc có mật khẩu.' };
	}
	const ws = wb.worksheets.find((w) => w.name === SHEET_NAME) ?? wb.worksheets[0];
	if (!ws) return { ok: false, message: 'Tệp Excel không có trang tính nào.' };
	const width = Math.max(ws.columnCount, 1);
	const header: string[] = [];
	const records: { row: number; values: string[] }[] = [];
	let rowsSeen = 0;
	ws.eachRow({ includeEmpty: false }, (row, n) => {
		rowsSeen++;
		const values = Array.from({ length: width }, (_, i) => excelCellText(row.getCell(i + 1).value));
		if (n === 1) header.push(...values);
		else records.push({ row: n, values });
	});
	if (rowsSeen === 0) return { ok: false, message: 'Tệp trống.' };
	return { ok: true, header, records };
}

function readCsv(bytes: Uint8Array): Table {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, message: 'Tệp CSV không phải mã UTF-8. Trong Excel hãy chọn “Lưu thành… CSV UTF-8 (phân tách bằng dấu phẩy)”.' };
	}
	text = text.replace(/^\uFEFF/, '');
	if (text.trim() === '') return { ok: false, message: 'Tệp trống.' };
	const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
	const bad = parsed.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
	if (bad) return { ok: false, message: `Tệp CSV lỗi ở dòng ${(bad.row ?? 0) + 1}: dấu ngoặc kép (") không được đóng.` };
	const [header = [], ...rest] = parsed.data;
	return { ok: true, header, records: rest.map((values, i) => ({ row: i + 2, values })) };
}

/** Cells that Excel would run as a formula are prefixed with ' in CSV (undone on import). */
export function guardCsv(s: string): string {
	return /^[=+\-@]/.test(s) ? `'${s}` : s;
}

/** Writes rows (cells by column) in the bank layout. XLSX gets a second sheet explaining the columns. */
export async function writeSheet(format: SheetFormat, rows: readonly Record<ColumnKey, string>[]): Promise<Uint8Array> {
	if (format === 'csv') {
		const csv = Papa.unparse({ fields: COLUMN_KEYS, data: rows.map((r) => COLUMN_KEYS.map((k) => guardCsv(r[k] ?? ''))) }, { newline: '\r\n' });
		// BOM: Excel then opens the file as UTF-8 and shows the diacritics correctly.
		return new TextEncoder().encode('\uFEFF' + csv);
	}
	const wb = new ExcelJS.Workbook();
	wb.creator = 'hoithi';
	const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
	ws.columns = COLUMN_KEYS.map((k) => ({
		header: k,
		key: k,
		width: k === 'stem' || k === 'explanation' ? 60 : k.startsWith('option_') || k === 'legal_ref' || k === 'topic_name' ? 30 : 14,
		// Text format, so codes such as 001 keep their zeros when someone adds rows by hand.
		style: { numFmt: '@', alignment: { wrapText: k === 'stem' || k === 'explanation', vertical: 'top' } }
	}));
	ws.getRow(1).font = { bold: true };
	for (const r of rows) ws.addRow(COLUMN_KEYS.map((k) => r[k] ?? ''));
	const help = wb.addWorksheet('Hướng dẫn');
	help.columns = [
		{ header: 'Cột', key: 'col', width: 16 },
		{ header: 'Bắt buộc', key: 'req', width: 10 },
		{ header: 'Ý nghĩa', key: 'help', width: 100 }
	];
	help.getRow(1).font = { bold: true };
	for (const c of COLUMNS) help.addRow({ col: c.key, req: c.required ? 'có' : 'không', help: c.help });
	help.addRow({});
	help.addRow({ col: 'Ghi chú', help: 'Mỗi dòng của trang “Câu hỏi” là một câu hỏi; dòng 1 là tên cột. Tối đa 10.000 câu và 5 MB mỗi tệp.' });
	help.addRow({ help: 'Câu hỏi trùng nội dung (không phân biệt hoa/thường, dấu, khoảng trắng) với câu đã có hoặc với dòng khác trong tệp sẽ bị báo lỗi.' });
	const out = await wb.xlsx.writeBuffer();
	return new Uint8Array(out as ArrayBuffer);
}

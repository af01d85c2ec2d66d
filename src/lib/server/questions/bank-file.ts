import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { cleanText } from '../../vn/text';
import { formatFixed, formatMegabytes, formatNumber } from '../../vn/number';
import { COLUMNS, COLUMN_KEYS, mapHeaders, type ColumnKey, type RawRow } from './bank-format';

/**
 * Reading and writing the bank's sheet files (XLSX through exceljs, CSV through papaparse).
 * Only the file format lives here; what the cells mean is bank-format.ts.
 */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 10_000;
export type SheetFormat = 'xlsx' | 'csv';
const SHEET_NAME = 'Câu hỏi';

export type ReadResult =
	| {
			ok: true;
			format: SheetFormat;
			rows: RawRow[];
			/** The worksheet that was read (XLSX), so the preview can say which one. */
			sheet: string | null;
			/** Non-empty rows hidden in Excel (row numbers), and whether they are in `rows`. */
			hiddenRows: number[];
			hiddenIncluded: boolean;
	  }
	| { ok: false; message: string };

export interface ReadOptions {
	/**
	 * Rows hidden in Excel (by hand or by a filter) are left out unless this is set: what the
	 * organiser sees in the sheet is what gets imported, and the preview lists the rows left out.
	 */
	includeHidden?: boolean;
}

/** Decides the format by content (a ZIP is XLSX), not by the name alone, and refuses the rest. */
function detectFormat(bytes: Uint8Array, name: string): { ok: true; format: SheetFormat } | { ok: false; message: string } {
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
export async function readSheet(bytes: Uint8Array, name: string, opts: ReadOptions = {}): Promise<ReadResult> {
	if (bytes.length === 0) return { ok: false, message: 'Tệp trống.' };
	if (bytes.length > MAX_FILE_BYTES)
		return {
			ok: false,
			message: `Tệp quá lớn (${formatMegabytes(bytes.length)}). Giới hạn là ${formatMegabytes(MAX_FILE_BYTES)}; hãy chia thành nhiều tệp.`
		};
	const det = detectFormat(bytes, name);
	if (!det.ok) return det;
	const table = det.format === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes);
	if (!table.ok) return table;
	const { header, records, sheet } = table;
	// Problems with the sheet as a whole say which worksheet was read (the wrong one is a common cause).
	const where = (message: string) => ({ ok: false as const, message: sheet ? `${sheet.label}: ${message}` : message });
	if (header.every((h) => h.trim() === '')) return where('Tệp trống: dòng 1 phải là tên cột như trong tệp mẫu.');
	const mapped = mapHeaders(header);
	if (!mapped.ok) return where(mapped.message);
	const includeHidden = opts.includeHidden ?? false;
	const rows: RawRow[] = [];
	const hiddenRows: number[] = [];
	for (const rec of records) {
		if (rec.values.every((v) => v.trim() === '')) continue;
		if (rec.hidden) {
			hiddenRows.push(rec.row);
			if (!includeHidden) continue;
		}
		if (rows.length >= MAX_ROWS)
			return { ok: false, message: `Tệp có hơn ${formatNumber(MAX_ROWS)} câu hỏi. Hãy chia thành nhiều tệp nhỏ hơn.` };
		const cells: Partial<Record<ColumnKey, string>> = {};
		for (const [k, i] of mapped.index) cells[k] = rec.values[i] ?? '';
		rows.push({ row: rec.row, cells });
	}
	if (rows.length === 0)
		return where(
			hiddenRows.length
				? `Tệp không có câu hỏi nào đang hiện: ${formatNumber(hiddenRows.length)} dòng câu hỏi bị ẩn trong Excel. Hãy bỏ ẩn các dòng đó, hoặc chọn “Nhập cả các dòng đang bị ẩn”.`
				: 'Tệp không có câu hỏi nào (chỉ có dòng tên cột).'
		);
	return { ok: true, format: det.format, rows, sheet: sheet?.name ?? null, hiddenRows, hiddenIncluded: includeHidden };
}

/**
 * Any sheet file (format decided by content, as for the bank) as its header row and records, for
 * sheets in other layouts (the unit list, units/sheet.ts). Size limits are the caller's.
 */
export async function readTable(bytes: Uint8Array, name: string): Promise<Table> {
	if (bytes.length === 0) return { ok: false, message: 'Tệp trống.' };
	const det = detectFormat(bytes, name);
	if (!det.ok) return det;
	return det.format === 'xlsx' ? readXlsx(bytes) : readCsv(bytes);
}

export type Table =
	| { ok: true; header: string[]; records: { row: number; values: string[]; hidden?: boolean }[]; sheet?: { name: string; label: string } }
	| { ok: false; message: string };

const DAY_MS = 86_400_000;
/** Serial day number of 1970-01-01 in Excel's 1900 date system. */
const EPOCH_SERIAL = 25_569;

interface DateParts {
	y: number;
	mo: number;
	d: number;
	h: number;
	mi: number;
	s: number;
}

/**
 * The calendar fields Excel shows for a date cell. exceljs turns a date-formatted serial into a
 * UTC Date with the true day count, but Excel's 1900 system counts a 29 February 1900 that never
 * was (kept from Lotus 1-2-3): serials 1–60 show one day later than that Date (serial 1 is
 * 01/01/1900 in Excel, 31/12/1899 in exceljs), 60 is the phantom 29/02/1900 and 0 is "00/01/1900".
 * The 1904 system has no such day.
 */
function excelDateParts(v: Date, date1904: boolean): DateParts {
	const ms = v.getTime();
	const at = (t: number) => {
		const x = new Date(t);
		return {
			y: x.getUTCFullYear(),
			mo: x.getUTCMonth() + 1,
			d: x.getUTCDate(),
			h: x.getUTCHours(),
			mi: x.getUTCMinutes(),
			s: x.getUTCSeconds()
		};
	};
	const serial = Math.floor(ms / DAY_MS) + EPOCH_SERIAL;
	if (date1904 || serial > 60) return at(ms);
	const p = at(ms + DAY_MS);
	if (serial === 60) return { ...p, y: 1900, mo: 2, d: 29 };
	if (serial <= 0) return { ...p, y: 1900, mo: 1, d: 0 };
	return p;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Renders date parts with an Excel number format's date/time codes (d dd m mm yy yyyy h hh mm ss,
 * case-insensitive; literals, quotes and backslashes kept; [$-42A] locale and [Red] blocks
 * dropped). Returns null for what is not a plain numeric date format (month or weekday names,
 * number codes), so the caller falls back to dd/mm/yyyy.
 */
function renderDateFormat(fmt: string, p: DateParts): string | null {
	const section = fmt.split(';')[0].replace(/\[[^\]]*\]/g, '');
	type Tok = { code: string } | { lit: string };
	const toks: Tok[] = [];
	const re = /"([^"]*)"|\\(.)|_.|\*.|(am\/pm|a\/p|yyyy|yy|m{1,5}|d{1,4}|hh?|ss?|\.0+)|([a-z0#?@%])|(.)/giy;
	let m: RegExpExecArray | null;
	while ((m = re.exec(section))) {
		if (m[1] != null) toks.push({ lit: m[1] });
		else if (m[2] != null) toks.push({ lit: m[2] });
		else if (m[3] != null) toks.push({ code: m[3].toLowerCase() });
		else if (m[4] != null) return null;
		else if (m[5] != null) toks.push({ lit: m[5] });
		else if (m[0].startsWith('_')) toks.push({ lit: ' ' });
	}
	const codes = toks.filter((t): t is { code: string } => 'code' in t);
	if (codes.length === 0) return null;
	let out = '';
	for (let i = 0; i < toks.length; i++) {
		const t = toks[i];
		if ('lit' in t) {
			out += t.lit;
			continue;
		}
		const c = t.code;
		const k = codes.indexOf(t);
		const prev = codes[k - 1]?.code ?? '';
		const next = codes[k + 1]?.code ?? '';
		if (c === 'yyyy') out += String(p.y);
		else if (c === 'yy') out += pad2(p.y % 100);
		else if (c === 'm' || c === 'mm') {
			// "m" after an hour or before seconds means minutes, as in Excel.
			const minutes = prev.startsWith('h') || next.startsWith('s');
			const n = minutes ? p.mi : p.mo;
			out += c === 'mm' ? pad2(n) : String(n);
		} else if (c === 'd') out += String(p.d);
		else if (c === 'dd') out += pad2(p.d);
		else if (c === 'h') out += String(p.h);
		else if (c === 'hh') out += pad2(p.h);
		else if (c === 's') out += String(p.s);
		else if (c === 'ss') out += pad2(p.s);
		else if (c === 'am/pm' || c === 'a/p' || c.startsWith('.'))
			continue; // shown on the 24-hour clock
		else return null; // month or weekday names
	}
	return out.trim();
}

/**
 * Excel's locale-dependent built-in date formats (ids 14 and 22, which exceljs spells in US
 * order): Vietnamese Excel shows them day first.
 */
const LOCALE_SHORT_DATE = new Set(['mm-dd-yy', 'm/d/yy "h":mm', 'm/d/yy h:mm']);

/**
 * A date cell as a Vietnamese user typed and sees it: the cell's own format where it is a plain
 * numeric one, otherwise dd/mm/yyyy (with HH:mm, and :ss, when the cell holds a time of day).
 */
export function excelDateText(v: Date, numFmt?: string, date1904 = false): string {
	if (Number.isNaN(v.getTime())) return '';
	const p = excelDateParts(v, date1904);
	if (numFmt && !LOCALE_SHORT_DATE.has(numFmt)) {
		const shown = renderDateFormat(numFmt, p);
		if (shown != null) return shown;
	}
	const date = `${pad2(p.d)}/${pad2(p.mo)}/${p.y}`;
	if (p.h === 0 && p.mi === 0 && p.s === 0) return date;
	return `${date} ${pad2(p.h)}:${pad2(p.mi)}${p.s ? `:${pad2(p.s)}` : ''}`;
}

/** A number in a percent format as Excel shows it in Vietnamese: 0.125 with "0.0%" → "12,5%". */
function percentText(v: number, numFmt: string): string {
	const decimals = /\.(0+)%/.exec(numFmt)?.[1].length ?? 0;
	// Excel writes the sign right after the number ("12,5%"), and so does the cell's text here.
	return formatFixed(v * 100, decimals) + '%';
}

/**
 * A cell's value as text: numbers without Excel's float noise, dates and percentages as Excel
 * shows them (`numFmt` is the cell's number format), rich text and formulas by their text.
 */
export function excelCellText(v: ExcelJS.CellValue, numFmt?: string, date1904 = false): string {
	if (v == null) return '';
	if (typeof v === 'string') return v;
	if (typeof v === 'number') {
		if (numFmt && /%/.test(numFmt.replace(/"[^"]*"|\\./g, ''))) return percentText(v, numFmt);
		return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
	}
	if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
	if (v instanceof Date) return excelDateText(v, numFmt, date1904);
	if (typeof v === 'object') {
		if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
		if ('formula' in v || 'sharedFormula' in v)
			return excelCellText((v as { result?: ExcelJS.CellValue }).result ?? null, numFmt, date1904);
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
	const picked = pickSheet(wb.worksheets);
	if (!picked) return { ok: false, message: 'Tệp Excel không có trang tính nào.' };
	const { ws, label } = picked;
	const date1904 = Boolean(wb.properties?.date1904);
	const width = Math.max(ws.columnCount, 1);
	const header: string[] = [];
	const records: { row: number; values: string[]; hidden: boolean }[] = [];
	let rowsSeen = 0;
	ws.eachRow({ includeEmpty: false }, (row, n) => {
		rowsSeen++;
		const values = Array.from({ length: width }, (_, i) => {
			const cell = row.getCell(i + 1);
			return excelCellText(cell.value, cell.numFmt, date1904);
		});
		if (n === 1) header.push(...values);
		else records.push({ row: n, values, hidden: Boolean(row.hidden) });
	});
	if (rowsSeen === 0) return { ok: false, message: `${label}: trang tính trống.` };
	return { ok: true, header, records, sheet: { name: cleanText(ws.name), label } };
}

/** Sheet names compared as people see them: NFC (Excel on a Mac may store NFD), spacing and case ignored. */
export function sheetNameKey(name: string): string {
	return cleanText(name).toLowerCase();
}

/**
 * The sheet named “Câu hỏi” (in any case or Unicode form), else the first visible sheet; with a
 * label that says which one was read and why.
 */
function pickSheet(sheets: ExcelJS.Worksheet[]): { ws: ExcelJS.Worksheet; label: string } | null {
	const named = sheets.find((w) => sheetNameKey(w.name) === sheetNameKey(SHEET_NAME));
	if (named) return { ws: named, label: `Trang tính “${cleanText(named.name)}”` };
	const first = sheets.find((w) => w.state !== 'hidden' && w.state !== 'veryHidden') ?? sheets[0];
	if (!first) return null;
	const name = cleanText(first.name);
	return {
		ws: first,
		label:
			sheets.length > 1 ? `Tệp không có trang tính tên “${SHEET_NAME}” nên đã đọc trang tính đầu tiên, “${name}”` : `Trang tính “${name}”`
	};
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

/**
 * Writes rows (cells by column) in the bank layout. XLSX gets a second sheet explaining the columns.
 * `columns` (CSV only) writes a subset, in the layout's order: a file made before optional
 * columns existed is compared with the export in its own columns (starter-bank.spec.ts).
 */
export async function writeSheet(
	format: SheetFormat,
	rows: readonly Record<ColumnKey, string>[],
	columns: readonly ColumnKey[] = COLUMN_KEYS
): Promise<Uint8Array> {
	if (format === 'csv') {
		const fields = COLUMN_KEYS.filter((k) => columns.includes(k));
		const csv = Papa.unparse({ fields, data: rows.map((r) => fields.map((k) => guardCsv(r[k] ?? ''))) }, { newline: '\r\n' });
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
	help.addRow({
		col: 'Ghi chú',
		help: `Mỗi dòng của trang “Câu hỏi” là một câu hỏi; dòng 1 là tên cột. Tối đa ${formatNumber(MAX_ROWS)} câu và ${formatMegabytes(MAX_FILE_BYTES)} mỗi tệp.`
	});
	help.addRow({
		help: 'Câu hỏi trùng nội dung (không phân biệt hoa/thường, khoảng trắng) với câu đã có hoặc với dòng khác trong tệp sẽ bị báo lỗi; câu chỉ khác ở dấu thanh/dấu chữ được báo để xem lại nhưng vẫn nhập được.'
	});
	help.addRow({ help: 'Các dòng đang bị ẩn không được nhập, trừ khi chọn “Nhập cả các dòng đang bị ẩn”.' });
	const out = await wb.xlsx.writeBuffer();
	return new Uint8Array(out as ArrayBuffer);
}

import { z } from 'zod';
import { readTable } from '../questions/bank-file';
import { cleanText, foldVietnamese } from '../../vn/text';
import { formatMegabytes, formatNumber } from '../../vn/number';
import type { UnitListEntry } from './lists';

/**
 * The unit sheet (CSV or XLSX), read the same way by `npm run units:import` and the organisers'
 * upload page: a full list (code, name, kind, parent, target) or targets alone (code, target).
 * Every bad row is reported with its sheet row number and column, like the question import's
 * row-error table; nothing is written unless every row is valid (service.ts).
 */
export const UNIT_MAX_BYTES = 1024 * 1024;
export const UNIT_MAX_ROWS = 5000;

const KINDS = ['urban_district', 'rural_district', 'town', 'ward', 'commune'] as const;
export type UnitKind = (typeof KINDS)[number];
export const KIND_LABELS: Record<UnitKind, string> = {
	urban_district: 'Quận',
	rural_district: 'Huyện',
	town: 'Thị xã',
	ward: 'Phường',
	commune: 'Xã'
};
/** What people type in a Vietnamese sheet for a kind, folded (no case, no diacritics). */
const KIND_WORDS: Record<string, UnitKind> = {
	quan: 'urban_district',
	huyen: 'rural_district',
	'thi xa': 'town',
	phuong: 'ward',
	xa: 'commune'
};

export type SheetMode = 'units' | 'targets';
export const SHEET_COLUMNS: Record<SheetMode, { key: string; required: boolean; help: string }[]> = {
	units: [
		{ key: 'code', required: true, help: 'Mã đơn vị (2–6 chữ số, giữ số 0 ở đầu), ví dụ 00070.' },
		{ key: 'name', required: true, help: 'Tên đơn vị, ví dụ “Phường Hoàn Kiếm”.' },
		{
			key: 'kind',
			required: true,
			help: 'Loại: phường, xã, quận, huyện, thị xã (hoặc ward, commune, urban_district, rural_district, town).'
		},
		{ key: 'parent', required: false, help: 'Mã đơn vị cấp trên (trong tệp hoặc đã có); để trống: trực thuộc Thành phố.' },
		{ key: 'target', required: false, help: 'Chỉ tiêu (số hội viên / người dự kiến tham gia), số nguyên không âm; để trống: giữ nguyên.' }
	],
	targets: [
		{ key: 'code', required: true, help: 'Mã đơn vị đã có trong hệ thống.' },
		{ key: 'target', required: true, help: 'Chỉ tiêu mới, số nguyên không âm (12.500 hoặc 12500).' }
	]
};

export interface UnitRowError {
	row: number;
	column: string;
	message: string;
}

export type SheetUnit = UnitListEntry & { targetCount?: number; parentCode?: string };
export interface SheetTarget {
	code: string;
	targetCount: number;
}

export type ParsedSheet =
	| { ok: true; mode: 'units'; rows: (SheetUnit & { row: number })[]; errors: UnitRowError[]; sheet: string | null }
	| { ok: true; mode: 'targets'; rows: (SheetTarget & { row: number })[]; errors: UnitRowError[]; sheet: string | null }
	| { ok: false; message: string };

const code = z
	.string()
	.trim()
	.regex(/^\d{2,6}$/, 'mã đơn vị phải gồm 2–6 chữ số (giữ số 0 ở đầu)');

/** "12.500", "12 500", "12500" → 12500; blank → undefined; anything else → an error message. */
export function parseTarget(s: string | undefined): number | undefined | { error: string } {
	const t = (s ?? '').trim();
	if (t === '') return undefined;
	const n = /^-?\d{1,3}([.\s\u00A0]\d{3})+$|^-?\d+$/.test(t) ? Number(t.replace(/[.\s\u00A0]/g, '')) : NaN;
	if (!Number.isSafeInteger(n) || n < 0) return { error: 'chỉ tiêu phải là số nguyên không âm' };
	if (n > 100_000_000) return { error: 'chỉ tiêu quá lớn' };
	return n;
}

/** "Phường", "ward", "Thị xã" … → the stored kind. */
export function parseKind(s: string): UnitKind | null {
	const t = cleanText(s);
	if ((KINDS as readonly string[]).includes(t)) return t as UnitKind;
	return KIND_WORDS[foldVietnamese(t)] ?? null;
}

/** Reads a sheet's rows: header names folded; cells NFC, trimmed. */
export async function parseUnitSheet(bytes: Uint8Array, fileName: string, mode: SheetMode): Promise<ParsedSheet> {
	if (bytes.length > UNIT_MAX_BYTES)
		return {
			ok: false,
			message: `Tệp quá lớn (${formatMegabytes(bytes.length)}). Giới hạn là ${formatMegabytes(UNIT_MAX_BYTES)}.`
		};
	const table = await readTable(bytes, fileName);
	if (!table.ok) return table;
	const header = table.header.map((h) => foldVietnamese(h).replace(/[\s\-.]+/g, '_'));
	const columns = SHEET_COLUMNS[mode];
	const missing = columns.filter((c) => c.required && !header.includes(c.key)).map((c) => c.key);
	if (missing.length) return { ok: false, message: `Tệp thiếu cột bắt buộc: ${missing.join(', ')}. Dòng 1 phải là tên cột.` };
	const index = new Map(columns.map((c) => [c.key, header.indexOf(c.key)]));
	const records = table.records.filter((r) => r.values.some((v) => v.trim() !== ''));
	if (records.length === 0) return { ok: false, message: 'Tệp không có dòng dữ liệu nào (chỉ có dòng tên cột).' };
	if (records.length > UNIT_MAX_ROWS)
		return {
			ok: false,
			message: `Tệp có hơn ${formatNumber(UNIT_MAX_ROWS)} dòng. Danh sách đơn vị không thể dài như vậy; hãy kiểm tra lại tệp.`
		};
	const cell = (values: string[], key: string) => {
		const i = index.get(key) ?? -1;
		return i < 0 ? '' : cleanText(values[i] ?? '');
	};
	const errors: UnitRowError[] = [];
	const seen = new Map<string, number>();
	const checkCode = (row: number, values: string[]): string | null => {
		const c = code.safeParse(cell(values, 'code'));
		if (!c.success) {
			errors.push({ row, column: 'code', message: c.error.issues[0].message });
			return null;
		}
		const first = seen.get(c.data);
		if (first != null) {
			errors.push({ row, column: 'code', message: `mã ${c.data} bị lặp (đã có ở dòng ${first})` });
			return null;
		}
		seen.set(c.data, row);
		return c.data;
	};
	const target = (row: number, values: string[], required: boolean): number | undefined | null => {
		const t = parseTarget(cell(values, 'target'));
		if (t != null && typeof t === 'object') {
			errors.push({ row, column: 'target', message: t.error });
			return null;
		}
		if (t === undefined && required) {
			errors.push({ row, column: 'target', message: 'thiếu chỉ tiêu' });
			return null;
		}
		return t;
	};
	const sheet = table.sheet?.name ?? null;
	if (mode === 'targets') {
		const rows: (SheetTarget & { row: number })[] = [];
		for (const r of records) {
			const c = checkCode(r.row, r.values);
			const t = target(r.row, r.values, true);
			if (c != null && typeof t === 'number') rows.push({ row: r.row, code: c, targetCount: t });
		}
		return { ok: true, mode, rows, errors, sheet };
	}
	const rows: (SheetUnit & { row: number })[] = [];
	for (const r of records) {
		const before = errors.length;
		const c = checkCode(r.row, r.values);
		const name = cell(r.values, 'name');
		if (name.length < 2) errors.push({ row: r.row, column: 'name', message: 'thiếu tên đơn vị' });
		else if (name.length > 120) errors.push({ row: r.row, column: 'name', message: 'tên đơn vị quá dài (tối đa 120 ký tự)' });
		const kind = parseKind(cell(r.values, 'kind'));
		if (!kind) errors.push({ row: r.row, column: 'kind', message: 'loại đơn vị phải là phường, xã, quận, huyện hoặc thị xã' });
		const parent = cell(r.values, 'parent');
		if (parent !== '' && !/^\d{2,6}$/.test(parent))
			errors.push({ row: r.row, column: 'parent', message: 'mã đơn vị cấp trên phải gồm 2–6 chữ số' });
		else if (parent !== '' && parent === c) errors.push({ row: r.row, column: 'parent', message: 'đơn vị không thể trực thuộc chính nó' });
		const t = target(r.row, r.values, false);
		if (errors.length > before || c == null || !kind || t === null) continue;
		rows.push({
			row: r.row,
			code: c,
			name,
			kind,
			...(parent ? { parentCode: parent } : {}),
			...(t !== undefined ? { targetCount: t } : {})
		});
	}
	return { ok: true, mode, rows, errors, sheet };
}

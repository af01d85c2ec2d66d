import Papa from 'papaparse';
import { z } from 'zod';
import { cleanText } from '../../vn/text';
import type { UnitListEntry } from './lists';

const KINDS = ['urban_district', 'rural_district', 'town', 'ward', 'commune'] as const;

const RowSchema = z.object({
	code: z
		.string()
		.trim()
		.regex(/^\d{2,6}$/, 'mã đơn vị phải gồm 2–6 chữ số (giữ số 0 ở đầu)'),
	name: z.string().transform(cleanText).pipe(z.string().min(2, 'thiếu tên đơn vị').max(120, 'tên đơn vị quá dài')),
	kind: z
		.string()
		.trim()
		.pipe(z.enum(KINDS, { error: `loại đơn vị phải là một trong: ${KINDS.join(', ')}` })),
	target: z
		.string()
		.optional()
		.transform((s, ctx) => {
			if (s == null || s.trim() === '') return undefined;
			const n = Number(s.replace(/[.\s]/g, ''));
			if (!Number.isInteger(n) || n < 0) {
				ctx.addIssue({ code: 'custom', message: 'chỉ tiêu phải là số nguyên không âm' });
				return z.NEVER;
			}
			return n;
		})
});

export type UnitCsvResult = { ok: true; units: (UnitListEntry & { targetCount?: number })[] } | { ok: false; errors: string[] };

/**
 * Parses a unit list (columns: code, name, kind[, target]) such as shared/units/*.csv.
 * Codes are kept as text so leading zeros survive; every bad row is reported with its line number.
 */
export function parseUnitCsv(text: string): UnitCsvResult {
	const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
		header: true,
		skipEmptyLines: 'greedy',
		transformHeader: (h) => h.trim().toLowerCase()
	});
	const errors: string[] = parsed.errors.map((e) => `Dòng ${(e.row ?? 0) + 2}: ${e.message}`);
	const fields = parsed.meta.fields ?? [];
	for (const col of ['code', 'name', 'kind']) if (!fields.includes(col)) errors.push(`Thiếu cột "${col}".`);
	if (errors.length) return { ok: false, errors };
	const units: (UnitListEntry & { targetCount?: number })[] = [];
	const seen = new Set<string>();
	parsed.data.forEach((row, i) => {
		const line = i + 2;
		const r = RowSchema.safeParse(row);
		if (!r.success) {
			errors.push(`Dòng ${line}: ${r.error.issues.map((x) => x.message).join('; ')}.`);
			return;
		}
		if (seen.has(r.data.code)) errors.push(`Dòng ${line}: mã ${r.data.code} bị lặp.`);
		seen.add(r.data.code);
		units.push({
			code: r.data.code,
			name: r.data.name,
			kind: r.data.kind,
			...(r.data.target !== undefined ? { targetCount: r.data.target } : {})
		});
	});
	if (units.length === 0 && errors.length === 0) errors.push('Tệp không có dòng dữ liệu nào.');
	return errors.length ? { ok: false, errors } : { ok: true, units };
}

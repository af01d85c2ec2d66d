import { z } from 'zod';
import { fromLocalInput } from '../../vn/time';

/**
 * The reporting periods of the plan: a month, six months (first half 01/01–30/06 or second half
 * 01/07–31/12), a year, or any dates. Returned as [from, to) in ms, midnight in Hanoi.
 */
const periodSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('month'), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Chọn tháng.') }),
	z.object({ kind: z.literal('half'), year: z.coerce.number().int().min(2000).max(2100), half: z.enum(['1', '2']) }),
	z.object({ kind: z.literal('year'), year: z.coerce.number().int().min(2000).max(2100) }),
	z.object({
		kind: z.literal('dates'),
		from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Chọn ngày bắt đầu.'),
		to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Chọn ngày kết thúc.')
	})
]);
export type PeriodInput = z.infer<typeof periodSchema>;

export interface Period {
	from: number;
	to: number;
	label: string;
}

const midnight = (y: number, m: number, d: number) =>
	fromLocalInput(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T00:00`);
const vnDate = (iso: string) => iso.split('-').reverse().join('/');

function toPeriod(p: PeriodInput): Period | { error: string } {
	switch (p.kind) {
		case 'month': {
			const [y, m] = p.month.split('-').map(Number);
			return { from: midnight(y, m, 1)!, to: m === 12 ? midnight(y + 1, 1, 1)! : midnight(y, m + 1, 1)!, label: `Tháng ${m}/${y}` };
		}
		case 'half':
			return p.half === '1'
				? { from: midnight(p.year, 1, 1)!, to: midnight(p.year, 7, 1)!, label: `6 tháng đầu năm ${p.year}` }
				: { from: midnight(p.year, 7, 1)!, to: midnight(p.year + 1, 1, 1)!, label: `6 tháng cuối năm ${p.year}` };
		case 'year':
			return { from: midnight(p.year, 1, 1)!, to: midnight(p.year + 1, 1, 1)!, label: `Năm ${p.year}` };
		case 'dates': {
			const from = fromLocalInput(`${p.from}T00:00`);
			const last = fromLocalInput(`${p.to}T00:00`);
			if (from == null || last == null) return { error: 'Ngày không hợp lệ.' };
			if (last < from) return { error: 'Ngày kết thúc phải sau ngày bắt đầu.' };
			return { from, to: last + 86_400_000, label: `Từ ${vnDate(p.from)} đến ${vnDate(p.to)}` };
		}
	}
}

/** Reads the period from a URL's query (the report form is a GET form). */
export function periodFromUrl(url: URL): Period | { error: string } {
	const parsed = periodSchema.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Chọn kỳ báo cáo.' };
	return toPeriod(parsed.data);
}

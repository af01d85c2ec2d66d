import { z } from 'zod';
import { cleanText } from '../vn/text';
import { PersonDecisionSchema } from './fairness';

/** How many prize rows a round's plan form offers (Nhất, Nhì, Ba, Khuyến khích and two spare). */
export const ROUND_TIER_ROWS = 6;
/** How many rows each unit-prize category of a contest's plan offers. */
export const UNIT_TIER_ROWS = 4;
/** More than this many prizes in one tier is a typo, not a contest. */
const MAX_TIER_COUNT = 1000;

export const DEFAULT_ROUND_TIERS = [
	{ name: 'Giải Nhất', count: 1 },
	{ name: 'Giải Nhì', count: 2 },
	{ name: 'Giải Ba', count: 3 },
	{ name: 'Giải Khuyến khích', count: 10 }
];
export const DEFAULT_UNIT_TIERS = [
	{ name: 'Giải Nhất', count: 1 },
	{ name: 'Giải Nhì', count: 1 },
	{ name: 'Giải Ba', count: 1 }
];

export interface TierInput {
	name: string;
	count: number;
}

const isTicked = (v: unknown) => v === 'on' || v === 'true' || v === '1';

/**
 * Prize rows from a form: `{prefix}name_{i}` and `{prefix}count_{i}`. A row with neither is skipped;
 * a name without a count (or the other way round) is an error on that row. Names unique per list.
 */
function tierRows(raw: Record<string, unknown>, prefix: string, rows: number, ctx: z.RefinementCtx): TierInput[] {
	const out: TierInput[] = [];
	for (let i = 0; i < rows; i++) {
		const name = cleanText(String(raw[`${prefix}name_${i}`] ?? ''));
		const countText = String(raw[`${prefix}count_${i}`] ?? '').trim();
		if (!name && (!countText || countText === '0')) continue;
		if (!name) {
			ctx.addIssue({ code: 'custom', path: [`${prefix}name_${i}`], message: 'Vui lòng nhập tên giải.' });
			continue;
		}
		if (name.length > 60) ctx.addIssue({ code: 'custom', path: [`${prefix}name_${i}`], message: 'Tên giải tối đa 60 ký tự.' });
		const count = Number(countText);
		if (!/^\d+$/.test(countText) || count < 1 || count > MAX_TIER_COUNT) {
			ctx.addIssue({ code: 'custom', path: [`${prefix}count_${i}`], message: `Số giải là số nguyên từ 1 đến ${MAX_TIER_COUNT}.` });
			continue;
		}
		if (out.some((t) => t.name.toLocaleLowerCase('vi') === name.toLocaleLowerCase('vi')))
			ctx.addIssue({ code: 'custom', path: [`${prefix}name_${i}`], message: 'Tên giải bị trùng.' });
		out.push({ name, count });
	}
	return out;
}

export const RoundPlanSchema = z.record(z.string(), z.unknown()).transform((raw, ctx) => {
	const tiers = tierRows(raw, '', ROUND_TIER_ROWS, ctx);
	if (tiers.length === 0) ctx.addIssue({ code: 'custom', path: ['name_0'], message: 'Vui lòng nhập ít nhất một giải.' });
	return { tiers, participationCertificates: isTicked(raw.participationCertificates) };
});
export type RoundPlanInput = z.output<typeof RoundPlanSchema>;

export const ContestPlanSchema = z.record(z.string(), z.unknown()).transform((raw, ctx) => {
	const participants = tierRows(raw, 'p_', UNIT_TIER_ROWS, ctx);
	const rate = tierRows(raw, 'r_', UNIT_TIER_ROWS, ctx);
	if (participants.length + rate.length === 0)
		ctx.addIssue({ code: 'custom', path: ['p_name_0'], message: 'Vui lòng nhập ít nhất một giải đơn vị.' });
	// Participation certificates are given per round (RoundPlanSchema), not for a whole contest.
	return { participants, rate, participationCertificates: false };
});
export type ContestPlanInput = z.output<typeof ContestPlanSchema>;

const id = z.coerce.number({ error: 'Mã không hợp lệ.' }).int().positive('Mã không hợp lệ.');

/** A decision on one entry of a list that needs a reason (disqualify, substitute, any amendment). */
export const EntryReasonSchema = PersonDecisionSchema.extend({ entryId: id });
export const EntrySchema = z.object({ entryId: id });
export const AmendSchema = EntryReasonSchema.extend({
	kind: z.enum(['revoke', 'substitute'], { error: 'Vui lòng chọn cách sửa đổi.' })
});

/** A certificate's short code as typed or scanned: letters and digits, dashes and spaces ignored. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function normaliseCode(raw: string): string | null {
	const c = raw.toUpperCase().replace(/[\s-]/g, '');
	return c.length >= 6 && c.length <= 20 && [...c].every((ch) => CODE_ALPHABET.includes(ch)) ? c : null;
}

/** What a prize page's actions answer (prizes.server.ts): the action's name, what was typed, the errors or the message. */
export interface PrizeFormState {
	action?: string;
	entryId?: string;
	reason?: string;
	values?: Record<string, string>;
	errors?: Record<string, string>;
	done?: string;
}

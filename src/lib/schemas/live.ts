import { z } from 'zod';
import { cleanText } from '../vn/text';
import { LIVE_CODE_LENGTH, LIVE_NAME_MAX, LIVE_TEAM_NAME_MAX, type LiveHostAction } from '../live/protocol';

/**
 * Input of the live hội thi (issue 14), shared by the join form (live-ui) and the server
 * (src/lib/server/live/). Names are NFC-cleaned (vn/text.ts cleanText) and then checked: a name
 * too long or with emoji is refused with a Vietnamese message — never silently cut or changed, so
 * what the big screen shows is what the person typed.
 */

// Pictographs, flag letters, the emoji presentation selector and the keycap mark (each alone: not a class of combined characters).
const PICTOGRAPHIC = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\u{FE0F}|\u{20E3}/u;
const CONTROL = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u;

/** A name as typed → cleaned, or refused (too long, empty, emoji, control characters). */
export function nameField(what: string, max: number, required: boolean) {
	const base = z
		.string({ error: `${what} không hợp lệ.` })
		.max(max * 4, `${what} dài quá ${max} ký tự.`)
		.transform((s) => cleanText(s))
		.refine((s) => !required || s.length > 0, `Vui lòng nhập ${what.toLowerCase()}.`)
		.refine((s) => [...s].length <= max, `${what} dài quá ${max} ký tự.`)
		.refine((s) => !PICTOGRAPHIC.test(s), `${what} không được chứa biểu tượng cảm xúc (emoji).`)
		.refine((s) => !CONTROL.test(s), `${what} chứa ký tự không hợp lệ.`);
	return base;
}

const liveName = nameField('Tên', LIVE_NAME_MAX, true);
const liveTeamName = nameField('Tên đội', LIVE_TEAM_NAME_MAX, false);
const liveAffiliation = nameField('Chi hội / đơn vị', LIVE_TEAM_NAME_MAX, false);

/** A room code as typed (spaces and dashes allowed: "123 456") → its 6 digits, or null. */
export function normaliseCode(input: unknown): string | null {
	if (typeof input !== 'string' && typeof input !== 'number') return null;
	const digits = String(input).replace(/[\s-]/g, '');
	return new RegExp(`^\\d{${LIVE_CODE_LENGTH}}$`).test(digits) ? digits : null;
}

const optionalId = z
	.union([z.number(), z.string()])
	.nullish()
	.transform((v, ctx) => {
		if (v === null || v === undefined || v === '') return null;
		const n = typeof v === 'number' ? v : Number(v);
		if (!Number.isSafeInteger(n) || n <= 0) {
			ctx.addIssue({ code: 'custom', message: 'Lựa chọn không hợp lệ.' });
			return z.NEVER;
		}
		return n;
	});

/** Joining a room (JSON body of POST livePaths.joinApi, or the join form's fields). */
export const LiveJoinSchema = z.object({
	name: liveName,
	unitId: optionalId,
	teamId: optionalId,
	teamName: liveTeamName.nullish().transform((s) => (s ? s : null)),
	affiliation: liveAffiliation.nullish().transform((s) => (s ? s : null))
});

export const LiveAnswerSchema = z.object({
	position: z.number({ error: 'Thiếu câu hỏi.' }).int('Câu hỏi không hợp lệ.').min(0, 'Câu hỏi không hợp lệ.'),
	optionIds: z
		.array(z.string().min(1).max(64), { error: 'Danh sách đáp án không hợp lệ.' })
		.min(1, 'Vui lòng chọn một đáp án.')
		.max(10, 'Quá nhiều đáp án.'),
	requestId: z.string({ error: 'Thiếu mã gửi.' }).min(1, 'Mã gửi không hợp lệ.').max(64, 'Mã gửi không hợp lệ.')
});

const LIVE_HOST_ACTIONS = [
	'open',
	'lock',
	'unlock',
	'start',
	'next',
	'reveal',
	'scoreboard',
	'back',
	'pause',
	'resume',
	'remove',
	'judging',
	'podium',
	'finish'
] as const satisfies readonly LiveHostAction[];

export const LiveHostSchema = z.object({
	action: z.enum(LIVE_HOST_ACTIONS, { error: 'Lệnh không hợp lệ.' }),
	version: z.number({ error: 'Thiếu phiên bản màn hình.' }).int('Phiên bản không hợp lệ.').min(0, 'Phiên bản không hợp lệ.'),
	playerId: z.number().int().positive().optional(),
	partId: z.number().int().positive().optional()
});

export const LiveJudgeSchema = z.object({
	partId: z.number({ error: 'Thiếu phần thi.' }).int('Phần thi không hợp lệ.').positive('Phần thi không hợp lệ.'),
	teamId: z.number({ error: 'Thiếu đội.' }).int('Đội không hợp lệ.').positive('Đội không hợp lệ.'),
	score: z.number({ error: 'Điểm phải là một số.' })
});

/**
 * The host's commands from the browser (big screen keys and console buttons alike): one POST per
 * command with the view's version, so a double press or a command from a screen that is behind
 * is refused (409) instead of skipping a question.
 */
import { LIVE_STATUS, livePaths, type LiveHostAction, type LiveHostBody, type LiveView } from './protocol';

export type CommandOutcome = { ok: true } | { ok: false; stale: boolean; message: string };

export async function sendHostCommand(
	gameId: number,
	body: LiveHostBody,
	doFetch: typeof fetch = (...a) => fetch(...a)
): Promise<CommandOutcome> {
	try {
		const res = await doFetch(livePaths.hostCommand(gameId), {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(body)
		});
		if (res.ok) return { ok: true };
		const payload = (await res.json().catch(() => null)) as { message?: string } | null;
		const stale = res.status === LIVE_STATUS.staleVersion;
		return {
			ok: false,
			stale,
			message: payload?.message ?? (stale ? 'Màn hình đã thay đổi, vui lòng thử lại.' : 'Lệnh không thực hiện được.')
		};
	} catch {
		return { ok: false, stale: false, message: 'Không gửi được lệnh: mất kết nối tới máy chủ.' };
	}
}

/** The question the host last saw (the view carries it only while asked and revealed). */
export type SeenQuestion = { position: number; total: number } | null;

/**
 * What "next" (→, Space, the console's big button) does: the show's natural next step, so one key
 * walks the hall through it — the room opens the first question, a question is revealed, a
 * reveal goes to the scoreboard, the scoreboard to the next question (after the last one, the
 * podium). The server's own `next` (which closes a question and opens the following one, answer
 * unseen) stays a button of its own on the console. Nothing after the podium: finishing asks first.
 */
export function nextStep(view: Pick<LiveView, 'status' | 'phase'>, seen: SeenQuestion): { action: LiveHostAction; label: string } | null {
	if (view.status === 'finished' || view.status === 'draft') return null;
	if (view.status === 'lobby') return { action: 'start', label: 'Bắt đầu' };
	switch (view.phase) {
		case 'question':
			return { action: 'reveal', label: 'Hiện đáp án' };
		case 'reveal':
			return { action: 'scoreboard', label: 'Bảng điểm' };
		case 'scoreboard':
		case 'judging':
		case 'lobby':
			return seen && seen.position + 1 >= seen.total
				? { action: 'podium', label: 'Vinh danh' }
				: { action: 'next', label: 'Câu tiếp theo' };
		case 'podium':
			return null;
	}
}

/**
 * The big screen's keys: → or Space next (nextStep), R reveal, S scoreboard, ← back, P pause/resume.
 * Keys with Ctrl/Alt/Meta (browser shortcuts) are left alone.
 */
export function actionForKey(
	e: { key: string; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean },
	view: Pick<LiveView, 'status' | 'phase' | 'paused'>,
	seen: SeenQuestion = null
): LiveHostAction | null {
	if (e.ctrlKey || e.altKey || e.metaKey) return null;
	switch (e.key) {
		case 'ArrowRight':
		case ' ':
		case 'PageDown':
			return nextStep(view, seen)?.action ?? null;
		case 'ArrowLeft':
		case 'PageUp':
			return view.status === 'running' ? 'back' : null;
		case 'r':
		case 'R':
			return view.phase === 'question' ? 'reveal' : null;
		case 's':
		case 'S':
			return view.status === 'running' ? 'scoreboard' : null;
		case 'p':
		case 'P':
			return view.status === 'running' ? (view.paused ? 'resume' : 'pause') : null;
		default:
			return null;
	}
}

/** The key legend shown on the big screen. */
export const KEY_LEGEND: [string, string][] = [
	['→ / Space', 'tiếp'],
	['R', 'đáp án'],
	['S', 'bảng điểm'],
	['←', 'lùi'],
	['P', 'tạm dừng']
];

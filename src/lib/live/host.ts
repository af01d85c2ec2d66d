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

/** "Next" from where the game is: the room's start, or the next step of the game. */
export function nextAction(view: Pick<LiveView, 'status' | 'phase'>): LiveHostAction | null {
	if (view.status === 'finished' || view.status === 'draft') return null;
	if (view.status === 'lobby') return 'start';
	return 'next';
}

/**
 * The big screen's keys: → or Space next, R reveal, S scoreboard, ← back, P pause/resume.
 * Keys typed into a field (none on the screen, but a console may embed it) and with Ctrl/Alt/Meta
 * (browser shortcuts) are left alone.
 */
export function actionForKey(
	e: { key: string; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean },
	view: Pick<LiveView, 'status' | 'phase' | 'paused'>
): LiveHostAction | null {
	if (e.ctrlKey || e.altKey || e.metaKey) return null;
	switch (e.key) {
		case 'ArrowRight':
		case ' ':
		case 'PageDown':
			return nextAction(view);
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

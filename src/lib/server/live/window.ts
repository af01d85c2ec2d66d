import type { GameRow } from './repo';

/**
 * When a live question takes answers (issue 14 item 5), as a pure rule: what counts is the server
 * clock when the answer ARRIVED (the adapters take it before anything else), within the
 * question's window [opened_at, close) and not after a pause began. So an answer that arrived in
 * time but waited behind the host's reveal (or a pause) for the database is still taken — every
 * answer sent before the close counts — while one that arrived a moment after the close never is,
 * whatever the phase says by the time it is read.
 */

type WindowFields = Pick<GameRow, 'status' | 'position' | 'opened_at' | 'closes_at' | 'paused_remaining_ms'>;

/**
 * When the current question stopped (or will stop) taking answers: its close — or, while paused,
 * the moment of the pause (closes_at is kept while paused; paused_remaining_ms is what was left).
 */
export function answersEndAt(g: Pick<GameRow, 'closes_at' | 'paused_remaining_ms'>): number | null {
	if (g.closes_at == null) return null;
	return g.paused_remaining_ms != null ? g.closes_at - g.paused_remaining_ms : g.closes_at;
}

/** Whether an answer to `position` that arrived at `receivedAt` is in time; else why not. */
export function answerWindow(g: WindowFields, position: number, receivedAt: number): 'open' | 'closed' | 'paused' | 'noQuestion' {
	const end = answersEndAt(g);
	if (g.status !== 'running' || g.position !== position || g.opened_at == null || end == null)
		return g.status === 'running' && g.position === position ? 'closed' : 'noQuestion';
	const paused = g.paused_remaining_ms != null;
	// Before the opening: sent while paused (resume moves opened_at on by the pause). After a resume
	// the row no longer says when the pause was, so an answer sent during the pause that reached the
	// database only after the resume would be judged by the moved window; a pause lasts seconds, a
	// wait for the database milliseconds, and a refused phone simply sends again.
	if (receivedAt < g.opened_at) return 'paused';
	if (receivedAt >= end) return paused ? 'paused' : 'closed';
	return 'open';
}

import { describe, expect, it } from 'vitest';
import { actionForKey, nextStep, sendHostCommand } from './host';

const running = { status: 'running' as const, phase: 'question' as const, paused: false };

describe('actionForKey', () => {
	it('maps the big screen keys to host commands', () => {
		expect(actionForKey({ key: 'ArrowRight' }, running)).toBe('reveal');
		expect(actionForKey({ key: ' ' }, { ...running, phase: 'scoreboard' })).toBe('next');
		expect(actionForKey({ key: 'r' }, running)).toBe('reveal');
		expect(actionForKey({ key: 'S' }, running)).toBe('scoreboard');
		expect(actionForKey({ key: 'ArrowLeft' }, running)).toBe('back');
		expect(actionForKey({ key: 'p' }, running)).toBe('pause');
		expect(actionForKey({ key: 'p' }, { ...running, paused: true })).toBe('resume');
	});

	it('starts the game from the lobby, and does nothing once it is finished', () => {
		expect(actionForKey({ key: 'ArrowRight' }, { status: 'lobby', phase: 'lobby', paused: false })).toBe('start');
		expect(actionForKey({ key: 'ArrowLeft' }, { status: 'lobby', phase: 'lobby', paused: false })).toBeNull();
		expect(actionForKey({ key: ' ' }, { status: 'finished', phase: 'podium', paused: false })).toBeNull();
	});

	it('reveals only during a question and leaves browser shortcuts alone', () => {
		expect(actionForKey({ key: 'r' }, { ...running, phase: 'scoreboard' })).toBeNull();
		expect(actionForKey({ key: 'r', ctrlKey: true }, running)).toBeNull();
		expect(actionForKey({ key: 'x' }, running)).toBeNull();
	});
});

describe('nextStep', () => {
	it('walks the show: start, reveal, scoreboard, next question, and the podium after the last one', () => {
		const at = (
			phase: 'question' | 'reveal' | 'scoreboard' | 'judging' | 'podium',
			seen: { position: number; total: number } | null = null
		) => nextStep({ status: 'running', phase }, seen)?.action ?? null;
		expect(nextStep({ status: 'lobby', phase: 'lobby' }, null)?.action).toBe('start');
		expect(at('question')).toBe('reveal');
		expect(at('reveal')).toBe('scoreboard');
		expect(at('scoreboard', { position: 0, total: 3 })).toBe('next');
		expect(at('scoreboard', { position: 2, total: 3 })).toBe('podium');
		expect(at('judging', { position: 2, total: 3 })).toBe('podium');
		// A reload at the scoreboard has not seen the question: the server says when none is left.
		expect(at('scoreboard')).toBe('next');
		expect(at('podium')).toBeNull();
		expect(nextStep({ status: 'finished', phase: 'podium' }, null)).toBeNull();
	});
});

describe('sendHostCommand', () => {
	const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status });

	it('reports a stale version (409) apart from other refusals, with the server’s message', async () => {
		expect(await sendHostCommand(1, { action: 'next', version: 3 }, answer(200, {}))).toEqual({ ok: true });
		expect(await sendHostCommand(1, { action: 'next', version: 3 }, answer(409, { message: 'Màn hình đã thay đổi' }))).toEqual({
			ok: false,
			stale: true,
			message: 'Màn hình đã thay đổi'
		});
		expect(await sendHostCommand(1, { action: 'next', version: 3 }, answer(403, { message: 'Không có quyền' }))).toMatchObject({
			stale: false,
			message: 'Không có quyền'
		});
		const offline = await sendHostCommand(1, { action: 'next', version: 3 }, async () => {
			throw new TypeError('fetch failed');
		});
		expect(offline).toMatchObject({ ok: false, stale: false });
	});
});

import { describe, expect, it } from 'vitest';
import { answersEndAt, answerWindow } from './window';

const running = { status: 'running' as const, position: 2, opened_at: 10_000, closes_at: 30_000, paused_remaining_ms: null };

describe('the answer window (server clock at arrival)', () => {
	it('takes an answer that arrived between the opening and the close, and none after', () => {
		expect(answerWindow(running, 2, 10_000)).toBe('open');
		expect(answerWindow(running, 2, 29_999)).toBe('open');
		expect(answerWindow(running, 2, 30_000)).toBe('closed');
		expect(answerWindow(running, 1, 20_000)).toBe('noQuestion');
		expect(answerWindow(running, 3, 20_000)).toBe('noQuestion');
		expect(answerWindow({ ...running, status: 'finished' }, 2, 20_000)).toBe('noQuestion');
	});

	it('still takes an answer that arrived before an early reveal but is read after it', () => {
		// The host revealed at 21 000: closes_at moved there; an answer that arrived at 20 500 and
		// waited for the database counts, one that arrived at 21 000 does not.
		const revealed = { ...running, closes_at: 21_000 };
		expect(answerWindow(revealed, 2, 20_500)).toBe('open');
		expect(answerWindow(revealed, 2, 21_000)).toBe('closed');
	});

	it('refuses answers from the moment of a pause, and before a resumed window', () => {
		// Paused at 18 000 with 12 000 left: closes_at stays 30 000.
		const paused = { ...running, paused_remaining_ms: 12_000 };
		expect(answersEndAt(paused)).toBe(18_000);
		expect(answerWindow(paused, 2, 17_999)).toBe('open');
		expect(answerWindow(paused, 2, 18_000)).toBe('paused');
		expect(answerWindow(paused, 2, 25_000)).toBe('paused');
		// Resumed at 50 000: closes 62 000, opened_at moved to 42 000 (the pause does not count).
		const resumed = { ...running, opened_at: 42_000, closes_at: 62_000 };
		expect(answerWindow(resumed, 2, 40_000)).toBe('paused');
		expect(answerWindow(resumed, 2, 50_001)).toBe('open');
		expect(answerWindow(resumed, 2, 62_000)).toBe('closed');
	});
});

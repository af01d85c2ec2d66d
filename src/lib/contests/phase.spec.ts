import { describe, it, expect } from 'vitest';
import { nextPhaseChange, roundPhase } from './phase';

const start = Date.UTC(2026, 11, 1, 1, 0);
const MIN = 60_000;

describe('roundPhase', () => {
	const opensAt = start;
	const closesAt = start + 60 * MIN;
	const round = { opensAt, closesAt };

	it('is upcoming before the opening time', () => {
		expect(roundPhase(round, opensAt - 1)).toBe('upcoming');
	});

	it('is open exactly at the opening time', () => {
		expect(roundPhase(round, opensAt)).toBe('open');
	});

	it('is open one millisecond before the closing time', () => {
		expect(roundPhase(round, closesAt - 1)).toBe('open');
	});

	it('is closed exactly at the closing time', () => {
		expect(roundPhase(round, closesAt)).toBe('closed');
	});

	it('is closed after the closing time', () => {
		expect(roundPhase(round, closesAt + 1)).toBe('closed');
	});
});

describe('nextPhaseChange', () => {
	const a = { opensAt: start, closesAt: start + 60 * MIN };
	const b = { opensAt: start + 30 * MIN, closesAt: start + 90 * MIN };

	it('is the earliest opening or closing after now, of any round', () => {
		expect(nextPhaseChange([a, b], start - 1)).toBe(start);
		expect(nextPhaseChange([a, b], start)).toBe(start + 30 * MIN);
		expect(nextPhaseChange([b, a], start + 30 * MIN)).toBe(start + 60 * MIN);
		expect(nextPhaseChange([a, b], start + 60 * MIN)).toBe(start + 90 * MIN);
	});

	it('agrees with roundPhase: no round changes phase before it, one does at it', () => {
		const now = start + 10 * MIN;
		const at = nextPhaseChange([a, b], now)!;
		expect([roundPhase(a, at - 1), roundPhase(b, at - 1)]).toEqual([roundPhase(a, now), roundPhase(b, now)]);
		expect([roundPhase(a, at), roundPhase(b, at)]).not.toEqual([roundPhase(a, now), roundPhase(b, now)]);
	});

	it('is null when every round has closed, or there are none', () => {
		expect(nextPhaseChange([a, b], start + 90 * MIN)).toBeNull();
		expect(nextPhaseChange([], start)).toBeNull();
	});
});

import { describe, it, expect } from 'vitest';
import { roundPhase } from './phase';

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

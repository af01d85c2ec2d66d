import { describe, it, expect } from 'vitest';
import { acceptsWrites, attemptDeadline, countedDuration, isOverdue } from './deadline';

const start = Date.UTC(2026, 11, 1, 1, 0);
const MIN = 60_000;

describe('attemptDeadline', () => {
	it('is the start plus the time limit', () => {
		expect(attemptDeadline(start, 20 * 60, start + 10 * 60 * MIN)).toBe(start + 20 * MIN);
	});

	it('is capped at the round closing time', () => {
		const closesAt = start + 5 * MIN;
		expect(attemptDeadline(start, 20 * 60, closesAt)).toBe(closesAt);
	});

	it('is the start plus the limit when that is exactly the closing time', () => {
		expect(attemptDeadline(start, 600, start + 10 * MIN)).toBe(start + 10 * MIN);
	});
});

describe('acceptsWrites / isOverdue', () => {
	const deadline = start + 20 * MIN;
	const grace = 5_000;

	it('accepts an answer before the deadline', () => {
		expect(acceptsWrites(deadline - 1, deadline, grace)).toBe(true);
		expect(isOverdue(deadline - 1, deadline, grace)).toBe(false);
	});

	it('accepts an answer exactly at the deadline', () => {
		expect(acceptsWrites(deadline, deadline, grace)).toBe(true);
		expect(isOverdue(deadline, deadline, grace)).toBe(false);
	});

	it('accepts an answer at the last millisecond of the grace', () => {
		expect(acceptsWrites(deadline + grace, deadline, grace)).toBe(true);
		expect(isOverdue(deadline + grace, deadline, grace)).toBe(false);
	});

	it('rejects an answer one millisecond after the deadline plus grace', () => {
		expect(acceptsWrites(deadline + grace + 1, deadline, grace)).toBe(false);
		expect(isOverdue(deadline + grace + 1, deadline, grace)).toBe(true);
	});

	it('rejects right after the deadline when there is no grace', () => {
		expect(acceptsWrites(deadline, deadline, 0)).toBe(true);
		expect(acceptsWrites(deadline + 1, deadline, 0)).toBe(false);
	});
});

describe('countedDuration', () => {
	const deadline = start + 20 * MIN;

	it('is the time from start to submission', () => {
		expect(countedDuration(start, start + 7 * MIN, deadline)).toBe(7 * MIN);
	});

	it('is capped at the deadline for a submission within the grace', () => {
		expect(countedDuration(start, deadline + 4_000, deadline)).toBe(20 * MIN);
	});

	it('is never negative', () => {
		expect(countedDuration(start, start - 1_000, deadline)).toBe(0);
	});
});

import { describe, expect, it } from 'vitest';
import { buildCases, duplicatePoints, namedUserIds, personPoints, type Reason } from './cases';
import type { SpeedFinding } from './speed';
import type { OriginCluster } from './detectors';

const speed = (userId: number, points: number, roundId = 1): Reason => ({
	kind: 'speed',
	roundId,
	points,
	speed: { userId, attemptId: userId * 10 + roundId } as SpeedFinding
});
const device = (userIds: number[], points: number): Reason => ({
	kind: 'device',
	roundId: 1,
	points,
	device: { userIds } as OriginCluster
});
const dup = (low: number, high: number, corroboration: ('same_device' | 'both_took_part')[]): Reason => {
	const duplicate = { low, high, reasons: ['name_variant' as const, 'birth_day_off' as const], corroboration };
	return { kind: 'duplicate', roundId: null, points: duplicatePoints(duplicate), duplicate };
};

describe('buildCases', () => {
	it('names nobody for one weak reason alone (a family sharing a phone)', () => {
		expect(buildCases([device([1, 2], 1)])).toEqual([]);
	});

	it('adds independent reasons of different kinds: weak ones together make a case', () => {
		const cases = buildCases([device([1, 2], 1), speed(1, 2)]);
		expect(cases).toHaveLength(1);
		// The sibling who only shares the phone is not named.
		expect(cases[0]).toMatchObject({ userIds: [1], score: 3, kinds: ['speed', 'device'] });
	});

	it('joins one person’s reasons into one case, the same kind again adding only half a point', () => {
		expect(personPoints([speed(1, 2, 1), speed(1, 2, 2)])).toBe(2.5);
		expect(personPoints([speed(1, 2, 1), speed(1, 2, 2), speed(1, 2, 3), speed(1, 2, 4)])).toBe(3);
		const [c] = buildCases([speed(1, 3, 1), speed(1, 3, 2)]);
		expect(c.reasons).toHaveLength(2);
	});

	it('raises a near-match duplicate with what corroborates it, and links the pair into one case', () => {
		expect(buildCases([dup(1, 2, [])])).toEqual([]);
		const [c] = buildCases([dup(1, 2, ['same_device', 'both_took_part'])]);
		expect(c.userIds).toEqual([1, 2]);
	});

	it('orders cases by their strongest member and lists the named people', () => {
		const cases = buildCases([speed(5, 3), speed(7, 6), device([1, 2, 3, 4], 3)]);
		expect(cases.map((c) => c.userIds)).toEqual([[7], [1, 2, 3, 4], [5]]);
		expect([...namedUserIds(cases)].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 7]);
	});
});

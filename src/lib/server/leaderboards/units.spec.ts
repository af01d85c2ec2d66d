import { describe, expect, it } from 'vitest';
import { participationRate, rankAmong } from './units';

describe('participation rate', () => {
	it('divides participants by the unit target', () => {
		expect(participationRate(150, 2000)).toBe(0.075);
		expect(participationRate(2500, 2000)).toBe(1.25);
	});
	it('is undefined without a positive target', () => {
		expect(participationRate(10, null)).toBeNull();
		expect(participationRate(10, 0)).toBeNull();
	});
});

describe('unit comparison', () => {
	it('ranks with ties sharing a place', () => {
		expect(rankAmong(5, [9, 5, 5, 1])).toBe(2);
		expect(rankAmong(1, [9, 5, 5, 1])).toBe(4);
		expect(rankAmong(10, [9, 5])).toBe(1);
	});
});

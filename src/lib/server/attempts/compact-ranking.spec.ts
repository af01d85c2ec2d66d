import { describe, expect, it } from 'vitest';
import { CompactRanking } from './compact-ranking';
import type { RankedEntry } from './leaderboard';

const entry = (userId: number, rank: number, over: Partial<RankedEntry> = {}): RankedEntry => ({
	userId,
	rank,
	score: 10 - rank,
	total: 10,
	durationMs: 60_000 + rank,
	prediction: rank % 2 ? null : 1234,
	submittedAt: 1_780_000_000_000 + rank,
	...over
});

describe('CompactRanking', () => {
	it('gives back every entry as it was given, in rank order', () => {
		const entries = [entry(907, 1), entry(3, 2, { prediction: 0 }), entry(55, 3), entry(12, 4, { score: 2.5 })];
		const r = new CompactRanking(entries);
		expect(r.size).toBe(4);
		expect(entries.map((_, i) => r.at(i))).toEqual(entries);
		expect(r.head(2)).toEqual(entries.slice(0, 2));
		expect(r.head(99)).toEqual(entries);
	});

	it('finds a person by id (and nobody else)', () => {
		const ids = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 100_003);
		const r = new CompactRanking(ids.map((id, i) => entry(id, i + 1)));
		for (const [i, id] of ids.entries()) expect(r.indexOf(id)).toBe(i);
		expect(r.indexOf(100_004)).toBe(-1);
		expect(new CompactRanking([]).indexOf(1)).toBe(-1);
	});
});

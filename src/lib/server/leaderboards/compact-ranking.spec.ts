import { describe, expect, it } from 'vitest';
import { CompactRanking } from './compact-ranking';
import type { RankedEntry } from './rows';

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

describe('countAhead (rank by binary search in an order snapshot)', () => {
	it('counts the results strictly before a result, with every tie-break', async () => {
		const { countAhead } = await import('./round-best');
		// score desc, duration asc, submitted asc, attempt id asc
		const rows = [
			[10, 50, 1000, 7],
			[10, 50, 1000, 9],
			[10, 50, 2000, 3],
			[10, 60, 900, 1],
			[9, 10, 10, 2],
			[7, 99, 99, 4]
		];
		const cols = [0, 1, 2, 3].map((j) => Float64Array.from(rows.map((r) => r[j])));
		const at = (score: number, durationMs: number, submittedAt: number, attemptId: number) =>
			countAhead(cols, { score, prediction: null, durationMs, submittedAt, attemptId });
		rows.forEach((r, i) => expect(at(r[0], r[1], r[2], r[3])).toBe(i));
		expect(at(11, 0, 0, 0)).toBe(0);
		expect(at(10, 50, 1000, 8)).toBe(1);
		expect(at(10, 55, 0, 0)).toBe(3);
		expect(at(8, 0, 0, 0)).toBe(5);
		expect(at(0, 0, 0, 0)).toBe(6);
		expect(
			countAhead([new Float64Array(), new Float64Array(), new Float64Array(), new Float64Array()], {
				score: 1,
				prediction: null,
				durationMs: 1,
				submittedAt: 1,
				attemptId: 1
			})
		).toBe(0);
	});
});

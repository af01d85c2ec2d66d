import { describe, expect, it } from 'vitest';
import { craft, answersFrom, MIN, T0 } from './crafted';
import { describeNetworks } from './networks';

const perfect = () => answersFrom(Array(10).fill('a'));
const ordinary = () => answersFrom(['a', 'b', 'a', 'c', 'a', 'a', 'd', 'b', 'a', 'a']);

describe('describeNetworks', () => {
	it('names a proxy: eight accounts one after another on one address, each on a fresh device, all perfect', () => {
		const proxy = Array.from({ length: 8 }, (_, i) =>
			craft({
				attemptId: 100 + i,
				userId: 10 + i,
				ipHash: 'cafe',
				startedAt: T0 + i * 5 * MIN,
				durationMs: 4 * MIN,
				answers: perfect(),
				freshDevice: true,
				signInGapMs: 20_000
			})
		);
		const [c] = describeNetworks(proxy);
		expect(c).toMatchObject({ ipHash: 'cafe', layout: 'one_after_another', freshDevices: 8, perfectShare: 1, farm: true });
		expect(c.userIds).toHaveLength(8);
		expect(c.medianHandoverMs).toBe(MIN);
		expect(c.points).toBeGreaterThanOrEqual(3);
	});

	it('leaves alone a class in a computer room: side by side, their own devices, ordinary scores', () => {
		const cls = Array.from({ length: 30 }, (_, i) =>
			craft({ attemptId: 200 + i, userId: 50 + i, ipHash: 'school', startedAt: T0 + i * 10_000, durationMs: 8 * MIN, answers: ordinary() })
		);
		const [c] = describeNetworks(cls);
		expect(c).toMatchObject({ layout: 'side_by_side', freshDevices: 0, farm: false, points: 0 });
	});

	it('leaves alone a class that registered in the room before the round: registrations alone, side by side', () => {
		const cls = Array.from({ length: 20 }, (_, i) =>
			craft({
				attemptId: 300 + i,
				userId: 80 + i,
				ipHash: 'school',
				startedAt: T0 + i * 5_000,
				registeredAt: T0 - 30 * MIN,
				answers: perfect()
			})
		);
		expect(describeNetworks(cls)[0]).toMatchObject({ layout: 'side_by_side', registeredShortlyBefore: 20, farm: false, points: 0 });
	});

	it('gives a household taking turns on one connection no points: one after another, own devices, ordinary scores', () => {
		const home = [0, 1, 2].map((i) =>
			craft({ attemptId: 400 + i, userId: 90 + i, ipHash: 'home', startedAt: T0 + i * 10 * MIN, durationMs: 7 * MIN, answers: ordinary() })
		);
		expect(describeNetworks(home)[0]).toMatchObject({ layout: 'one_after_another', farm: false, points: 0 });
	});

	it('splits one address into separate chains when hours pass between them, and ignores two accounts', () => {
		const a = [0, 1, 2].map((i) => craft({ attemptId: 500 + i, userId: 1 + i, ipHash: 'x', startedAt: T0 + i * 60_000 }));
		const b = [0, 1].map((i) => craft({ attemptId: 600 + i, userId: 5 + i, ipHash: 'x', startedAt: T0 + 5 * 60 * MIN + i * 60_000 }));
		const out = describeNetworks([...a, ...b]);
		expect(out).toHaveLength(1);
		expect(out[0].userIds).toEqual([1, 2, 3]);
	});
});

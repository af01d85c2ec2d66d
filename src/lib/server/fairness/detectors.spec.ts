import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../vn/text';
import {
	findPossibleDuplicates,
	findSharedOrigins,
	findTooFast,
	findTwinSheets,
	minimumHumanMs,
	type OriginEvent,
	type SheetAttempt
} from './detectors';

const T0 = 1_800_000_000_000;
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('findSharedOrigins', () => {
	const ev = (userId: number, at: number, deviceHash: string | null, ipHash: string | null = null): OriginEvent => ({
		userId,
		at,
		deviceHash,
		ipHash
	});

	it('flags three accounts used from one device within a day', () => {
		const clusters = findSharedOrigins([ev(1, T0, 'd1'), ev(2, T0 + HOUR, 'd1'), ev(3, T0 + 5 * HOUR, 'd1'), ev(9, T0, 'd2')]);
		expect(clusters).toHaveLength(1);
		expect(clusters[0]).toMatchObject({ by: 'device', hash: 'd1', userIds: [1, 2, 3], from: T0, to: T0 + 5 * HOUR, events: 3 });
	});

	it('does not flag two accounts on one device (a family sharing a phone)', () => {
		expect(findSharedOrigins([ev(1, T0, 'd1'), ev(2, T0 + MIN, 'd1'), ev(1, T0 + 2 * MIN, 'd1')])).toEqual([]);
	});

	it('does not flag the same account seen many times, nor accounts days apart', () => {
		const same = Array.from({ length: 20 }, (_, i) => ev(7, T0 + i * MIN, 'd1'));
		expect(findSharedOrigins(same)).toEqual([]);
		const apart = [ev(1, T0, 'd1'), ev(2, T0 + 25 * HOUR, 'd1'), ev(3, T0 + 50 * HOUR, 'd1')];
		expect(findSharedOrigins(apart)).toEqual([]);
	});

	it('merges overlapping windows into one cluster and keeps separate bursts apart', () => {
		const burst = (start: number, users: number[]) => users.map((u, i) => ev(u, start + i * MIN, 'd1'));
		const clusters = findSharedOrigins([...burst(T0, [1, 2, 3, 4]), ...burst(T0 + 3 * 24 * HOUR, [5, 6, 7])]);
		expect(clusters.map((c) => c.userIds)).toEqual([
			[1, 2, 3, 4],
			[5, 6, 7]
		]);
	});

	it('needs five accounts behind one IP within ten minutes (shared networks are normal)', () => {
		const four = [1, 2, 3, 4].map((u, i) => ev(u, T0 + i * MIN, null, 'ip1'));
		expect(findSharedOrigins(four)).toEqual([]);
		const five = [1, 2, 3, 4, 5].map((u, i) => ev(u, T0 + i * MIN, null, 'ip1'));
		expect(findSharedOrigins(five)).toMatchObject([{ by: 'ip', hash: 'ip1', userIds: [1, 2, 3, 4, 5] }]);
		const slow = [1, 2, 3, 4, 5].map((u, i) => ev(u, T0 + i * 5 * MIN, null, 'ip1'));
		expect(findSharedOrigins(slow)).toEqual([]);
	});

	it('reports a burst of registrations from one IP (a class of 40, or a script) as one cluster, with the sign-ups counted', () => {
		// 40 pupils register from the school's address within 8 minutes; each on their own device.
		const signUps = Array.from({ length: 40 }, (_, i): OriginEvent => ({
			userId: 100 + i,
			at: T0 + i * 12_000,
			deviceHash: `d${i}`,
			ipHash: 'school',
			kind: 'register'
		}));
		// Later some of them start the round from home.
		const starts = [100, 101, 102].map((u, i): OriginEvent => ({
			userId: u,
			at: T0 + 2 * HOUR + i * MIN,
			deviceHash: `d${u - 100}`,
			ipHash: `home${u}`,
			kind: 'attempt_start'
		}));
		const clusters = findSharedOrigins([...starts, ...signUps]);
		expect(clusters).toHaveLength(1);
		expect(clusters[0]).toMatchObject({ by: 'ip', hash: 'school', events: 40, registrations: 40, from: T0, to: T0 + 39 * 12_000 });
		expect(clusters[0].userIds).toEqual(Array.from({ length: 40 }, (_, i) => 100 + i));
	});
});

describe('findTwinSheets', () => {
	const correct = new Map([1, 2, 3, 4, 5, 6].map((q) => [q, ['a']]));
	const sheet = (attemptId: number, userId: number, startedAt: number, durationMs: number, choices: string[]): SheetAttempt => ({
		attemptId,
		userId,
		startedAt,
		durationMs,
		answers: new Map(choices.map((c, i) => [i + 1, c ? [c] : []])),
		correct
	});
	const shared = ['a', 'b', 'a', 'c', 'a', 'a'];

	it('flags identical sheets by two people started together with near-identical durations', () => {
		const pairs = findTwinSheets([sheet(10, 1, T0, 120_000, shared), sheet(11, 2, T0 + 40_000, 126_000, shared)]);
		expect(pairs).toEqual([{ a: 10, b: 11, userA: 1, userB: 2, questions: 6, sameWrong: 2, startGapMs: 40_000, durationGapMs: 6_000 }]);
	});

	it('does not flag identical sheets an hour apart, or with very different durations', () => {
		expect(findTwinSheets([sheet(10, 1, T0, 120_000, shared), sheet(11, 2, T0 + HOUR, 120_000, shared)])).toEqual([]);
		expect(findTwinSheets([sheet(10, 1, T0, 120_000, shared), sheet(11, 2, T0 + 10_000, 400_000, shared)])).toEqual([]);
	});

	it('does not flag sheets that differ in one answer, nor one person’s own attempts', () => {
		const other = [...shared];
		other[1] = 'c';
		expect(findTwinSheets([sheet(10, 1, T0, 120_000, shared), sheet(11, 2, T0, 120_000, other)])).toEqual([]);
		expect(findTwinSheets([sheet(10, 1, T0, 120_000, shared), sheet(11, 1, T0 + 1_000, 120_000, shared)])).toEqual([]);
	});

	it('ignores nearly empty sheets, which are alike by chance', () => {
		const empty = ['a', '', '', '', '', ''];
		expect(findTwinSheets([sheet(10, 1, T0, 20_000, empty), sheet(11, 2, T0, 20_000, empty)])).toEqual([]);
	});

	it('compares multiple-choice answers regardless of the order the options were ticked', () => {
		const a = sheet(10, 1, T0, 100_000, shared);
		const b = sheet(11, 2, T0, 100_000, shared);
		a.answers.set(7, ['x', 'y']);
		b.answers.set(7, ['y', 'x']);
		expect(findTwinSheets([a, b])).toHaveLength(1);
	});
});

describe('findTooFast', () => {
	const base = { userId: 1, textChars: 2_500, questions: 10, answered: 10, score: 10 };

	it('computes the minimum human time from the text shown and the answers given', () => {
		expect(minimumHumanMs({ textChars: 2_500, answered: 10 })).toBe(50_000 + 15_000);
	});

	it('flags ten answered questions handed in after 20 seconds', () => {
		const flagged = findTooFast([{ ...base, attemptId: 1, durationMs: 20_000 }]);
		expect(flagged).toEqual([{ ...base, attemptId: 1, durationMs: 20_000, minimumMs: 65_000 }]);
	});

	it('does not flag a quick but human pace, nor an empty hand-in', () => {
		expect(findTooFast([{ ...base, attemptId: 1, durationMs: 70_000 }])).toEqual([]);
		expect(findTooFast([{ ...base, attemptId: 2, durationMs: 3_000, answered: 0, score: 0 }])).toEqual([]);
	});

	it('lists the most extreme first', () => {
		const out = findTooFast([
			{ ...base, attemptId: 1, durationMs: 40_000 },
			{ ...base, attemptId: 2, durationMs: 5_000 }
		]);
		expect(out.map((a) => a.attemptId)).toEqual([2, 1]);
	});
});

describe('findPossibleDuplicates', () => {
	const person = (id: number, name: string, birthDate: string, unitId: number) => ({
		id,
		nameFolded: foldVietnamese(name),
		birthDate,
		unitId
	});

	it('matches names across case, diacritics, spacing and Unicode normal form', () => {
		const nfd = 'Nguyễn Thị Hằng'.normalize('NFD');
		const pairs = findPossibleDuplicates([
			person(1, 'Nguyễn Thị Hằng', '1990-05-20', 1),
			person(2, `  NGUYEN   thi  HANG `, '1990-05-20', 2),
			person(3, nfd, '1990-05-20', 3)
		]);
		expect(pairs.map((p) => [p.low, p.high])).toEqual([
			[1, 2],
			[1, 3],
			[2, 3]
		]);
		expect(pairs.every((p) => p.reasons.includes('name_birth_date'))).toBe(true);
	});

	it('folds đ to d, so "Đặng" and "Dang" match', () => {
		const pairs = findPossibleDuplicates([person(1, 'Đặng Thu Hà', '1985-01-01', 1), person(2, 'Dang Thu Ha', '1985-01-01', 1)]);
		expect(pairs).toEqual([{ low: 1, high: 2, reasons: ['name_birth_date', 'name_unit_birth_year'] }]);
	});

	it('matches the same name, unit and birth year with a different birth date', () => {
		const pairs = findPossibleDuplicates([person(1, 'Lê Thị Mai', '1980-03-01', 5), person(2, 'Lê Thị Mai', '1980-11-30', 5)]);
		expect(pairs).toEqual([{ low: 1, high: 2, reasons: ['name_unit_birth_year'] }]);
	});

	it('does not match different names, or the same name in other units and years', () => {
		expect(
			findPossibleDuplicates([
				person(1, 'Lê Thị Mai', '1980-03-01', 5),
				person(2, 'Lê Thị Lan', '1980-03-01', 5),
				person(3, 'Lê Thị Mai', '1980-03-02', 6),
				person(4, 'Lê Thị Mai', '1981-03-01', 5)
			])
		).toEqual([]);
	});

	it('caps very large groups so the list stays reviewable', () => {
		const many = Array.from({ length: 40 }, (_, i) => person(i + 1, 'Nguyễn Thị Lan', '1990-01-01', 1));
		const pairs = findPossibleDuplicates(many, 5);
		expect(pairs).toHaveLength(10);
	});
});

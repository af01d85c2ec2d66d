import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../vn/text';
import { birthRelation, findPossibleDuplicates, findSharedOrigins, type OriginEvent } from './detectors';

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

	it('does not match different given names, different middle names, or birth dates far apart', () => {
		expect(
			findPossibleDuplicates([
				person(1, 'Lê Thị Mai', '1980-03-01', 5),
				person(2, 'Lê Thị Lan', '1980-03-01', 5),
				person(3, 'Lê Văn Mai', '1980-03-01', 6),
				person(4, 'Lê Thị Mai', '1983-03-01', 6),
				person(5, 'Lê Thị Mai', '1980-03-05', 7)
			])
		).toEqual([]);
	});

	it('pairs the near matches of one person registering twice: a day off, a year off, day and month swapped', () => {
		const pairs = findPossibleDuplicates([
			person(1, 'Trần Thị Bích Ngọc', '1992-04-07', 1),
			person(2, 'Trần Thị Bích Ngọc', '1992-04-08', 2),
			person(3, 'Trần Thị Bích Ngọc', '1993-04-07', 3),
			person(4, 'Trần Thị Bích Ngọc', '1992-07-04', 4)
		]);
		const of = (low: number, high: number) => pairs.find((p) => p.low === low && p.high === high)?.reasons;
		expect(of(1, 2)).toEqual(['birth_day_off']);
		expect(of(1, 3)).toEqual(['birth_year_off']);
		expect(of(1, 4)).toEqual(['birth_swapped']);
	});

	it('pairs names equal once middle names are dropped or reduced to initials', () => {
		const pairs = findPossibleDuplicates([
			person(1, 'Phạm Thị Thu Hà', '1990-01-01', 1),
			person(2, 'Phạm Hà', '1990-01-01', 2),
			person(3, 'Phạm T. T. Hà', '1990-01-02', 3),
			person(4, 'Phạm Thu Hà', '1990-01-01', 4)
		]);
		const of = (low: number, high: number) => pairs.find((p) => p.low === low && p.high === high)?.reasons;
		expect(of(1, 2)).toEqual(['name_variant']);
		expect(of(1, 3)).toEqual(['name_variant', 'birth_day_off']);
		// "Thị" dropped: "Thu" is what is left of "Thị Thu".
		expect(of(1, 4)).toEqual(['name_variant']);
		expect(of(2, 4)).toEqual(['name_variant']);
		expect(findPossibleDuplicates([person(1, 'Phạm Thị Thu Hà', '1990-01-01', 1), person(2, 'Phạm Văn Hà', '1990-01-01', 1)])).toEqual([]);
		expect(
			findPossibleDuplicates([person(1, 'Phạm Thu Thị Hà', '1990-01-01', 1), person(2, 'Phạm Thị Thu Hà', '1990-01-01', 1)])
		).toHaveLength(0);
	});

	it('tells how two birth dates relate', () => {
		expect(birthRelation('1990-12-31', '1991-01-01')).toBe('birth_day_off');
		expect(birthRelation('1990-03-04', '1990-04-03')).toBe('birth_swapped');
		expect(birthRelation('1990-03-04', '1990-03-06')).toBeNull();
	});

	it('caps very large groups so the list stays reviewable', () => {
		const many = Array.from({ length: 40 }, (_, i) => person(i + 1, 'Nguyễn Thị Lan', '1990-01-01', 1));
		const pairs = findPossibleDuplicates(many, 5);
		expect(pairs).toHaveLength(10);
	});
});

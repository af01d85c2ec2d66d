/**
 * Fairness detectors: pure functions over plain data, so every rule is unit-tested with crafted
 * cases. They flag for an organiser to look at; none of them blocks or disqualifies anyone.
 * Here: accounts sharing a device or address, and possible duplicate people; networks.ts,
 * alike.ts and speed.ts hold the others, cases.ts joins them.
 */

// ---------------------------------------------------------------- shared device / IP

export interface OriginEvent {
	userId: number;
	at: number;
	deviceHash: string | null;
	ipHash: string | null;
	/** 'register', 'login' or 'attempt_start' (access_events.kind); only counted. */
	kind?: string;
}

export interface OriginCluster {
	by: 'device' | 'ip';
	/** The keyed hash shared by the accounts (shown shortened; it reveals no IP). */
	hash: string;
	userIds: number[];
	from: number;
	to: number;
	events: number;
	/** How many of the events were registrations: a burst of sign-ups from one place (a class, or a script). */
	registrations: number;
}

export interface OriginRules {
	device: { windowMs: number; minAccounts: number };
	ip: { windowMs: number; minAccounts: number };
}

const ORIGIN_RULES: OriginRules = {
	/** One browser used by 3+ accounts within a day: a family sharing a phone is 2, a farm is more. */
	device: { windowMs: 24 * 60 * 60 * 1000, minAccounts: 3 },
	/**
	 * One IP used by 5+ accounts within 10 minutes. Deliberately loose: schools and mobile carriers
	 * put many honest people behind one IP, so this is a hint to look, never proof.
	 */
	ip: { windowMs: 10 * 60 * 1000, minAccounts: 5 }
};

/**
 * Groups events by device hash (and separately by IP hash) and reports every stretch of time in
 * which `minAccounts` distinct accounts used the same hash within `windowMs` of each other.
 * Overlapping qualifying windows are merged into one cluster.
 */
export function findSharedOrigins(events: OriginEvent[], rules: OriginRules = ORIGIN_RULES): OriginCluster[] {
	const out: OriginCluster[] = [];
	for (const by of ['device', 'ip'] as const) {
		const { windowMs, minAccounts } = rules[by];
		const groups = new Map<string, OriginEvent[]>();
		for (const e of events) {
			const h = by === 'device' ? e.deviceHash : e.ipHash;
			if (!h) continue;
			let g = groups.get(h);
			if (!g) groups.set(h, (g = []));
			g.push(e);
		}
		for (const [hash, list] of groups) {
			list.sort((a, b) => a.at - b.at);
			const counts = new Map<number, number>();
			let left = 0;
			let range: [number, number] | null = null;
			const flush = () => {
				if (!range) return;
				const slice = list.slice(range[0], range[1] + 1);
				out.push({
					by,
					hash,
					userIds: [...new Set(slice.map((e) => e.userId))].sort((a, b) => a - b),
					from: slice[0].at,
					to: slice[slice.length - 1].at,
					events: slice.length,
					registrations: slice.filter((e) => e.kind === 'register').length
				});
				range = null;
			};
			for (let right = 0; right < list.length; right++) {
				counts.set(list[right].userId, (counts.get(list[right].userId) ?? 0) + 1);
				while (list[right].at - list[left].at > windowMs) {
					const u = list[left].userId;
					const n = counts.get(u)! - 1;
					if (n === 0) counts.delete(u);
					else counts.set(u, n);
					left++;
				}
				if (counts.size >= minAccounts) {
					if (range && left <= range[1]) range[1] = right;
					else {
						flush();
						range = [left, right];
					}
				}
			}
			flush();
		}
	}
	return out.sort((a, b) => b.userIds.length - a.userIds.length || a.from - b.from);
}

// ---------------------------------------------------------------- possible duplicate people

export interface PersonKey {
	id: number;
	nameFolded: string;
	birthDate: string;
	unitId: number;
}

/**
 * Why two records may be one person. Names: the same folded name, or the same family and given
 * name once middle names are dropped or reduced to initials ("Nguyễn Thị Lan", "Nguyễn Lan",
 * "Nguyễn T. Lan"). Birth dates: the same, one day apart, one year apart, or day and month swapped.
 */
export type DuplicateReason =
	'name_birth_date' | 'name_unit_birth_year' | 'name_variant' | 'birth_day_off' | 'birth_year_off' | 'birth_swapped';

export interface DuplicatePair {
	low: number;
	high: number;
	reasons: DuplicateReason[];
}

/** Vietnamese order: family name first, given name last, middle names between. */
function nameParts(folded: string): { family: string; middle: string[]; given: string } | null {
	const t = folded.replace(/[.,]/g, ' ').split(' ').filter(Boolean);
	if (t.length < 2) return null;
	return { family: t[0], middle: t.slice(1, -1), given: t[t.length - 1] };
}

/**
 * Middle names agree when the shorter list is the longer one with some names dropped ("Thị Thu"
 * → "Thu", or none at all), in order, an initial matching its name ("T." ~ "Thu").
 */
function middlesAgree(a: string[], b: string[]): boolean {
	const [short, long] = a.length <= b.length ? [a, b] : [b, a];
	const same = (x: string, y: string) => x === y || (x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y));
	let j = 0;
	for (const x of short) {
		while (j < long.length && !same(x, long[j])) j++;
		if (j === long.length) return false;
		j++;
	}
	return true;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** How two ISO birth dates relate, or null when they are not close in any way a typo makes. */
export function birthRelation(a: string, b: string): 'same' | 'birth_day_off' | 'birth_year_off' | 'birth_swapped' | null {
	if (a === b) return 'same';
	const [ya, ma, da] = a.split('-');
	const [yb, mb, db] = b.split('-');
	if (ya === yb && ma === db && da === mb) return 'birth_swapped';
	if (ma === mb && da === db && Math.abs(Number(ya) - Number(yb)) === 1) return 'birth_year_off';
	if (Math.abs(Date.parse(a) - Date.parse(b)) === DAY_MS) return 'birth_day_off';
	return null;
}

/**
 * Possible duplicates: an exact or variant name (above) with the same or a near birth date, or
 * the same folded name with the same unit and birth year. Not a block — two real people can
 * share all of that; an organiser decides, and the report raises a pair when something else
 * corroborates it (cases.ts). People are compared only within the same family + given name, and
 * very large groups (a common name) are capped so the list stays reviewable.
 */
export function findPossibleDuplicates(people: PersonKey[], maxGroup = 200): DuplicatePair[] {
	const blocks = new Map<string, { p: PersonKey; parts: NonNullable<ReturnType<typeof nameParts>> }[]>();
	for (const p of people) {
		const parts = nameParts(p.nameFolded);
		if (!parts) continue;
		const k = `${parts.family} ${parts.given}`;
		let g = blocks.get(k);
		if (!g) blocks.set(k, (g = []));
		g.push({ p, parts });
	}
	const out: DuplicatePair[] = [];
	for (const g of blocks.values()) {
		if (g.length < 2) continue;
		const list = [...g].sort((a, b) => a.p.id - b.p.id).slice(0, maxGroup);
		for (let i = 0; i < list.length; i++)
			for (let j = i + 1; j < list.length; j++) {
				const x = list[i];
				const y = list[j];
				const sameName = x.p.nameFolded === y.p.nameFolded;
				if (!sameName && !middlesAgree(x.parts.middle, y.parts.middle)) continue;
				const reasons: DuplicateReason[] = [];
				const birth = birthRelation(x.p.birthDate, y.p.birthDate);
				if (sameName && birth === 'same') reasons.push('name_birth_date');
				if (sameName && x.p.unitId === y.p.unitId && x.p.birthDate.slice(0, 4) === y.p.birthDate.slice(0, 4))
					reasons.push('name_unit_birth_year');
				if (birth && (!sameName || birth !== 'same')) {
					if (!sameName) reasons.push('name_variant');
					if (birth !== 'same') reasons.push(birth);
				}
				if (reasons.length) out.push({ low: x.p.id, high: y.p.id, reasons });
			}
	}
	return out.sort((a, b) => b.reasons.length - a.reasons.length || a.low - b.low || a.high - b.high);
}

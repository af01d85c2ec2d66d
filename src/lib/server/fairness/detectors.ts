/**
 * Fairness detectors: pure functions over plain data, so every rule is unit-tested with crafted
 * cases. They flag for an organiser to look at; none of them blocks or disqualifies anyone.
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

export const ORIGIN_RULES = {
	/** One browser used by 3+ accounts within a day: a family sharing a phone is 2, a farm is more. */
	device: { windowMs: 24 * 60 * 60 * 1000, minAccounts: 3 },
	/**
	 * One IP used by 5+ accounts within 10 minutes. Deliberately loose: schools and mobile carriers
	 * put many honest people behind one IP, so this is a hint to look, never proof.
	 */
	ip: { windowMs: 10 * 60 * 1000, minAccounts: 5 }
} as const;

/**
 * Groups events by device hash (and separately by IP hash) and reports every stretch of time in
 * which `minAccounts` distinct accounts used the same hash within `windowMs` of each other.
 * Overlapping qualifying windows are merged into one cluster.
 */
export function findSharedOrigins(events: OriginEvent[], rules = ORIGIN_RULES): OriginCluster[] {
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

// ---------------------------------------------------------------- identical answer sheets

export interface SheetAttempt {
	attemptId: number;
	userId: number;
	startedAt: number;
	durationMs: number;
	/** questionId → chosen option ids, for every question the attempt showed (unanswered = []). */
	answers: Map<number, string[]>;
	/** questionId → correct option ids. */
	correct: Map<number, string[]>;
}

export interface TwinPair {
	a: number;
	b: number;
	userA: number;
	userB: number;
	questions: number;
	/** Questions both got wrong with the same choice: the strongest sign of a shared sheet. */
	sameWrong: number;
	startGapMs: number;
	durationGapMs: number;
}

export const TWIN_RULES = {
	/** Started within 3 minutes of each other … */
	maxStartGapMs: 3 * 60 * 1000,
	/** … and took nearly the same time: within 15 s or 10 %, whichever is larger. */
	maxDurationGapMs: 15_000,
	maxDurationGapRatio: 0.1,
	/** Sheets with fewer answered questions are too thin to compare. */
	minAnswered: 5
} as const;

const key = (ids: string[]) => [...ids].sort().join('+');

/**
 * Pairs of attempts by different people with exactly the same questions and the same choice on
 * each, started close together and with near-identical durations. The same question set with
 * all answers right is common when the bank is small, so the timing is what makes it a report.
 */
export function findTwinSheets(attempts: SheetAttempt[], rules = TWIN_RULES): TwinPair[] {
	const bySheet = new Map<string, SheetAttempt[]>();
	for (const a of attempts) {
		const answered = [...a.answers.values()].filter((x) => x.length > 0).length;
		if (answered < rules.minAnswered) continue;
		const sig = [...a.answers.entries()]
			.sort((x, y) => x[0] - y[0])
			.map(([q, ids]) => `${q}:${key(ids)}`)
			.join('|');
		let g = bySheet.get(sig);
		if (!g) bySheet.set(sig, (g = []));
		g.push(a);
	}
	const out: TwinPair[] = [];
	for (const group of bySheet.values()) {
		if (group.length < 2) continue;
		group.sort((x, y) => x.startedAt - y.startedAt);
		for (let i = 0; i < group.length; i++) {
			for (let j = i + 1; j < group.length; j++) {
				const a = group[i];
				const b = group[j];
				const startGapMs = b.startedAt - a.startedAt;
				if (startGapMs > rules.maxStartGapMs) break;
				if (a.userId === b.userId) continue;
				const durationGapMs = Math.abs(a.durationMs - b.durationMs);
				const allowed = Math.max(rules.maxDurationGapMs, rules.maxDurationGapRatio * Math.max(a.durationMs, b.durationMs));
				if (durationGapMs > allowed) continue;
				let sameWrong = 0;
				for (const [q, ids] of a.answers) {
					if (ids.length > 0 && key(ids) !== key(a.correct.get(q) ?? [])) sameWrong++;
				}
				out.push({
					a: a.attemptId,
					b: b.attemptId,
					userA: a.userId,
					userB: b.userId,
					questions: a.answers.size,
					sameWrong,
					startGapMs,
					durationGapMs
				});
			}
		}
	}
	return out.sort((x, y) => y.sameWrong - x.sameWrong || x.startGapMs - y.startGapMs);
}

// ---------------------------------------------------------------- too fast

export interface TimedAttempt {
	attemptId: number;
	userId: number;
	durationMs: number;
	/** Characters of question stems and options the attempt showed. */
	textChars: number;
	questions: number;
	answered: number;
	score: number;
}

export interface FastAttempt extends TimedAttempt {
	minimumMs: number;
}

export const FAST_RULES = {
	/** Skimming speed far above careful reading of Vietnamese text (~15–20 characters a second). */
	charsPerSecond: 50,
	/** Plus a floor per question for finding and tapping an option. */
	msPerQuestion: 1_500
} as const;

/** The least time a human needs to read what an attempt showed and tap the answers. */
export function minimumHumanMs(a: Pick<TimedAttempt, 'textChars' | 'answered'>, rules = FAST_RULES): number {
	return Math.round((a.textChars / rules.charsPerSecond) * 1000 + a.answered * rules.msPerQuestion);
}

/**
 * Finished attempts that answered something and took less than the minimum human time — a
 * script, or answers typed in from a sheet prepared elsewhere. Empty hand-ins are not flagged
 * (they only cost the person a try).
 */
export function findTooFast(attempts: TimedAttempt[], rules = FAST_RULES): FastAttempt[] {
	return attempts
		.filter((a) => a.answered > 0)
		.map((a) => ({ ...a, minimumMs: minimumHumanMs(a, rules) }))
		.filter((a) => a.durationMs < a.minimumMs)
		.sort((x, y) => x.durationMs / x.minimumMs - y.durationMs / y.minimumMs);
}

// ---------------------------------------------------------------- possible duplicate people

export interface PersonKey {
	id: number;
	nameFolded: string;
	birthDate: string;
	unitId: number;
}

export type DuplicateReason = 'name_birth_date' | 'name_unit_birth_year';

export interface DuplicatePair {
	low: number;
	high: number;
	reasons: DuplicateReason[];
}

/**
 * Possible duplicates: the same folded name (NFC, no diacritics, lower case, single spaces)
 * with the same birth date, or with the same unit and birth year. Not a block — two real people
 * can share all of that; an organiser decides. Very large groups (a common name in a big unit)
 * are capped so the list stays reviewable.
 */
export function findPossibleDuplicates(people: PersonKey[], maxGroup = 25): DuplicatePair[] {
	const pairs = new Map<string, DuplicatePair>();
	const add = (groupKey: (p: PersonKey) => string, reason: DuplicateReason) => {
		const groups = new Map<string, PersonKey[]>();
		for (const p of people) {
			const k = groupKey(p);
			let g = groups.get(k);
			if (!g) groups.set(k, (g = []));
			g.push(p);
		}
		for (const g of groups.values()) {
			if (g.length < 2) continue;
			const list = [...g].sort((a, b) => a.id - b.id).slice(0, maxGroup);
			for (let i = 0; i < list.length; i++)
				for (let j = i + 1; j < list.length; j++) {
					const k = `${list[i].id}-${list[j].id}`;
					const pair = pairs.get(k) ?? { low: list[i].id, high: list[j].id, reasons: [] };
					if (!pair.reasons.includes(reason)) pair.reasons.push(reason);
					pairs.set(k, pair);
				}
		}
	};
	add((p) => `${p.nameFolded}\u0000${p.birthDate}`, 'name_birth_date');
	add((p) => `${p.nameFolded}\u0000${p.unitId}\u0000${p.birthDate.slice(0, 4)}`, 'name_unit_birth_year');
	return [...pairs.values()].sort((a, b) => b.reasons.length - a.reasons.length || a.low - b.low || a.high - b.high);
}

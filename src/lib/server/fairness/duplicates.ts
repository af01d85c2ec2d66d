import type { Executor } from '../db';
import { formatPhone } from '../../vn/phone';
import { findPossibleDuplicates, type DuplicateReason } from './detectors';

export interface DuplicateSide {
	id: number;
	fullName: string;
	birthDate: string;
	gender: string;
	phone: string;
	email: string | null;
	hasNationalId: boolean;
	unitName: string;
	createdAt: number;
	attempts: number;
	disqualified: boolean;
}

export interface DuplicateCase {
	a: DuplicateSide;
	b: DuplicateSide;
	reasons: DuplicateReason[];
}

/** Phone with the middle hidden: "0912 *** 678". Enough to tell two records apart. */
export function maskPhone(e164: string): string {
	const local = formatPhone(e164).replace(/\s/g, '');
	return local.length < 7 ? '***' : `${local.slice(0, 4)} *** ${local.slice(-3)}`;
}

export function maskEmail(email: string): string {
	const [name, domain] = email.split('@');
	return `${name.slice(0, 2)}***@${domain ?? ''}`;
}

/** Every participant not merged away, with what the duplicate rule compares. */
export async function listPersonKeys(db: Executor) {
	const rows = await db
		.selectFrom('users')
		.select(['id', 'name_folded', 'birth_date', 'unit_id'])
		.where('merged_into', 'is', null)
		.where('role', '=', 'participant')
		.execute();
	return rows.map((c) => ({ id: c.id, nameFolded: c.name_folded, birthDate: c.birth_date, unitId: c.unit_id }));
}

/** The pairs an organiser already decided (merged or dismissed), as "low-high". */
export async function reviewedPairs(db: Executor): Promise<Set<string>> {
	return new Set(
		(await db.selectFrom('duplicate_reviews').select(['user_low', 'user_high']).execute()).map((r) => `${r.user_low}-${r.user_high}`)
	);
}

/**
 * Open possible-duplicate cases: participants (not merged away) whose names and birth dates
 * match exactly or nearly (detectors.ts), minus the pairs an organiser already decided. Near
 * matches cannot use an index on equal values, so the four compared columns of every
 * participant are read and blocked by family + given name in memory (a few MB for 100,000 people).
 */
export async function listOpenCases(db: Executor, limit = 50): Promise<{ cases: DuplicateCase[]; total: number }> {
	const pairs = findPossibleDuplicates(await listPersonKeys(db));
	if (pairs.length === 0) return { cases: [], total: 0 };
	const reviewed = await reviewedPairs(db);
	// Newest registrations first: that is where a fresh duplicate shows up while a round is running.
	const open = pairs.filter((p) => !reviewed.has(`${p.low}-${p.high}`)).sort((x, y) => y.high - x.high || y.low - x.low);
	const page = open.slice(0, limit);
	const ids = [...new Set(page.flatMap((p) => [p.low, p.high]))];
	const sides = await loadSides(db, ids);
	return {
		total: open.length,
		cases: page.map((p) => ({ a: sides.get(p.low)!, b: sides.get(p.high)!, reasons: p.reasons })).filter((c) => c.a && c.b)
	};
}

async function loadSides(db: Executor, ids: number[]): Promise<Map<number, DuplicateSide>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.selectFrom('users')
		.innerJoin('units', 'units.id', 'users.unit_id')
		.select([
			'users.id',
			'users.full_name',
			'users.birth_date',
			'users.gender',
			'users.phone',
			'users.email',
			'users.national_id_hash',
			'users.created_at',
			'users.disqualified_at',
			'units.name as unit_name'
		])
		.select((eb) =>
			eb.selectFrom('attempts').select(eb.fn.countAll<number>().as('n')).whereRef('attempts.user_id', '=', 'users.id').as('attempts')
		)
		.where('users.id', 'in', ids)
		.execute();
	return new Map(
		rows.map((r) => [
			r.id,
			{
				id: r.id,
				fullName: r.full_name,
				birthDate: r.birth_date,
				gender: r.gender,
				phone: maskPhone(r.phone),
				email: r.email ? maskEmail(r.email) : null,
				hasNationalId: r.national_id_hash != null,
				unitName: r.unit_name,
				createdAt: r.created_at,
				attempts: Number(r.attempts ?? 0),
				disqualified: r.disqualified_at != null
			}
		])
	);
}

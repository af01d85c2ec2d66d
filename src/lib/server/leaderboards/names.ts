import type { Executor } from '../db';
import { maskName } from '../../vn/text';
import { ANONYMOUS_NAME } from '../users/privacy';
import type { PersonRow, RankedEntry } from './rows';

/** The name the public sees: masked, or the anonymous label for someone erased on request. */
export function publicName(fullName: string, anonymisedAt: number | null): string {
	return anonymisedAt != null ? ANONYMOUS_NAME : maskName(fullName);
}

/** Masked names and unit names of the people shown on a public board. */
async function publicNames(db: Executor, userIds: readonly number[]): Promise<Map<number, { name: string; unitName: string }>> {
	if (userIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('users')
		.innerJoin('units', 'units.id', 'users.unit_id')
		.select(['users.id', 'users.full_name', 'users.anonymised_at', 'units.name as unit_name'])
		.where('users.id', 'in', [...userIds])
		.execute();
	return new Map(rows.map((r) => [r.id, { name: publicName(r.full_name, r.anonymised_at), unitName: r.unit_name }]));
}

/** Ranking entries as rows with the public names (one look-up for all of them). */
export async function withNames(db: Executor, entries: readonly RankedEntry[]): Promise<PersonRow[]> {
	const names = await publicNames(
		db,
		entries.map((e) => e.userId)
	);
	return entries.map((e) => ({ ...e, name: names.get(e.userId)?.name ?? '', unitName: names.get(e.userId)?.unitName ?? '' }));
}

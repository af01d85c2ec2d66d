import type { Executor } from '../db';
import { invalidate, registerCache, TtlCache } from '../cache';
import { cleanText } from '../../vn/text';
import { HANOI_CITY, type UnitListEntry } from './lists';

export interface Unit {
	id: number;
	code: string;
	name: string;
	kind: string;
	parentId: number | null;
	targetCount: number | null;
}

/** Units people can register in: active units below the city root. */
export async function listSelectable(db: Executor): Promise<Unit[]> {
	const rows = await db
		.selectFrom('units')
		.select(['id', 'code', 'name', 'kind', 'parent_id', 'target_count'])
		.where('active', '=', 1)
		.where('parent_id', 'is not', null)
		.orderBy('name')
		.execute();
	return rows.map(toUnit);
}

/** Unit levels for the board filters; units change only by import (often in another process: `npm run units:import`), so a minute's cache is plenty. */
const unitKinds = registerCache('units.kinds', new TtlCache<string[], 'kinds'>(60_000, 1), { units: 'clear' });
export function listUnitKinds(db: Executor): Promise<string[]> {
	return unitKinds.get('kinds', async () => {
		const rows = await db.selectFrom('units').select('kind').distinct().where('parent_id', 'is not', null).orderBy('kind').execute();
		return rows.map((r) => r.kind);
	});
}

export async function findByCode(db: Executor, code: string): Promise<Unit | undefined> {
	const row = await db
		.selectFrom('units')
		.select(['id', 'code', 'name', 'kind', 'parent_id', 'target_count'])
		.where('code', '=', code)
		.where('active', '=', 1)
		.executeTakeFirst();
	return row && toUnit(row);
}

/** Any unit by id, active or not (a district's past figures stay reachable). */
export async function findById(db: Executor, id: number): Promise<Unit | undefined> {
	const row = await db
		.selectFrom('units')
		.select(['id', 'code', 'name', 'kind', 'parent_id', 'target_count'])
		.where('id', '=', id)
		.executeTakeFirst();
	return row && toUnit(row);
}

/** Every unit below the city root, active or not, by name (the organisers' unit picker). */
export async function listBelowCity(db: Executor): Promise<{ id: number; name: string }[]> {
	return db.selectFrom('units').select(['id', 'name']).where('parent_id', 'is not', null).orderBy('name').execute();
}

function toUnit(r: { id: number; code: string; name: string; kind: string; parent_id: number | null; target_count: number | null }): Unit {
	return {
		id: r.id,
		code: r.code,
		name: r.name,
		kind: r.kind,
		parentId: r.parent_id,
		targetCount: r.target_count
	};
}

/**
 * Loads a unit list under the city root: inserts new codes, renames existing ones and, with
 * `deactivateOthers`, hides the units of the previous list from registration (they stay in the
 * database because past participants and attempts point at them). Run inside a transaction.
 */
export async function importList(
	db: Executor,
	entries: (UnitListEntry & { targetCount?: number | null })[],
	opts: { deactivateOthers: boolean; now?: number }
): Promise<{ inserted: number; updated: number; deactivated: number }> {
	const now = opts.now ?? Date.now();
	await db
		.insertInto('units')
		.values({ code: HANOI_CITY.code, name: HANOI_CITY.name, kind: HANOI_CITY.kind, created_at: now })
		.onConflict((oc) => oc.column('code').doNothing())
		.execute();
	const city = await db.selectFrom('units').select('id').where('code', '=', HANOI_CITY.code).executeTakeFirstOrThrow();
	let inserted = 0;
	let updated = 0;
	for (const e of entries) {
		const existing = await db.selectFrom('units').select('id').where('code', '=', e.code).executeTakeFirst();
		const values = {
			name: cleanText(e.name),
			kind: e.kind,
			parent_id: city.id,
			active: 1,
			...(e.targetCount !== undefined ? { target_count: e.targetCount } : {})
		};
		if (existing) {
			await db.updateTable('units').set(values).where('id', '=', existing.id).execute();
			updated++;
		} else {
			await db
				.insertInto('units')
				.values({ code: e.code, created_at: now, ...values })
				.execute();
			inserted++;
		}
	}
	let deactivated = 0;
	if (opts.deactivateOthers) {
		const codes = entries.map((e) => e.code);
		const res = await db
			.updateTable('units')
			.set({ active: 0 })
			.where('parent_id', '=', city.id)
			.where('active', '=', 1)
			.$if(codes.length > 0, (q) => q.where('code', 'not in', codes))
			.executeTakeFirst();
		deactivated = Number(res.numUpdatedRows);
	}
	invalidate(db, 'units');
	return { inserted, updated, deactivated };
}

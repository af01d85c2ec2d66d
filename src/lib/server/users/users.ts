import type { Conn, Executor, Program } from '../db';
import { lockingRowsOf } from '../db/sql';
import type { NewUser, Role } from '../db/types';

export async function insertUser(db: Executor, user: NewUser): Promise<number> {
	const row = await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
	return row.id;
}

/** Login identifier: normalised phone (E.164) or lowercased email. */
export async function findForLogin(
	db: Executor,
	by: { phone: string } | { email: string }
): Promise<{ id: number; passwordHash: string; role: Role; deactivatedAt: number | null } | undefined> {
	let q = db.selectFrom('users').select(['id', 'password_hash', 'role', 'deactivated_at']);
	q = 'phone' in by ? q.where('phone', '=', by.phone) : q.where('email', '=', by.email);
	const row = await q.executeTakeFirst();
	return row && { id: row.id, passwordHash: row.password_hash, role: row.role, deactivatedAt: row.deactivated_at };
}

/** A person's birth date (YYYY-MM-DD) for the questions fit for their age: a statement program (attempt start). */
export function* findBirthDateIn(c: Conn, userId: number): Program<string | null> {
	const r = yield* c.get<{ birth_date: string | null }>('select birth_date from users where id = ?', userId);
	return r?.birth_date ?? null;
}

/** The same birth date through Kysely, outside a statement program (practice's age fit). */
export async function findBirthDate(db: Executor, userId: number): Promise<string | null> {
	const r = await db.selectFrom('users').select('birth_date').where('id', '=', userId).executeTakeFirst();
	return r?.birth_date ?? null;
}

export async function countUsers(db: Executor): Promise<number> {
	const r = await db
		.selectFrom('users')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

/** One person's own account, for the account page and profile edits (the route whitelists it). */
export interface ProfileRow {
	id: number;
	fullName: string;
	phone: string;
	email: string | null;
	nationalIdHash: string | null;
	unitId: number;
	unitCode: string;
	unitName: string;
	passwordHash: string;
	consentAt: number;
	consentVersion: string;
	guardianConfirmedAt: number | null;
	anonymisedAt: number | null;
	mergedInto: number | null;
}

/**
 * A person's profile; `lock` (inside a transaction that then writes it) keeps their users row locked
 * until the transaction ends, so that concurrent edits of one person take their turns.
 */
export async function findProfile(db: Executor, userId: number, { lock = false } = {}): Promise<ProfileRow | undefined> {
	const query = db
		.selectFrom('users')
		.innerJoin('units', 'units.id', 'users.unit_id')
		.select([
			'users.id',
			'users.full_name',
			'users.phone',
			'users.email',
			'users.national_id_hash',
			'users.unit_id',
			'units.code as unit_code',
			'units.name as unit_name',
			'users.password_hash',
			'users.consent_at',
			'users.consent_version',
			'users.guardian_confirmed_at',
			'users.anonymised_at',
			'users.merged_into'
		])
		.where('users.id', '=', userId);
	const r = await (lock ? lockingRowsOf(db, query, 'users') : query).executeTakeFirst();
	return (
		r && {
			id: r.id,
			fullName: r.full_name,
			phone: r.phone,
			email: r.email,
			nationalIdHash: r.national_id_hash,
			unitId: r.unit_id,
			unitCode: r.unit_code,
			unitName: r.unit_name,
			passwordHash: r.password_hash,
			consentAt: r.consent_at,
			consentVersion: r.consent_version,
			guardianConfirmedAt: r.guardian_confirmed_at,
			anonymisedAt: r.anonymised_at,
			mergedInto: r.merged_into
		}
	);
}

/**
 * Writes a person's identity fields. Phone, email and CCCD hash are UNIQUE in the schema: a
 * value held by someone else makes this throw (see uniqueFieldErrors in accounts.ts).
 */
export async function updateIdentity(
	db: Executor,
	userId: number,
	fields: { fullName: string; nameFolded: string; phone: string; email: string | null; nationalIdHash: string | null; unitId: number }
): Promise<void> {
	await db
		.updateTable('users')
		.set({
			full_name: fields.fullName,
			name_folded: fields.nameFolded,
			phone: fields.phone,
			email: fields.email,
			national_id_hash: fields.nationalIdHash,
			unit_id: fields.unitId
		})
		.where('id', '=', userId)
		.execute();
}

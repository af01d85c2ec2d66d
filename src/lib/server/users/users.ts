import type { Executor } from '../db';
import type { NewUser, Role } from '../db/types';

export async function insertUser(db: Executor, user: NewUser): Promise<number> {
	const row = await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
	return row.id;
}

/** Login identifier: normalised phone (E.164) or lowercased email. */
export async function findForLogin(
	db: Executor,
	by: { phone: string } | { email: string }
): Promise<{ id: number; passwordHash: string; role: Role } | undefined> {
	let q = db.selectFrom('users').select(['id', 'password_hash', 'role']);
	q = 'phone' in by ? q.where('phone', '=', by.phone) : q.where('email', '=', by.email);
	const row = await q.executeTakeFirst();
	return row && { id: row.id, passwordHash: row.password_hash, role: row.role };
}

export async function countUsers(db: Executor): Promise<number> {
	const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(r.n);
}

import { PostgresAdapter, type Kysely } from 'kysely';

/** The two database engines hoithi runs on: SQLite (the embedded default) and PostgreSQL. */
export type Dialect = 'sqlite' | 'postgres';

/** A connection URL of PostgreSQL (`postgres://…` or `postgresql://…`); anything else is a SQLite file. */
export function isPostgresUrl(target: string): boolean {
	return /^postgres(ql)?:\/\//i.test(target);
}

/** Which engine a database, a transaction or a migration's `Kysely<any>` talks to. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function dialectOf(db: Kysely<any>): Dialect {
	return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** A connection URL with its password replaced by `***`, for logs and messages. */
export function redactUrl(url: string): string {
	try {
		const u = new URL(url);
		if (u.password) u.password = '***';
		return u.toString();
	} catch {
		return url.replace(/:[^:@/]*@/, ':***@');
	}
}

/** Which database the app is configured for, for messages: the PostgreSQL URL without its password, or the SQLite file. */
export function databaseLabel(c: { DATABASE_URL?: string; DATABASE_PATH: string }): string {
	return c.DATABASE_URL ? redactUrl(c.DATABASE_URL) : c.DATABASE_PATH;
}

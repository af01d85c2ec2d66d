/**
 * Statement programs: the few statements of one step of the hot path (start, autosave, hand-in, the
 * session lookup, a rate limit …), written once for both engines as a generator that asks its
 * connection for each statement with `yield*`:
 *
 *   function* findAttempt(c: Conn, id: number): Program<AttemptRow | undefined> {
 *     return yield* c.get<AttemptRow>('select * from attempts where id = ?', id);
 *   }
 *
 * Programs call each other the same way (`const a = yield* findAttempt(c, id)`) and are run by
 * `exclusive` (one write transaction) or `withConn` (db/index.ts). On SQLite the connection runs
 * each statement at once, synchronously (better-sqlite3: a cached prepared statement), so nothing is
 * ever yielded: the whole program runs in one go inside BEGIN IMMEDIATE … COMMIT, with no await and
 * nothing interleaved, as the hot path always did. On PostgreSQL the connection yields the statement
 * to an asynchronous runner, which sends it on the transaction's pooled client and resumes the
 * program with the answer (or throws the error into it). SQL is written once, with `?` placeholders.
 *
 * Write programs as named generator functions and pass their arguments —
 * `exclusive(db, (c) => submitOnce(c, userId, attemptId))` — not as a generator written inline
 * (`exclusive(db, function* (c) { … })`): V8 builds a new generator function, with its own
 * prototype object, every time such an expression runs, which costs about 2 µs (measured on
 * Node 20) — more than the statement it wraps. An arrow calling a named generator costs nothing.
 */

/** A statement a program waits for: what an asynchronous connection yields to its runner. */
export interface Statement {
	sql: string;
	params: readonly unknown[];
	/** What the program is resumed with: the rows (get, all) or `{ changes }` (run). */
	answer: 'rows' | 'changes';
}

/**
 * A program answering T, run by exclusive/withConn: a generator (what `function*` makes), or one of
 * the synchronous connection's finished statements (Done), which `yield*` takes the same way.
 */
export interface Program<T> {
	next(answer?: unknown): IteratorResult<Statement, T>;
	throw?(e: unknown): IteratorResult<Statement, T>;
	return?(value: T): IteratorResult<Statement, T>;
	[Symbol.iterator](): Program<T>;
}

/**
 * A connection inside a program. Each method is a program of one statement: `yield*` it at once.
 * (SQLite's connection runs the statement when the method is called, PostgreSQL's when it is
 * yielded: code that must catch a statement's error wraps the call itself, `() => c.run(…)`.)
 * The SQL is portable (both engines), with `?` placeholders.
 */
export interface Conn {
	/** The first row, or undefined. */
	get<T>(sql: string, ...params: unknown[]): Program<T | undefined>;
	/**
	 * The first row, locked until the transaction ends, for a program that reads a row and then
	 * writes depending on what it read (an attempt's status, a bucket's tokens): PostgreSQL adds
	 * `for update`, so a concurrent transaction on the same row waits; SQLite needs nothing (one
	 * writer at a time, and `exclusive` holds the write lock from its first statement).
	 */
	getForUpdate<T>(sql: string, ...params: unknown[]): Program<T | undefined>;
	all<T>(sql: string, ...params: unknown[]): Program<T[]>;
	/** A write; `changes` is the number of rows it inserted, updated or deleted. */
	run(sql: string, ...params: unknown[]): Program<{ changes: number }>;
	/** An insert of one row into a table with an `id` column: the new row's id (SQLite's rowid; PostgreSQL adds `returning id`). */
	insert(sql: string, ...params: unknown[]): Program<number>;
}

/** A prepared statement as better-sqlite3 has it (what the SQLite connection needs of one). */
interface Prepared {
	get(...params: unknown[]): unknown;
	all(...params: unknown[]): unknown[];
	run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
}

/**
 * A statement the synchronous connection has run already: a program that is over before it starts,
 * answering `value`. Cheaper than a generator (no suspended frame to allocate), and each statement of
 * the hot path is one of these on SQLite.
 */
class Done<T> implements Program<T> {
	constructor(private readonly value: T) {}
	next(): IteratorResult<Statement, T> {
		return { done: true, value: this.value };
	}
	[Symbol.iterator](): Program<T> {
		return this;
	}
}

/** The synchronous connection: each statement runs at once on `prepare(sql)` (a statement cache). */
export function synchronousConn(prepare: (sql: string) => Prepared): Conn {
	return {
		get: <T>(sql: string, ...params: unknown[]) => new Done(prepare(sql).get(...params) as T | undefined),
		getForUpdate: <T>(sql: string, ...params: unknown[]) => new Done(prepare(sql).get(...params) as T | undefined),
		all: <T>(sql: string, ...params: unknown[]) => new Done(prepare(sql).all(...params) as T[]),
		run: (sql: string, ...params: unknown[]) => new Done<{ changes: number }>(prepare(sql).run(...params)),
		insert: (sql: string, ...params: unknown[]) => new Done(Number(prepare(sql).run(...params).lastInsertRowid))
	};
}

/**
 * The asynchronous connection (PostgreSQL): each statement is yielded to the runner, which resumes
 * the program with its rows or its count of changed rows (asyncRun). `getForUpdate` adds
 * `for update`: the rows it reads stay locked until the transaction ends.
 */
export function asyncConn(): Conn {
	return {
		*get<T>(sql: string, ...params: unknown[]): Program<T | undefined> {
			return ((yield { sql, params, answer: 'rows' }) as T[])[0];
		},
		*getForUpdate<T>(sql: string, ...params: unknown[]): Program<T | undefined> {
			return ((yield { sql: `${sql} for update`, params, answer: 'rows' }) as T[])[0];
		},
		*all<T>(sql: string, ...params: unknown[]): Program<T[]> {
			return (yield { sql, params, answer: 'rows' }) as T[];
		},
		*run(sql: string, ...params: unknown[]): Program<{ changes: number }> {
			return (yield { sql, params, answer: 'changes' }) as { changes: number };
		},
		*insert(sql: string, ...params: unknown[]): Program<number> {
			return ((yield { sql: `${sql} returning id`, params, answer: 'rows' }) as { id: number }[])[0].id;
		}
	};
}

/** How the asynchronous runner sends one statement: its rows and its count of changed rows. */
export type Send = (sql: string, params: readonly unknown[]) => Promise<{ rows: unknown[]; rowCount: number | null }>;

/**
 * Runs a program on an asynchronous connection (asyncConn) to its end: each statement it yields is
 * sent with `send` and awaited; the program resumes with the answer, or the error is thrown into
 * it (it may catch it, as SQLite's connection would throw it there).
 */
export async function asyncRun<T>(program: Program<T>, send: Send): Promise<T> {
	let step = program.next();
	while (!step.done) {
		const st = step.value;
		let answer: unknown;
		try {
			const r = await send(st.sql, st.params);
			answer = st.answer === 'rows' ? r.rows : { changes: r.rowCount ?? 0 };
		} catch (e) {
			if (!program.throw) throw e;
			step = program.throw(e);
			continue;
		}
		step = program.next(answer);
	}
	return step.value;
}

/** A program of plain code and no statement: runs `fn` when the program is run (e.g. inside a transaction). */
// eslint-disable-next-line require-yield -- no statement to wait for
export function* plain<T>(fn: () => T): Program<T> {
	return fn();
}

/**
 * Runs a program on the synchronous connection to its end and answers its value (or throws its
 * error). Nothing on that connection yields, so one step finishes it; a program that yields anyway
 * waits for a statement no one will run — a bug, refused.
 */
export function runToEnd<T>(program: Program<T>): T {
	const step = program.next();
	if (step.done) return step.value;
	program.return?.(undefined as T);
	throw new Error('a statement program waited for a statement on the synchronous connection (SQLite runs each at once)');
}

/**
 * `?, ?, ?` for `n` values: an id list as plain placeholders, the same on both engines (`in (…)`).
 * The statement's text is the statement caches' key: one per count, and counts are few (a round's
 * question count).
 */
export function valueList(n: number): string {
	return new Array(n).fill('?').join(', ');
}

/** `(?, ?), (?, ?)`: `rows` rows of `width` values, for a multi-row insert (one statement, one round trip). */
export function valueRows(rows: number, width: number): string {
	return new Array(rows).fill(`(${valueList(width)})`).join(', ');
}

import type { Executor } from '../db';
import * as repo from './repo';
import type { GameQuestion, GameRow } from './repo';

/**
 * Per-process memory of the live games (issue 14): the game row (refreshed whenever a newer
 * version is seen), the pinned questions (fixed once the room is open) and players' ids by device
 * hash or account (an id never changes). With these an answer costs one INSERT (repo.ts
 * insertAnswerIfCurrent checks in that statement that the row it was judged against is still the
 * game's version, so a stale memory can never let a late answer in — it only costs a re-read).
 */

interface GameEntry {
	row: GameRow;
	questions: GameQuestion[] | null;
	/** When the row was last read from the database (Date.now()). */
	readAt: number;
}

const games = new Map<number, GameEntry>();
const idByCode = new Map<string, number>();
/** `${gameId}:d:${deviceHash}` / `${gameId}:u:${userId}` → player id. */
const players = new Map<string, number>();
const MAX_PLAYERS = 200_000;

/** Remembers `row` unless a newer version of it is remembered already. */
export function remember(row: GameRow, readAt = Date.now()): GameRow {
	const cur = games.get(row.id);
	if (cur && cur.row.version > row.version) return cur.row;
	if (cur) {
		cur.row = row;
		cur.readAt = readAt;
	} else games.set(row.id, { row, questions: null, readAt });
	idByCode.set(row.code, row.id);
	return row;
}

/** The game by its room code: remembered, or read (and remembered). */
export async function gameByCode(db: Executor, code: string): Promise<GameRow | undefined> {
	const id = idByCode.get(code);
	const known = id === undefined ? undefined : games.get(id)?.row;
	if (known) return known;
	const row = await repo.findGameByCode(db, code);
	return row ? remember(row) : undefined;
}

/** The game read now from the database (and remembered). */
export async function freshGame(db: Executor, id: number): Promise<GameRow | undefined> {
	const row = await repo.findGameById(db, id);
	return row ? remember(row) : undefined;
}

const reading = new Map<number, Promise<GameRow | undefined>>();

/**
 * The game as the database has it now — give or take `maxAgeMs`: a row read that recently is
 * taken as is, and reads at the same moment are one (5,000 phones reconnecting after a Wi-Fi blip
 * read the row a handful of times, not 5,000). For a stream's first message: a process that has
 * not watched the game for a while may remember an old version.
 */
export async function currentGame(db: Executor, id: number, maxAgeMs = 50): Promise<GameRow | undefined> {
	const entry = games.get(id);
	if (entry && Date.now() - entry.readAt <= maxAgeMs) return entry.row;
	let p = reading.get(id);
	if (!p) {
		p = freshGame(db, id).finally(() => reading.delete(id));
		reading.set(id, p);
	}
	return p;
}

/**
 * The game at least at `version`: remembered, or read — once, however many streams of this
 * process ask at the same moment (5,000 phones hearing of one version read the row once).
 */
export async function gameAt(db: Executor, id: number, version: number): Promise<GameRow | undefined> {
	const known = games.get(id)?.row;
	if (known && known.version >= version) return known;
	let p = reading.get(id);
	if (!p) {
		p = freshGame(db, id).finally(() => reading.delete(id));
		reading.set(id, p);
	}
	const row = await p;
	// Read before the version was committed everywhere (another process's poll saw it first): once more.
	if (row && row.version < version) return freshGame(db, id);
	return row;
}

/**
 * The game's questions. Pinned when the room opens (live-setup) and never changed after; their
 * `opened_at`/`closed_at` are not read from here (the game row says what is open).
 */
export async function questionsOf(db: Executor, game: GameRow): Promise<GameQuestion[]> {
	if (!games.has(game.id)) remember(game);
	const entry = games.get(game.id)!;
	// A draft may still be edited by its organiser: read it every time until the room is open.
	if (entry.questions && game.status !== 'draft') return entry.questions;
	const qs = await repo.gameQuestions(db, game.id);
	if (game.status !== 'draft') entry.questions = qs;
	return qs;
}

function playerKey(gameId: number, by: { deviceHash?: string | null; userId?: number | null }): string | null {
	if (by.userId != null) return `${gameId}:u:${by.userId}`;
	if (by.deviceHash) return `${gameId}:d:${by.deviceHash}`;
	return null;
}

export function knownPlayer(gameId: number, by: { deviceHash?: string | null; userId?: number | null }): number | undefined {
	const key = playerKey(gameId, by);
	return key ? players.get(key) : undefined;
}

export function rememberPlayer(gameId: number, by: { deviceHash?: string | null; userId?: number | null }, playerId: number): void {
	const key = playerKey(gameId, by);
	if (!key) return;
	if (players.size >= MAX_PLAYERS) players.delete(players.keys().next().value!);
	players.set(key, playerId);
}

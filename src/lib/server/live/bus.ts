/**
 * The one small broadcast interface of the live hội thi (issue 14 item 6). A game's state lives in
 * the database (live_games.version grows by one on every change a screen must show); the bus only
 * says "game G changed" to whoever streams it in this process. Two halves:
 *
 * - in-process: a write in this process calls `publish(gameId)` after its commit, and this
 *   process's streams hear of it at once (one read of the version, no waiting for the poll);
 * - across processes: every `POLL_MS` (50 ms) the bus reads the version of the games that have local
 *   subscribers (one indexed query for all of them), and — for subscribers that asked for it,
 *   the big screen and the host — the game's activity (answers so far, players joining), at most every
 *   `ACTIVITY_MS`. A host's command handled by worker 1 thus reaches the players streaming from
 *   worker 2 within ~50 ms, on SQLite and PostgreSQL alike; a game nobody here watches costs nothing.
 *
 * Fanning out over several machines later needs no other change than a faster transport behind
 * this interface (PostgreSQL LISTEN/NOTIFY, Redis): the streams only ever see `subscribe`.
 */

/**
 * What a subscriber hears: the game's version now, and (for subscribers that asked for it) the
 * game's activity — a number that moves without a new version: answers to the current question,
 * players joining the lobby, judges' scores coming in (what it counts is the source's business).
 */
export interface LiveChange {
	gameId: number;
	version: number;
	/** null for subscribers that did not ask. */
	activity: number | null;
}

export interface LiveBus {
	/** Game `gameId` changed (call after the commit): local subscribers hear of it at once, other processes by the poll. */
	publish(gameId: number): void;
	/** Hears of every change of the game from now on; returns the unsubscribe. */
	subscribe(gameId: number, onChange: (change: LiveChange) => void, opts?: { activity?: boolean }): () => void;
}

/** What the bus reads from the database (repo.ts), injected so that the bus knows no SQL. */
export interface BusSource {
	/** id, version, and the current position and phase of each of these games. */
	versions(gameIds: readonly number[]): Promise<{ id: number; version: number; position: number; phase: string }[]>;
	/** The game's activity in this phase and position (e.g. the answers to the current question). */
	activity(game: { id: number; version: number; position: number; phase: string }): Promise<number>;
}

const POLL_MS = 50;
/** The activity is read (and sent to screens) at most this often: ~4 updates a second. */
const ACTIVITY_MS = 250;

interface Subscriber {
	onChange: (change: LiveChange) => void;
	activity: boolean;
}

interface Watched {
	subs: Set<Subscriber>;
	/** How many of them asked for the activity (a count, not a scan of thousands of phones every poll). */
	activitySubs: number;
	version: number | null;
	activity: number | null;
	activityAt: number;
}

/** A bus over `source`; the poll runs only while some game has a subscriber here. */
export function createBus(source: BusSource, opts: { pollMs?: number; activityMs?: number } = {}): LiveBus & { close(): void } {
	const pollMs = opts.pollMs ?? POLL_MS;
	const activityMs = opts.activityMs ?? ACTIVITY_MS;
	const games = new Map<number, Watched>();
	let timer: ReturnType<typeof setInterval> | null = null;
	let polling: Promise<void> | null = null;
	/** Games published locally while a poll was running: read again right after it. */
	const urgent = new Set<number>();

	function notify(id: number, w: Watched, versionChanged: boolean, activityChanged: boolean) {
		if (w.version == null) return;
		for (const s of w.subs) {
			if (!versionChanged && !(activityChanged && s.activity)) continue;
			try {
				s.onChange({ gameId: id, version: w.version, activity: s.activity ? w.activity : null });
			} catch (e) {
				console.error('[hoithi] a live subscriber failed', e);
			}
		}
	}

	async function read(ids: number[], forceActivity: boolean) {
		if (ids.length === 0) return;
		const rows = await source.versions(ids);
		const now = Date.now();
		for (const row of rows) {
			const w = games.get(row.id);
			if (!w) continue;
			const versionChanged = w.version !== row.version;
			w.version = row.version;
			let activityChanged = false;
			if (w.activitySubs > 0 && (forceActivity || versionChanged || now - w.activityAt >= activityMs)) {
				w.activityAt = now;
				const n = await source.activity(row);
				activityChanged = n !== w.activity;
				w.activity = n;
			}
			notify(row.id, w, versionChanged, activityChanged);
		}
	}

	function poll(ids: number[], forceActivity = false): Promise<void> {
		if (polling) {
			for (const id of ids) urgent.add(id);
			return polling;
		}
		polling = read(ids, forceActivity)
			.catch((e) => console.error('[hoithi] the live bus could not read the games', e))
			.finally(() => {
				polling = null;
				if (urgent.size) {
					const again = [...urgent].filter((id) => games.has(id));
					urgent.clear();
					void poll(again, true);
				}
			});
		return polling;
	}

	function ensureTimer() {
		if (timer || games.size === 0) return;
		timer = setInterval(() => void poll([...games.keys()]), pollMs);
		timer.unref?.();
	}

	function stopTimerIfIdle() {
		if (timer && games.size === 0) {
			clearInterval(timer);
			timer = null;
		}
	}

	return {
		publish(gameId) {
			if (games.has(gameId)) void poll([gameId], true);
		},
		subscribe(gameId, onChange, o = {}) {
			let w = games.get(gameId);
			if (!w) {
				w = { subs: new Set(), activitySubs: 0, version: null, activity: null, activityAt: 0 };
				games.set(gameId, w);
			}
			const sub: Subscriber = { onChange, activity: !!o.activity };
			w.subs.add(sub);
			if (sub.activity) w.activitySubs++;
			ensureTimer();
			return () => {
				const cur = games.get(gameId);
				if (!cur) return;
				if (cur.subs.delete(sub) && sub.activity) cur.activitySubs--;
				if (cur.subs.size === 0) games.delete(gameId);
				stopTimerIfIdle();
			};
		},
		close() {
			games.clear();
			stopTimerIfIdle();
		}
	};
}

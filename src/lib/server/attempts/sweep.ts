import os from 'node:os';
import { exclusive, type Db } from '../db';
import { tryLease } from '../db/lease';
import { ORIGIN, pruneEvents } from '../db/cache-events';
import { pruneLimits } from '../auth/limits';
import { pruneExpired } from '../questions/pending-imports';
import { expireOverdue } from './service';

/**
 * The periodic sweep: closes and scores attempts nobody handed in once their deadline (and grace)
 * has passed, and deletes shared state that has run out — refilled rate buckets, forgotten
 * back-offs, expired uploads, old cache events. Every server process runs the timer; the one that
 * holds the 'sweep' lease does the work (renewed on every run; another process takes over within
 * LEASE_MS after its holder dies). Correct with several at once too (attempts close only while
 * open), it would only be the same work N times.
 */
const SWEEP_MS = 30_000;
const LEASE_MS = 3 * SWEEP_MS;
const HOLDER = `${os.hostname()}/${process.pid}/${ORIGIN}`;

export interface Swept {
	expired: number;
	pruned: { limits: number; imports: number; events: number };
}

/** One run: null when another process holds the lease. */
export async function sweep(db: Db, now = Date.now()): Promise<Swept | null> {
	if (!(await exclusive(db, (c) => tryLease(c, 'sweep', HOLDER, now, LEASE_MS)))) return null;
	const expired = await expireOverdue(db, now);
	const pruned = { limits: await pruneLimits(db, now), imports: await pruneExpired(db, now), events: await pruneEvents(db, now) };
	return { expired, pruned };
}

/** Runs the sweep every SWEEP_MS for as long as the process runs (hooks.server.ts init). */
export function startSweeping(db: () => Db): void {
	const timer = setInterval(() => {
		sweep(db()).catch((e) => console.error('[hoithi] the sweep failed', e));
	}, SWEEP_MS);
	timer.unref();
}

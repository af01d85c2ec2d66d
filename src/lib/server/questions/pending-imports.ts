import { randomBytes } from 'node:crypto';
import type { ImportPlan, ImportReport } from './bank';

/**
 * Validated uploads waiting for the organiser's "confirm", kept on the server under a random
 * token bound to the uploader, for 30 minutes. The browser never sends rows back, so what is
 * written is exactly what was checked. In memory: one server process (DESIGN.md); a restart
 * only means uploading the file again.
 */
const TTL_MS = 30 * 60 * 1000;
const MAX_ENTRIES = 20;

interface Entry {
	userId: number;
	plan: ImportPlan;
	report: ImportReport;
	fileName: string;
	expiresAt: number;
}

const store = new Map<string, Entry>();

function sweep(now: number) {
	for (const [k, e] of store) if (e.expiresAt <= now) store.delete(k);
	while (store.size >= MAX_ENTRIES) store.delete(store.keys().next().value!);
}

export function put(userId: number, fileName: string, plan: ImportPlan, report: ImportReport, now = Date.now()): string {
	sweep(now);
	// One pending upload per person: a new preview replaces the previous one.
	for (const [k, e] of store) if (e.userId === userId) store.delete(k);
	const token = randomBytes(18).toString('base64url');
	store.set(token, { userId, plan, report, fileName, expiresAt: now + TTL_MS });
	return token;
}

/** The pending upload, only for the person who uploaded it and only once. */
export function take(userId: number, token: string, now = Date.now()): Entry | undefined {
	const e = store.get(token);
	if (!e || e.userId !== userId || e.expiresAt <= now) return undefined;
	store.delete(token);
	return e;
}

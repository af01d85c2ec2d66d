import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { getDb, migrateToLatest } from '$lib/server/db';
import { followCacheEvents } from '$lib/server/cache';
import { startSweeping } from '$lib/server/attempts/sweep';
import { SERVER_ERROR_MESSAGE } from '$lib/server/http';
import { registerFrontDoor } from '$lib/server/api/node';
import { handleOf, PIPELINE } from '$lib/server/pipeline';

/**
 * Every export here needs a line in pipeline.ts HOOK_EXPORTS, and `handle` is made of pipeline
 * steps only: the production server answers the hottest API paths without SvelteKit, and each
 * step says what happens there instead (pipeline.spec.ts holds both to it).
 */

/**
 * Migrations run at start-up, so a deployed build never serves an old schema — by the process
 * itself, or with several workers by the cluster primary before it starts them (scripts/serve.js:
 * HOITHI_ROLE=worker), so that they do not race at it; HOITHI_ROLE=migrate is that step alone.
 */
export const init: ServerInit = async () => {
	const role = process.env.HOITHI_ROLE;
	if (role !== 'worker') {
		const applied = await migrateToLatest(getDb());
		if (applied.length) console.log(`[hoithi] migrations applied: ${applied.join(', ')}`);
	}
	if (role === 'migrate') return;
	// What other processes on the same database invalidate (cache.ts).
	await followCacheEvents(getDb());
	// Attempts nobody submitted are closed and scored shortly after their deadline; expired shared state goes.
	startSweeping(getDb);
	// For the production entry (scripts/serve.js): security headers, the hot API, then SvelteKit.
	registerFrontDoor();
};

/** Security headers, the API write rule, form bodies, who is asking (pipeline.ts). */
export const handle = handleOf(PIPELINE);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return {
		message: status === 404 ? 'Không tìm thấy trang bạn cần.' : SERVER_ERROR_MESSAGE
	};
};

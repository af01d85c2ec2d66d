import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { getDb, migrateToLatest } from '$lib/server/db';
import { expireOverdue } from '$lib/server/attempts/service';
import { SERVER_ERROR_MESSAGE } from '$lib/server/http';
import { registerFrontDoor } from '$lib/server/api/node';
import { handleOf, PIPELINE } from '$lib/server/pipeline';

/**
 * Every export here needs a line in pipeline.ts HOOK_EXPORTS, and `handle` is made of pipeline
 * steps only: the production server answers the hottest API paths without SvelteKit, and each
 * step says what happens there instead (pipeline.spec.ts holds both to it).
 */

/** Migrations run at start-up, so a deployed build never serves an old schema. */
export const init: ServerInit = async () => {
	const applied = await migrateToLatest(getDb());
	if (applied.length) console.log(`[hoithi] migrations applied: ${applied.join(', ')}`);
	// Attempts nobody submitted are closed and scored shortly after their deadline.
	const timer = setInterval(() => {
		expireOverdue(getDb()).catch((e) => console.error('[hoithi] expiring attempts failed', e));
	}, 30_000);
	timer.unref();
	// For the production entry (scripts/serve.js): security headers, the hot API, then SvelteKit.
	registerFrontDoor();
};

/** Security headers, the API write rule, form bodies, who is asking (pipeline.ts). */
export const handle = handleOf(PIPELINE);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return {
		message:
			status === 404
				? 'Không tìm thấy trang bạn cần.'
				: SERVER_ERROR_MESSAGE
	};
};

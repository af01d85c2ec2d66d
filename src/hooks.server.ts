import { json, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getDb, migrateToLatest } from '$lib/server/db';
import { identify } from '$lib/server/auth/request';
import { expireOverdue } from '$lib/server/attempts/service';
import { NON_PAGE_CSP, refuseApiWrite, SECURITY_HEADERS, SERVER_ERROR_MESSAGE } from '$lib/server/http';
import { registerHotApi } from '$lib/server/api/node';

/** Migrations run at start-up, so a deployed build never serves an old schema. */
export const init: ServerInit = async () => {
	const applied = await migrateToLatest(getDb());
	if (applied.length) console.log(`[hoithi] migrations applied: ${applied.join(', ')}`);
	// Attempts nobody submitted are closed and scored shortly after their deadline.
	const timer = setInterval(() => {
		expireOverdue(getDb()).catch((e) => console.error('[hoithi] expiring attempts failed', e));
	}, 30_000);
	timer.unref();
	// Production entry (scripts/serve.js) answers the hot attempt API before SvelteKit (api/node.ts).
	registerHotApi();
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [k, v] of Object.entries(SECURITY_HEADERS)) response.headers.set(k, v);
	// Pages carry kit.csp's policy; JSON (the API, __data.json) gets the one for non-pages.
	const type = response.headers.get('content-type') ?? '';
	if (!response.headers.has('content-security-policy') && (event.url.pathname.startsWith('/api/') || type.startsWith('application/json')))
		response.headers.set('content-security-policy', NON_PAGE_CSP);
	return response;
};

/**
 * State-changing API requests: our own pages' JSON only (http.ts refuseApiWrite — the rule the hot
 * path in api/node.ts applies too). SvelteKit itself has already refused form-typed bodies from
 * other origins before the hooks run; this adds JSON-less and Origin-less requests and foreign JSON.
 */
const apiWrites: Handle = async ({ event, resolve }) => {
	if (event.url.pathname.startsWith('/api/')) {
		const { request } = event;
		const refused = refuseApiWrite(
			{ method: request.method, origin: request.headers.get('origin'), contentType: request.headers.get('content-type') },
			event.url.origin
		);
		if (refused) return json({ message: refused.message }, { status: refused.status });
	}
	return resolve(event);
};

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Form actions read `request.formData()`, which throws on bodies that are not forms — notably
 * text/plain, which browsers may send cross-site and SvelteKit lets through to actions. Refuse
 * those (and bodiless posts) up front with 415 instead of letting the action fail with a 500.
 * The JSON API under /api/ validates its own bodies (http.ts parseJsonText).
 */
const formBodies: Handle = async ({ event, resolve }) => {
	const { method } = event.request;
	if (method !== 'GET' && method !== 'HEAD' && !event.url.pathname.startsWith('/api/')) {
		const type = (event.request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
		if (!FORM_TYPES.includes(type)) {
			return new Response('Dữ liệu gửi lên phải là biểu mẫu (form).', {
				status: 415,
				headers: { 'content-type': 'text/plain; charset=utf-8' }
			});
		}
	}
	return resolve(event);
};

/** Who is asking (auth/request.ts, shared with the hot API). */
const auth: Handle = async ({ event, resolve }) => {
	const who = await identify(event.cookies);
	event.locals.user = who.user;
	event.locals.session = who.session;
	event.locals.deviceId = who.deviceId;
	return resolve(event);
};

export const handle = sequence(securityHeaders, apiWrites, formBodies, auth);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return {
		message:
			status === 404
				? 'Không tìm thấy trang bạn cần.'
				: SERVER_ERROR_MESSAGE
	};
};

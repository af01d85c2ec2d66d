import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getDb, migrateToLatest } from '$lib/server/db';
import {
	SESSION_COOKIE,
	deleteSessionCookie,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/sessions';
import { expireOverdue } from '$lib/server/attempts/service';
import { ensureDeviceId } from '$lib/server/fairness/fingerprint';

/** Migrations run at start-up, so a deployed build never serves an old schema. */
export const init: ServerInit = async () => {
	const applied = await migrateToLatest(getDb());
	if (applied.length) console.log(`[hoithi] migrations applied: ${applied.join(', ')}`);
	// Attempts nobody submitted are closed and scored shortly after their deadline.
	const timer = setInterval(() => {
		expireOverdue(getDb()).catch((e) => console.error('[hoithi] expiring attempts failed', e));
	}, 30_000);
	timer.unref();
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	return response;
};

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Form actions read `request.formData()`, which throws on bodies that are not forms — notably
 * text/plain, which browsers may send cross-site and SvelteKit lets through to actions. Refuse
 * those (and bodiless posts) up front with 415 instead of letting the action fail with a 500.
 * The JSON API under /api/ validates its own bodies (http.ts readJson).
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

/** The one place that reads the session cookie (STYLE.md convention 2). */
const auth: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.session = null;
	// Fairness: a first-party device id for everyone; only its keyed hash is ever stored.
	event.locals.deviceId = ensureDeviceId(event.cookies);
	if (token) {
		const res = await validateSessionToken(getDb(), token);
		if (res) {
			event.locals.user = res.user;
			event.locals.session = res.session;
			// The cookie is re-sent only when the expiry slid forward: no Set-Cookie on every answer.
			if (res.extended) setSessionCookie(event.cookies, token, res.session.expiresAt);
		} else {
			deleteSessionCookie(event.cookies);
		}
	}
	return resolve(event);
};

export const handle = sequence(securityHeaders, formBodies, auth);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return {
		message:
			status === 404
				? 'Không tìm thấy trang bạn cần.'
				: 'Đã có lỗi xảy ra phía máy chủ. Câu trả lời đã lưu của bạn không bị mất — vui lòng thử lại sau ít phút.'
	};
};

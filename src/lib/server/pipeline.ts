import { json, type Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { identify } from './auth/request';
import { NON_PAGE_CSP, notModified, refuseApiWrite, SECURITY_HEADERS } from './http';
import { answerShared, hasSessionCookie, PERSONAL_CACHE_CONTROL, sharedPage, sharedPageRequest } from './pages/shared';

/**
 * The fence between SvelteKit and the hot path: every step a request goes through, declared once.
 *
 * SvelteKit runs the steps as its `handle` hook (hooks.server.ts: `handleOf(PIPELINE)`). In
 * production the four hottest paths — start, autosave, hand-in, leaderboard poll — are answered by
 * api/node.ts on bare node:http before SvelteKit sees them (HOT_ROUTES), so each step also says
 * what happens there instead: the same rule applied, or why those paths need none, with the
 * predicate that proves it. pipeline.spec.ts fails when the hooks' chain holds a Handle that is not
 * a step here, when hooks.server.ts exports a hook not declared in HOOK_EXPORTS, when a step
 * declared unneeded acts on a hot route, and when a step declared applied has no probe showing
 * that the hot path does the same — so behaviour added to SvelteKit cannot silently skip the hot
 * paths.
 *
 * The rules themselves are framework-free functions (http.ts, auth/request.ts); a step is the
 * SvelteKit adapter of a rule plus its hot-path entry. What SvelteKit and adapter-node do around
 * the hooks, and what the hot path does in their place, is listed in REPLACED_BY_THE_HOT_PATH.
 */

/** What the steps' predicates see of a request. */
export interface RequestLine {
	method: string;
	path: string;
}

/** A step's hot-path side: the same rule applied there (how), or not needed there (why, and the proof). */
export type HotSide =
	| { applied: string }
	| {
			notNeeded: string;
			/** The requests the step acts on: false for every hot route (pipeline.spec.ts checks). */
			actsOn: (request: RequestLine) => boolean;
	  };

export interface Step {
	readonly name: string;
	readonly handle: Handle;
	readonly hot: HotSide;
}

/** Whether a response is not one of our pages: it gets the CSP for non-pages (http.ts NON_PAGE_CSP). */
function isNonPage(path: string, contentType: string): boolean {
	return path.startsWith('/api/') || contentType.startsWith('application/json');
}

/** The request's target as sent (path and query): what pages/shared.ts keys on, on both paths. */
function targetOf(url: string): string {
	const u = new URL(url);
	return u.pathname + u.search;
}

/**
 * A 304 for a page the browser holds (SvelteKit gives pages an ETag of their bytes), with the
 * page's own headers. SvelteKit's own 304 keeps only a few (ETag, Cache-Control, Vary, cookies)
 * and the production server's default for everything else — NON_PAGE_CSP, set before adapter-node
 * answers static files — would then stand on it; a browser updates its stored copy's headers from
 * a 304, and the page would next open under `default-src 'none'`.
 */
function revalidated(request: Request, response: Response): Response {
	const etag = response.headers.get('etag');
	if (response.status !== 200 || !etag || !notModified(request.headers.get('if-none-match'), etag)) return response;
	// A shared page's rendering is stored whole; the sharedPages step answers its If-None-Match itself.
	if (sharedPageRequest(request.method, targetOf(request.url)) && !hasSessionCookie(request.headers.get('cookie'))) return response;
	void response.body?.cancel();
	const headers = new Headers(response.headers);
	headers.delete('content-type');
	headers.delete('content-length');
	return new Response(null, { status: 304, headers });
}

const securityHeaders: Step = {
	name: 'securityHeaders',
	async handle({ event, resolve }) {
		const response = await resolve(event);
		for (const [k, v] of Object.entries(SECURITY_HEADERS)) response.headers.set(k, v);
		// Pages carry kit.csp's policy; JSON (the API, __data.json) gets the one for non-pages.
		if (!response.headers.has('content-security-policy') && isNonPage(event.url.pathname, response.headers.get('content-type') ?? ''))
			response.headers.set('content-security-policy', NON_PAGE_CSP);
		return revalidated(event.request, response);
	},
	hot: {
		applied:
			'api/node.ts frontDoor sets NON_PAGE_HEADERS (SECURITY_HEADERS and NON_PAGE_CSP) on every response before anything else; every hot answer is JSON under /api/, a non-page'
	}
};

/**
 * State-changing API requests: our own pages' JSON only (http.ts refuseApiWrite). SvelteKit itself
 * has already refused form-typed bodies from other origins before the hooks run; this adds
 * JSON-less and Origin-less requests and foreign JSON.
 */
const apiWrites: Step = {
	name: 'apiWrites',
	async handle({ event, resolve }) {
		if (event.url.pathname.startsWith('/api/')) {
			const { request } = event;
			const refused = refuseApiWrite(
				{ method: request.method, origin: request.headers.get('origin'), contentType: request.headers.get('content-type') },
				event.url.origin
			);
			if (refused) return json({ message: refused.message }, { status: refused.status });
		}
		return resolve(event);
	},
	hot: {
		applied:
			'api/node.ts answer() calls refuseApiWrite with the origin adapter-node would give SvelteKit (ownOrigin), before the body is read'
	}
};

const ACTION_BODY_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** The requests whose body must be a form: writes to pages and form actions (not the JSON API). */
function needsFormBody({ method, path }: RequestLine): boolean {
	return method !== 'GET' && method !== 'HEAD' && !path.startsWith('/api/');
}

/**
 * Form actions read `request.formData()`, which throws on bodies that are not forms — notably
 * text/plain, which browsers may send cross-site and SvelteKit lets through to actions. Refuse
 * those (and bodiless posts) up front with 415 instead of letting the action fail with a 500.
 */
const formBodies: Step = {
	name: 'formBodies',
	async handle({ event, resolve }) {
		if (needsFormBody({ method: event.request.method, path: event.url.pathname })) {
			const type = (event.request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
			if (!ACTION_BODY_TYPES.includes(type)) {
				return new Response('Dữ liệu gửi lên phải là biểu mẫu (form).', {
					status: 415,
					headers: { 'content-type': 'text/plain; charset=utf-8' }
				});
			}
		}
		return resolve(event);
	},
	hot: {
		notNeeded: 'the hot routes are JSON API paths: their bodies are validated by the endpoints (http.ts parseJsonText), on both paths',
		actsOn: needsFormBody
	}
};

/** Who is asking (auth/request.ts identify: the session and device cookies). */
const auth: Step = {
	name: 'auth',
	async handle({ event, resolve }) {
		const who = await identify(event.cookies);
		event.locals.user = who.user;
		event.locals.session = who.session;
		event.locals.deviceId = who.deviceId;
		return resolve(event);
	},
	hot: { applied: 'api/node.ts answer() calls identify() on its cookie jar (NodeCookies) and passes user and device id to the endpoint' }
};

/**
 * Public pages for anonymous viewers (pages/shared.ts): one rendering per page and board version,
 * shared, with Cache-Control/ETag for caches in front; a viewer with a session cookie gets their own
 * render, marked private. First in the chain, so that what is stored has been through every other
 * step (security headers, who is asking) and a stored answer needs none of them again; the
 * rendering's device cookie is not kept (nothing of one visitor is shared).
 */
const sharedPages: Step = {
	name: 'sharedPages',
	async handle({ event, resolve }) {
		const { request } = event;
		const shared = sharedPageRequest(request.method, targetOf(request.url));
		if (!shared) return resolve(event);
		if (hasSessionCookie(request.headers.get('cookie'))) {
			const response = await resolve(event);
			response.headers.set('cache-control', PERSONAL_CACHE_CONTROL);
			response.headers.set('vary', 'Cookie');
			return response;
		}
		const page = await sharedPage(shared, async () => ({ response: await resolve(event), changesAt: event.locals.changesAt ?? null }));
		const answer = answerShared(page, {
			ifNoneMatch: request.headers.get('if-none-match'),
			acceptEncoding: request.headers.get('accept-encoding')
		});
		return new Response(answer.body, { status: answer.status, headers: answer.headers });
	},
	hot: {
		notNeeded:
			'acts on GET requests for public pages only (pages/shared.ts SHARED_PAGES), never on the JSON API; the front door answers the renderings it stores (api/node.ts storedPage)',
		actsOn: ({ method, path }) => sharedPageRequest(method, path) !== null
	}
};

/** The hooks' chain, in order. */
export const PIPELINE: readonly Step[] = [sharedPages, securityHeaders, apiWrites, formBodies, auth];

const stepsByHandle = new WeakMap<Handle, readonly Step[]>();

/** SvelteKit's `handle` made of these steps (remembered, so the fence test can see what it is made of). */
export function handleOf(steps: readonly Step[]): Handle {
	const handle = sequence(...steps.map((s) => s.handle));
	stepsByHandle.set(handle, steps);
	return handle;
}

/** The steps a handle was made of by handleOf; undefined for any other Handle. */
export function stepsOf(handle: Handle): readonly Step[] | undefined {
	return stepsByHandle.get(handle);
}

/** Every export of hooks.server.ts, and what the hot path does about it. */
export const HOOK_EXPORTS = {
	init: 'shared: runs once when the process starts, before either path answers (migrations, the expiry sweep, registerFrontDoor)',
	handle: 'handleOf(PIPELINE): each step declares its hot-path side',
	handleError: 'api/node.ts hotApi logs the error and answers a JSON 500 with the same SERVER_ERROR_MESSAGE'
} as const satisfies Record<string, string>;

/**
 * What SvelteKit and adapter-node do for a request besides the hooks, and what the hot path does
 * in their place (api/node.ts unless named).
 */
export const REPLACED_BY_THE_HOT_PATH = {
	routing:
		'HOT_ROUTES: four SvelteKit route ids matched by method and path; each is a SvelteKit route with the same method too (dev server, HOITHI_HOT_API=0), and both run the same endpoint (api/endpoints.ts)',
	origin: "ownOrigin: ORIGIN, else PROTOCOL_HEADER / HOST_HEADER / PORT_HEADER / Host, as adapter-node computes SvelteKit's url.origin",
	csrf: "SvelteKit's origin check refuses cross-site form-typed writes; refuseApiWrite refuses every write that is not our own origin's JSON, which covers it",
	clientAddress:
		'http.ts clientAddress (ADDRESS_HEADER, XFF_DEPTH), the one rule of both paths (SvelteKit reaches it through auth/fingerprint.ts clientIp)',
	bodyLimit: "http.ts readLimitedBody (MAX_JSON_BYTES), the one rule of both paths; adapter-node's BODY_SIZE_LIMIT is far above it",
	cookies: 'NodeCookies: get/set/delete over node headers, what identify() needs of SvelteKit cookies',
	errors: 'a JSON 500 with SERVER_ERROR_MESSAGE, logged; a failure after the headers went out closes the connection',
	sharedPages:
		'storedPage: a GET without a session cookie for a public page whose shared rendering is stored (pages/shared.ts) is answered with it, as the sharedPages step answers it (answerShared); everything else the rendering needed was done when the step rendered it',
	shutdown:
		'scripts/serve.js: one server for both paths, closed as adapter-node closes its own (requests in flight finish, SHUTDOWN_TIMEOUT, sveltekit:shutdown)'
} as const;

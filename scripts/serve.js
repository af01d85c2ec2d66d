#!/usr/bin/env node
/**
 * The production server: `node scripts/serve.js` (npm start runs it). It is adapter-node's
 * `node build` with one addition: the hot API (start, autosave, hand-in, leaderboard poll) is answered by
 * src/lib/server/api/node.ts on bare node:http before SvelteKit sees the request — the same
 * endpoint code the SvelteKit routes run, without the framework's per-request cost. Everything
 * else goes to SvelteKit's handler. Environment as for adapter-node: PORT, HOST, ORIGIN (optional: see below),
 * BODY_SIZE_LIMIT, ADDRESS_HEADER, XFF_DEPTH, SHUTDOWN_TIMEOUT, KEEP_ALIVE_TIMEOUT.
 * HOITHI_HOT_API=0 sends everything to SvelteKit (to compare both paths).
 *
 * WORKERS=N (default: one per core) runs N such servers on the port, as workers of a cluster
 * primary that migrates first and restarts a worker that dies (scripts/cluster.js). WORKERS=1 is
 * this process alone, as it always was: no primary, nothing in between.
 */
import cluster from 'node:cluster';
import http from 'node:http';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { runPrimary } from './cluster.js';
import { workerCount } from './server-command.js';

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? '3000');
const role = process.env.HOITHI_ROLE;
if (cluster.isPrimary && role !== 'migrate') {
	const workers = workerCount();
	if (workers > 1) {
		runPrimary({ workers, entry: fileURLToPath(import.meta.url), host, port });
		// The rest of this file is what each worker runs.
		await new Promise(() => {});
	}
}

/**
 * Without ORIGIN, adapter-node takes the origin from the request's Host header — which is what a
 * demo reached at localhost, 127.0.0.1 or a LAN address from a phone needs — but assumes https
 * unless PROTOCOL_HEADER names a header saying otherwise. This server speaks plain http, so when
 * the operator configured neither, it names its own header and fills it in on every request
 * (overwriting whatever a client sent). With ORIGIN set (a real deployment) nothing changes: the
 * origin is ORIGIN and requests from anywhere else are refused.
 */
const OWN_PROTOCOL_HEADER = 'x-hoithi-protocol';
if (process.env.ORIGIN?.trim() === '') delete process.env.ORIGIN;
const ownProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (ownProtocol) process.env.PROTOCOL_HEADER = OWN_PROTOCOL_HEADER;

/**
 * adapter-node's request handler (a polka middleware).
 * @typedef {(req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void} Handler
 */
// Importing the handler initialises the app (hooks `init`: migrations, timers, the front door).
// A dynamic import, so that it reads the environment set above; by URL, so that type-checking does
// not depend on whether the app is built.
const { handler } = /** @type {{ handler: Handler }} */ (await import(new URL('../build/handler.js', import.meta.url).href));
// The cluster primary's first step: the app's init has migrated the database; that is all.
if (role === 'migrate') process.exit(0);

const hot = process.env.HOITHI_HOT_API !== '0';
/** @param {http.IncomingMessage} _req @param {http.ServerResponse} res */
const notFound = (_req, res) => {
	res.statusCode = 404;
	res.end('Not found');
};
/**
 * The front door (src/lib/server/api/node.ts frontDoor): security headers on every response, then
 * the hot API, then SvelteKit. adapter-node's build exposes only `handler`, so the app's init hook
 * leaves the front door in a global slot (registerFrontDoor) — the one registration point; the
 * key's type is the app's FRONT_DOOR_KEY, so `npm run check` fails when the two differ.
 * @type {import('../src/lib/server/api/node').FrontDoorKey}
 */
const FRONT_DOOR_KEY = 'hoithi.frontDoor';
const frontDoor = /** @type {import('../src/lib/server/api/node').FrontDoor | undefined} */ (
	/** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for(FRONT_DOOR_KEY)]
);
if (!frontDoor) throw new Error('The build did not register its front door (hooks init: registerFrontDoor).');
const listener = frontDoor((req, res) => handler(req, res, () => notFound(req, res)), { hot });

const server = http.createServer((req, res) => {
	if (ownProtocol) req.headers[OWN_PROTOCOL_HEADER] = 'http';
	listener(req, res);
});
const keepAlive = Number(process.env.KEEP_ALIVE_TIMEOUT ?? '');
if (keepAlive > 0) server.keepAliveTimeout = keepAlive * 1000;

server.listen(port, host, () => {
	// A worker's primary says "Listening on" once all of them are (scripts/cluster.js).
	if (cluster.isWorker)
		console.log(`[hoithi] worker ${process.env.HOITHI_WORKER} (pid ${process.pid}) listening${hot ? '' : ' (hot API off)'}`);
	else console.log(`Listening on http://${host}:${port}${hot ? '' : ' (hot API off)'}`);
});

/**
 * Graceful stop, as adapter-node's `node build` does it (its own entry starts its own server, so it
 * cannot be reused here): stop accepting connections, close the idle keep-alive ones (and each one
 * as it becomes idle), let requests in flight finish — hot and SvelteKit alike, it is one server — and cut what is left after
 * SHUTDOWN_TIMEOUT seconds; then emit `sveltekit:shutdown` (adapter-node's event for an app's own
 * clean-up) and exit. The database is not closed by hand: in WAL mode every committed transaction
 * is already in the -wal file when the process ends.
 */
let stopping = false;
/** @param {NodeJS.Signals} reason */
function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	server.close(() => {
		/** @type {NodeJS.EventEmitter} */ (process).emit('sveltekit:shutdown', reason);
		process.exit(0);
	});
	// A keep-alive connection that finishes its last request meanwhile is closed then, not when the
	// client drops it (seconds later).
	server.closeIdleConnections();
	setInterval(() => server.closeIdleConnections(), 50).unref();
	setTimeout(() => server.closeAllConnections(), Number(process.env.SHUTDOWN_TIMEOUT ?? '30') * 1000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

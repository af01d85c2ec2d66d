#!/usr/bin/env node
/**
 * The production server: `node scripts/serve.js` (npm start runs it). It is adapter-node's
 * `node build` with one addition: the hot API (start, autosave, hand-in, leaderboard poll) is answered by
 * src/lib/server/api/node.ts on bare node:http before SvelteKit sees the request — the same
 * endpoint code the SvelteKit routes run, without the framework's per-request cost. Everything
 * else goes to SvelteKit's handler. Environment as for adapter-node: PORT, HOST, ORIGIN,
 * BODY_SIZE_LIMIT, ADDRESS_HEADER, XFF_DEPTH, SHUTDOWN_TIMEOUT, KEEP_ALIVE_TIMEOUT.
 * HOITHI_HOT_API=0 sends everything to SvelteKit (to compare both paths).
 */
import http from 'node:http';
import process from 'node:process';
// Importing the handler initialises the app (hooks `init`: migrations, timers, the hot API).
import { handler } from '../build/handler.js';

const hot = process.env.HOITHI_HOT_API === '0' ? undefined : globalThis[Symbol.for('hoithi.hotApi')];
const notFound = (_req, res) => {
	res.statusCode = 404;
	res.end('Not found');
};

const server = http.createServer((req, res) => {
	if (hot && hot(req, res)) return;
	handler(req, res, () => notFound(req, res));
});
const keepAlive = Number(process.env.KEEP_ALIVE_TIMEOUT ?? '');
if (keepAlive > 0) server.keepAliveTimeout = keepAlive * 1000;

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? '3000');
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}${hot ? '' : ' (hot API off)'}`));

/** Graceful stop as adapter-node does it: finish requests in flight, then close the database. */
let stopping = false;
function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	server.close(() => {
		process.emit('sveltekit:shutdown', reason);
		process.exit(0);
	});
	server.closeIdleConnections();
	setTimeout(() => server.closeAllConnections(), Number(process.env.SHUTDOWN_TIMEOUT ?? '30') * 1000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

/**
 * The cluster primary of scripts/serve.js when WORKERS > 1: it serves nothing itself. It migrates
 * the database first (a child process running the app's own migrations, HOITHI_ROLE=migrate), so
 * that the workers never race at it — SQLite has no migration lock — then starts `workers`
 * processes of scripts/serve.js on the same port (node:cluster hands each new connection to the
 * next worker in turn), all on the one SQLite file in WAL mode. Every worker is told how many there
 * are (SERVER_PROCESSES: the per-IP limits of the hot API are split between them, and hand-ins tell
 * the others through the database; see src/lib/server/cache.ts).
 *
 * A worker that dies is started again — at once the first time, then after 0.5, 1, 2 … up to 30 s
 * while it keeps dying within 10 s of its start (a crash loop must not spin). SIGTERM/SIGINT stop
 * every worker gracefully (each drains its requests, scripts/serve.js) and the primary exits once
 * all have. If the primary itself is killed, node ends its workers at once (their IPC channel
 * closes), so nothing is left serving on the port.
 */
import cluster from 'node:cluster';
import { spawnSync } from 'node:child_process';
import process from 'node:process';

const QUICK_DEATH_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;

/** @param {number} failures consecutive quick deaths, the first counting 1 */
function restartDelay(failures) {
	return failures <= 1 ? 0 : Math.min(MAX_BACKOFF_MS, 500 * 2 ** (failures - 2));
}

/**
 * @param {{ workers: number, entry: string, host: string, port: number }} opts
 */
export function runPrimary({ workers, entry, host, port }) {
	const migrated = spawnSync(process.execPath, [...process.execArgv, entry], {
		env: { ...process.env, HOITHI_ROLE: 'migrate' },
		stdio: 'inherit'
	});
	if (migrated.status !== 0) {
		console.error('[hoithi] migrating the database failed; no worker started.');
		process.exit(migrated.status ?? 1);
	}

	/** @typedef {{ index: number, worker: import('node:cluster').Worker | null, startedAt: number, failures: number, timer: NodeJS.Timeout | null }} Slot */
	/** @type {Slot[]} */
	const slots = Array.from({ length: workers }, (_, i) => ({ index: i + 1, worker: null, startedAt: 0, failures: 0, timer: null }));
	let stopping = false;
	let announced = false;
	const listening = new Set();

	/** @param {Slot} slot */
	function start(slot) {
		slot.timer = null;
		slot.startedAt = Date.now();
		const worker = cluster.fork({ HOITHI_ROLE: 'worker', HOITHI_WORKER: String(slot.index), SERVER_PROCESSES: String(workers) });
		slot.worker = worker;
		console.log(`[hoithi] worker ${slot.index} started (pid ${worker.process.pid})`);
		worker.on('listening', () => {
			listening.add(slot.index);
			if (!announced && listening.size === workers) {
				announced = true;
				// The one line `npm start` and the scripts wait for, as from a single process.
				console.log(`Listening on http://${host}:${port} (${workers} workers)`);
			}
		});
		worker.on('exit', (code, signal) => {
			slot.worker = null;
			if (stopping) {
				if (slots.every((s) => !s.worker)) process.exit(0);
				return;
			}
			const lived = Date.now() - slot.startedAt;
			slot.failures = lived >= QUICK_DEATH_MS ? 1 : slot.failures + 1;
			const delay = restartDelay(slot.failures);
			console.error(
				`[hoithi] worker ${slot.index} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}); starting it again${delay ? ` in ${delay / 1000} s` : ''}`
			);
			slot.timer = setTimeout(() => start(slot), delay);
		});
	}

	/** @param {NodeJS.Signals} signal */
	function stop(signal) {
		if (stopping) return;
		stopping = true;
		for (const slot of slots) {
			if (slot.timer) clearTimeout(slot.timer);
			// The same signal as a lone server gets: each worker drains its requests, then exits.
			slot.worker?.process.kill(signal);
		}
		if (slots.every((s) => !s.worker)) process.exit(0);
		// A worker that does not end (its own SHUTDOWN_TIMEOUT has passed long ago) is ended.
		setTimeout(
			() => {
				for (const slot of slots) slot.worker?.process.kill('SIGKILL');
				process.exit(1);
			},
			(Number(process.env.SHUTDOWN_TIMEOUT ?? '30') + 10) * 1000
		).unref();
	}
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGINT', () => stop('SIGINT'));

	for (const slot of slots) start(slot);
}

import os from 'node:os';

/**
 * How the production server is started — node's flags, the entry and how many processes — in one
 * place, so that `npm start`, the test servers, the crash test and the benchmarks all run the same
 * thing. HOITHI_NODE_FLAGS replaces the flags (e.g. to compare heap settings in the benchmarks).
 *
 * The heap cap: with V8's defaults on a machine with a few GB of RAM, the old generation is allowed
 * to grow to well over a gigabyte before a full collection; under page-render load the server then
 * holds 400–900 MB of garbage. A cap makes V8 collect earlier (see README "Performance").
 */
const SERVER_NODE_FLAGS = (process.env.HOITHI_NODE_FLAGS ?? '--max-old-space-size=192').split(' ').filter(Boolean);

/** Arguments for `spawn(process.execPath, serverArgs())`, from the repository root. */
export function serverArgs() {
	return [...SERVER_NODE_FLAGS, 'scripts/serve.js'];
}

/**
 * How many server processes scripts/serve.js runs: WORKERS, by default one per core
 * (`os.availableParallelism()`). One runs the server in the process itself, as before workers
 * existed; more run a cluster primary with that many workers on one port (scripts/cluster.js).
 * @param {string | undefined} value
 * @returns {number}
 */
export function workerCount(value = process.env.WORKERS) {
	if (value === undefined || value.trim() === '') return os.availableParallelism();
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`WORKERS must be a whole number from 1 to 256, not "${value}"`);
	return n;
}

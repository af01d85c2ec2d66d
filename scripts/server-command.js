/**
 * How the production server is started — node's flags and the entry — in one place, so that
 * `npm start`, the test servers, the crash test and the benchmarks all run the same thing.
 * HOITHI_NODE_FLAGS replaces the flags (e.g. to compare heap settings in the benchmarks).
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

/**
 * The part of autocannon 8 the benchmarks use (it ships no types, and @types/autocannon is not
 * worth a dependency for one call): options, the `response` event, the result's duration.
 * See node_modules/autocannon/README.md.
 */
declare module 'autocannon' {
	import type { EventEmitter } from 'node:events';

	interface Request {
		method?: string;
		path?: string;
		headers?: Record<string, string>;
		body?: string;
		/** Rewrites each request before it is sent (called per request). */
		setupRequest?: (req: Record<string, unknown>) => Record<string, unknown>;
	}

	interface Options {
		url: string;
		connections?: number;
		/** Seconds. */
		duration?: number;
		/** Requests per second over all connections. */
		overallRate?: number;
		requests?: Request[];
	}

	interface Result {
		/** Seconds actually run. */
		duration: number;
	}

	interface Instance extends EventEmitter, PromiseLike<Result> {
		on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): this;
	}

	export default function autocannon(options: Options): Instance;
}

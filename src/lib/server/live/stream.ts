import type { LiveAudience } from '../../live/protocol';
import type { LiveChange } from './bus';
import type { GameRow } from './repo';
import * as memory from './memory';
import { getDb } from '../db';
import { activityCounts, currentSnapshot, freshMe, liveBus, playerMessage } from './service';
import { snapshotOf, type Snapshot } from './views';

/**
 * One server-sent-event stream of a game (issue 14 item 6), framework-free: the SvelteKit route
 * and the hot path (api/node.ts) each hand it a sink over their response. Each message is a whole
 * LiveView with `id:` its version; `retry: 1000` asks the browser to reconnect after a second; a
 * heartbeat event (HEARTBEAT_MESSAGE) every HEARTBEAT_MS keeps proxies and phones from closing an idle connection. A
 * reconnect's Last-Event-ID equal to the current version gets nothing until the game changes.
 */

/** Where a stream writes: the adapter's response. `onClose` runs once, when the client goes away or `end` is called. */
export interface StreamSink {
	write(chunk: string): void;
	onClose(fn: () => void): void;
	end(): void;
}

const HEARTBEAT_MS = 15_000;
/**
 * The heartbeat as an event a page can see (an SSE comment never reaches EventSource's listeners, so a
 * quiet phase looked like a dead stream and every phone reconnected every ~30 s): `event: ping` with a
 * data line, no `id:` (the last event id stays the game's version).
 */
export const HEARTBEAT_MESSAGE = 'event: ping\ndata: 1\n\n';

const open = new Set<StreamSink>();
let heartbeat: ReturnType<typeof setInterval> | null = null;

/** One timer for every stream of the process, not one per connection. */
function beat() {
	if (heartbeat || open.size === 0) return;
	heartbeat = setInterval(() => {
		for (const s of open) s.write(HEARTBEAT_MESSAGE);
		if (open.size === 0 && heartbeat) {
			clearInterval(heartbeat);
			heartbeat = null;
		}
	}, HEARTBEAT_MS);
	heartbeat.unref?.();
}

function frame(version: number, json: string): string {
	return `id: ${version}\ndata: ${json}\n\n`;
}

export function startStream(o: {
	game: GameRow;
	audience: LiveAudience;
	playerId: number | null;
	lastEventId: number | null;
	sink: StreamSink;
}): void {
	const { game, audience, playerId, sink } = o;
	let sent = o.lastEventId ?? -1;
	let sentActivity: number | null = null;
	let closed = false;
	let chain: Promise<void> = Promise.resolve();
	open.add(sink);
	beat();
	sink.write('retry: 1000\n\n');

	const viewJson = (s: Snapshot, activity: number | null): string => {
		if (audience === 'player') return playerMessage(s, playerId!);
		if (activity == null) return audience === 'screen' ? s.screenJson : s.hostJson;
		const counts = activityCounts(activity);
		const view = s.views[audience];
		return JSON.stringify({ ...view, players: counts.players, answered: view.phase === 'question' ? counts.answered : 0 });
	};

	const onChange = (change: LiveChange) => {
		chain = chain
			.then(async () => {
				if (closed) return;
				if (change.version > sent) {
					const g = await memory.gameAt(getDb(), game.id, change.version);
					if (!g || closed) return;
					const s = await snapshotOf(getDb(), g);
					if (closed || s.version <= sent) return;
					sent = s.version;
					sentActivity = change.activity;
					sink.write(frame(s.version, viewJson(s, change.activity)));
				} else if (change.activity != null && change.activity !== sentActivity && change.version === sent) {
					const g = await memory.gameAt(getDb(), game.id, change.version);
					if (!g || closed) return;
					const s = await snapshotOf(getDb(), g);
					if (closed || s.version !== sent) return;
					sentActivity = change.activity;
					sink.write(frame(s.version, viewJson(s, change.activity)));
				}
			})
			.catch((e) => console.error('[hoithi] a live stream could not send', e));
	};

	const unsubscribe = liveBus().subscribe(game.id, onChange, { activity: audience !== 'player' });
	sink.onClose(() => {
		closed = true;
		open.delete(sink);
		unsubscribe();
	});

	// The first message: the view now, with this player's own part read fresh (their answer to the
	// current question survives a refresh), unless the client already has this version.
	chain = chain
		.then(async () => {
			const s = await currentSnapshot(game);
			if (closed || s.version === sent) return;
			sent = s.version;
			if (audience === 'player') {
				const me = await freshMe(s, playerId!);
				if (closed) return;
				sink.write(frame(s.version, `${s.playerPrefix},"me":${JSON.stringify(me)}}`));
			} else sink.write(frame(s.version, viewJson(s, null)));
		})
		.catch((e) => {
			console.error('[hoithi] a live stream could not start', e);
			sink.end();
		});
}

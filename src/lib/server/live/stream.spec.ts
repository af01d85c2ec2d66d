import { describe, expect, it } from 'vitest';
import { HEARTBEAT_MESSAGE } from './stream';

/** What EventSource makes of a message (the WHATWG event-stream rules, enough for one message). */
function dispatched(message: string): { event: string; data: string; id: string | null } | null {
	let event = 'message';
	const data: string[] = [];
	let id: string | null = null;
	for (const line of message.split('\n')) {
		if (line === '' || line.startsWith(':')) continue;
		const at = line.indexOf(':');
		const field = at < 0 ? line : line.slice(0, at);
		const value = at < 0 ? '' : line.slice(at + 1).replace(/^ /, '');
		if (field === 'event') event = value;
		else if (field === 'data') data.push(value);
		else if (field === 'id') id = value;
	}
	// No data field: nothing is dispatched (a comment-only heartbeat never reaches a listener).
	return data.length ? { event, data: data.join('\n'), id } : null;
}

describe('the live stream heartbeat', () => {
	it('is an event a page sees (event ping with data), and leaves the last event id alone', () => {
		expect(HEARTBEAT_MESSAGE.endsWith('\n\n')).toBe(true);
		expect(dispatched(HEARTBEAT_MESSAGE)).toEqual({ event: 'ping', data: '1', id: null });
		expect(dispatched(': ping\n\n')).toBeNull();
	});
});

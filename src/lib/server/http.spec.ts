import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress, MAX_JSON_BYTES, notModified, readLimitedBody } from './http';

/** The same chunks as the hot path's node request and as SvelteKit's Request body. */
function both(chunks: Uint8Array[]): [string, IncomingMessage | ReadableStream<Uint8Array>][] {
	return [
		['node stream', Readable.from(chunks) as unknown as IncomingMessage],
		['web stream', new Blob(chunks as BlobPart[]).stream()]
	];
}

describe('readLimitedBody (the API body limit, both paths)', () => {
	const bytes = (text: string) => new TextEncoder().encode(text);

	it('reads the text, a letter split between two chunks included', async () => {
		const word = bytes('{"pad":"Hội thi"}');
		const split = word.indexOf(0xbb); // inside "ộ" (e1 bb 99)
		for (const [what, body] of both([word.slice(0, split), word.slice(split)])) {
			expect([what, await readLimitedBody(null, body)]).toEqual([what, '{"pad":"Hội thi"}']);
		}
	});

	it('counts bytes, not characters: 6,000 three-byte letters are over the limit', async () => {
		const letters = 'ố'.repeat(6_000);
		expect(letters.length).toBeLessThan(MAX_JSON_BYTES);
		for (const [what, body] of both([bytes(letters)])) expect([what, await readLimitedBody(undefined, body)]).toEqual([what, null]);
		for (const [what, body] of both([bytes('x'.repeat(MAX_JSON_BYTES))]))
			expect([what, (await readLimitedBody(undefined, body))?.length]).toEqual([what, MAX_JSON_BYTES]);
	});

	it('refuses a declared Content-Length over the limit without reading', async () => {
		const never = new ReadableStream<Uint8Array>({
			pull() {
				throw new Error('read');
			}
		});
		expect(await readLimitedBody(String(MAX_JSON_BYTES + 1), never)).toBeNull();
		expect(await readLimitedBody('10', null)).toBe('');
	});

	it('answers undefined when the stream breaks', async () => {
		const node = new Readable({
			read() {
				this.destroy(new Error('ECONNRESET'));
			}
		}) as unknown as IncomingMessage;
		const web = new ReadableStream<Uint8Array>({
			pull(c) {
				c.error(new Error('ECONNRESET'));
			}
		});
		expect(await readLimitedBody(null, node)).toBeUndefined();
		expect(await readLimitedBody(null, web)).toBeUndefined();
	});
});

describe('clientAddress (ADDRESS_HEADER, XFF_DEPTH as adapter-node reads them)', () => {
	const saved = { ADDRESS_HEADER: process.env.ADDRESS_HEADER, XFF_DEPTH: process.env.XFF_DEPTH };
	afterEach(() => {
		for (const [k, v] of Object.entries(saved)) {
			if (v === undefined) delete process.env[k];
			else process.env[k] = v;
		}
	});
	const req = (headers: Record<string, string>) => ({ headers, socket: { remoteAddress: '192.0.2.7' } }) as unknown as IncomingMessage;
	const env = (header: string | undefined, depth?: string) => {
		if (header === undefined) delete process.env.ADDRESS_HEADER;
		else process.env.ADDRESS_HEADER = header;
		if (depth === undefined) delete process.env.XFF_DEPTH;
		else process.env.XFF_DEPTH = depth;
	};

	it('is the socket peer when no header is trusted, whatever the client claims', () => {
		env(undefined);
		expect(clientAddress(req({ 'x-forwarded-for': '203.0.113.1' }))).toBe('192.0.2.7');
	});

	it('takes the XFF_DEPTH-th address from the right of x-forwarded-for', () => {
		env('X-Forwarded-For');
		expect(clientAddress(req({ 'x-forwarded-for': '203.0.113.1, 10.0.0.2' }))).toBe('10.0.0.2');
		env('x-forwarded-for', '2');
		expect(clientAddress(req({ 'x-forwarded-for': '203.0.113.1, 10.0.0.2' }))).toBe('203.0.113.1');
		expect(clientAddress(req({ 'x-forwarded-for': '10.0.0.2' }))).toBeNull();
		expect(clientAddress(req({}))).toBeNull();
	});

	it('reads another named header as it is', () => {
		env('x-real-ip');
		expect(clientAddress(req({ 'x-real-ip': ' 198.51.100.4 ' }))).toBe('198.51.100.4');
		expect(clientAddress(req({}))).toBeNull();
	});
});

describe('notModified (If-None-Match)', () => {
	it('matches the ETag, weakly, in a list, or *', () => {
		for (const header of ['"abc"', 'W/"abc"', '"x", "abc"', ' "x" ,W/"abc" ', '*'])
			expect([header, notModified(header, '"abc"')]).toEqual([header, true]);
		expect(notModified('"abc"', 'W/"abc"')).toBe(true);
	});
	it('does not match another tag, a part of it, or nothing', () => {
		for (const header of ['"abcd"', '"ab"', 'abc', '', null, undefined])
			expect([header, notModified(header, '"abc"')]).toEqual([header, false]);
	});
});

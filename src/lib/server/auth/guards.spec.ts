import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './guards';

const OWN = 'http://localhost:3000';

describe('safeRedirectTarget', () => {
	it.each([
		['/rounds/2/attempt', '/rounds/2/attempt'],
		['/me/results?round=2#top', '/me/results?round=2#top'],
		['/organiser', '/organiser'],
		// Our own origin written out in full is still our page.
		['http://localhost:3000/account', '/account'],
		// Relative paths resolve against the site root.
		['rounds/2/attempt', '/rounds/2/attempt'],
		// Non-ASCII paths come back percent-encoded, so a Location header can carry them.
		['/kết-quả', '/k%E1%BA%BFt-qu%E1%BA%A3'],
		['/me/results?tên=Hằng', '/me/results?t%C3%AAn=H%E1%BA%B1ng'],
		['/đợt thi', '/%C4%91%E1%BB%A3t%20thi'],
		// Dot segments are resolved.
		['/rounds/../account', '/account'],
		// Same scheme without slashes is a relative path (browsers read it so too).
		['http:evil.example', '/evil.example']
	])('keeps our own page %j as %j', (value, expected) => {
		expect(safeRedirectTarget(value, OWN)).toBe(expected);
	});

	it.each([
		['protocol-relative', '//evil.example'],
		['protocol-relative with a path', '//evil.example/login'],
		['backslash after the slash', '/\\evil.example'],
		['two backslashes', '\\\\evil.example'],
		['backslash then slash', '\\/evil.example'],
		['tab between the slashes (decoded %2F%09%2F)', '/\t/evil.example'],
		['newline between the slashes', '/\n/evil.example'],
		['carriage return between the slashes', '/\r/evil.example'],
		['leading space and control characters', ' \u0000\u001f//evil.example'],
		['dot segment to a double slash', '/.//evil.example'],
		['double slash after dot-dot', '/a/..//evil.example'],
		['javascript: URL', 'javascript:alert(document.cookie)'],
		['javascript: URL in capitals with a tab', 'JaVa\tScRiPt:alert(1)'],
		['data: URL', 'data:text/html,<script>alert(1)</script>'],
		['absolute URL elsewhere', 'https://evil.example/'],
		['our host on another scheme', 'https://localhost:3000/account'],
		['our host on another port', 'http://localhost:3001/account'],
		['credentials trick', 'http://localhost:3000@evil.example/'],
		['scheme-relative with credentials', '//localhost:3000@evil.example'],
		['triple slash', '///evil.example'],
		['empty', ''],
		['an over-long target', '/' + 'a'.repeat(3000)]
	])('sends %s home', (_label, value) => {
		expect(safeRedirectTarget(value, OWN)).toBe('/');
	});

	it('answers the fallback for nothing at all, and honours a custom fallback', () => {
		expect(safeRedirectTarget(null, OWN)).toBe('/');
		expect(safeRedirectTarget(undefined, OWN, '/?welcome=1')).toBe('/?welcome=1');
		expect(safeRedirectTarget('//evil.example', OWN, '/?welcome=1')).toBe('/?welcome=1');
	});

	it('never answers something a browser would read as another host, nor anything but ASCII', () => {
		const samples = [
			'/\t\t/x',
			'/\\/x',
			'/%2F/x',
			'/%5C/x',
			'/ /x',
			'/\u3000/x',
			'/\u200b/x',
			'/\ufeff/x',
			'/x?y=//z',
			'/#//evil',
			'/?//evil'
		];
		for (const s of samples) {
			const out = safeRedirectTarget(s, OWN);
			expect(new URL(out, 'http://own.example').origin, s).toBe('http://own.example');
			expect(out, s).toMatch(/^\/(?!\/)[\x21-\x7e]*$/);
		}
	});
});

import { describe, expect, it } from 'vitest';
import { qrSvg } from './qr';

describe('qrSvg', () => {
	it('makes a scalable SVG document for a join address', async () => {
		const svg = await qrSvg('http://192.168.1.10:3000/live/123456');
		expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);
		expect(svg).toContain('<path');
		// Different text, different code.
		expect(await qrSvg('http://192.168.1.10:3000/live/654321')).not.toBe(svg);
	});
});

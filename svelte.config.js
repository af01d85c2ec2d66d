import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ precompress: true }),
		// Content-Security-Policy: only our own scripts (SvelteKit hashes its inline boot script),
		// no plugins, no framing. Inline styles stay allowed for Svelte's style attributes.
		// Hashes, not nonces ('auto' gives rendered pages a fresh nonce each): a page is then the same
		// bytes for every anonymous viewer, so one rendering is shared (src/lib/server/pages/shared.ts).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
		// SvelteKit's origin check (on by default) is our CSRF protection for form actions.
	}
};

export default config;

// ESLint flat config: the recommended sets of @eslint/js, typescript-eslint and eslint-plugin-svelte,
// tuned only where the codebase has a deliberate convention (each tuning says why), and
// eslint-config-prettier last so that formatting is Prettier's alone.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default defineConfig(
	globalIgnores(['build/', '.svelte-kit/', 'test-results/', 'playwright-report/', 'docs/', 'data/', 'bench/data/', 'static/']),
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	{
		// SvelteKit code runs on the server and in the browser.
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		// Server-only code, CLI scripts, benchmarks, migrations and configs run in Node alone: a
		// browser global there (window, document, localStorage) is a mistake.
		files: [
			'src/lib/server/**',
			'src/**/*.server.ts',
			'scripts/**',
			'bench/**',
			'migrations/**',
			'tests/integration/**',
			'*.config.{js,ts}'
		],
		languageOptions: { globals: { ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				parser: ts.parser,
				extraFileExtensions: ['.svelte'],
				svelteConfig
			}
		}
	},
	{
		rules: {
			// A leading underscore marks a parameter or binding kept on purpose (a callback's position,
			// a destructured field left out of a copy).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{
					argsIgnorePattern: '^_',
					varsIgnorePattern: '^_',
					caughtErrorsIgnorePattern: '^_',
					destructuredArrayIgnorePattern: '^_',
					ignoreRestSiblings: true
				}
			],
			// `@ts-nocheck` only with the reason beside it (scripts/crash-test.js, a plain-JS load script).
			'@typescript-eslint/ban-ts-comment': ['error', { 'ts-nocheck': 'allow-with-description' }],
			// `{' '}` is how a space is kept at the start of an {#if}/{#each} block (Svelte trims a plain
			// one, and prettier-plugin-svelte writes the same idiom); the rule cannot tell it from a
			// useless mustache, and every mustache it flags here is such a space.
			'svelte/no-useless-mustaches': 'off',
			// The app is served at the root (no kit.paths.base), so a plain '/organiser/…' href is the
			// resolved path; wrapping every link in resolve() (over a hundred) would change no URL.
			// Turn it on if the app ever moves under a base path.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Tests read untyped JSON answers (`body.data.errors.phone`) and assert on their shape: a
		// wrong field fails the assertion, so typing every answer would add casts and catch nothing.
		files: ['tests/**'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		// Migrations are frozen in time and typed Kysely<any> on purpose (Kysely's own advice): they
		// must not import the app's Database type, which moves on.
		files: ['migrations/**'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	prettier
);

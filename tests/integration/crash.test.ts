import { describe, expect, it } from 'vitest';
import { runCrash } from '../../scripts/crash-test.js';

interface CrashResult { fired: number; acknowledged: number; found: number; integrity: string; problems: string[] }

/** The short version of `npm run test:crash`: one kill -9 under load, on its own server. */
describe('crash safety', () => {
	it('keeps every acknowledged autosave and submission exactly once after a SIGKILL mid-load', async () => {
		const port = Number(process.env.INTEGRATION_PORT ?? 4174) + 1;
		const res = (await runCrash({ clients: 30, port, killAfterMs: 250 })) as CrashResult;
		console.log(`crash: fired ${res.fired}, acknowledged ${res.acknowledged}, found after restart ${res.found}`);
		expect(res.problems).toEqual([]);
		expect(res.integrity).toBe('ok');
		expect(res.acknowledged).toBeGreaterThan(0);
		expect(res.found).toBe(res.acknowledged);
		expect(res.fired).toBeGreaterThan(res.acknowledged - 1);
	}, 90_000);
});

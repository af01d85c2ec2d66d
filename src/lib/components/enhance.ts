import type { SubmitFunction } from '@sveltejs/kit';

/**
 * `use:enhance` that reports "busy" while the form is in flight and keeps what was typed when
 * the server answers with errors (no reset), so a failed submit never loses input.
 */
export function withBusy(setBusy: (busy: boolean) => void): SubmitFunction {
	return () => {
		setBusy(true);
		return async ({ update }) => {
			await update({ reset: false });
			setBusy(false);
		};
	};
}

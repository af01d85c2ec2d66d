import { tick } from 'svelte';
import type { SubmitFunction } from '@sveltejs/kit';

/**
 * `use:enhance` for the live game forms: what was typed stays (no reset), and a refused submit
 * brings the first field in error (or the message) into view and focus — a long set-up page would
 * otherwise leave the host looking at an unchanged button at the bottom.
 */
export function keepAndShowErrors(setBusy: (busy: boolean) => void = () => {}): SubmitFunction {
	return ({ formElement }) => {
		setBusy(true);
		return async ({ update, result }) => {
			await update({ reset: false });
			setBusy(false);
			if (result.type !== 'failure') return;
			await tick();
			const target =
				formElement.querySelector<HTMLElement>('[aria-invalid="true"]') ?? document.querySelector<HTMLElement>('[role="alert"]');
			if (!target) return;
			target.scrollIntoView({ block: 'center' });
			if (!target.hasAttribute('tabindex') && !/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName))
				target.setAttribute('tabindex', '-1');
			target.focus({ preventScroll: true });
		};
	};
}

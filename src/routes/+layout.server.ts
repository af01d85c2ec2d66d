import type { LayoutServerLoad } from './$types';

/** Only whitelisted user fields reach the browser. Not an auth gate (see STYLE.md). */
export const load = (async ({ locals }) => {
	return {
		user: locals.user ? { fullName: locals.user.fullName, role: locals.user.role } : null
	};
}) satisfies LayoutServerLoad;

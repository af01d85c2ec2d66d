import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '$lib/server/auth/sessions';
import { logOut } from '$lib/server/users/service';
import type { Actions, PageServerLoad } from './$types';

export const load = (() => redirect(303, '/')) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, cookies }) => {
		if (locals.session) await logOut(locals.session.id);
		deleteSessionCookie(cookies);
		redirect(303, '/');
	}
} satisfies Actions;

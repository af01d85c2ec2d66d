import type { SessionUser, Session } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** First-party random device id (cookie), set by the hooks for every request. */
			deviceId: string;
			/**
			 * When this page's content changes by the clock alone (a round on it opens or closes): set
			 * by the public pages' loads, so a shared rendering (pages/shared.ts) is not kept past it.
			 */
			changesAt?: number | null;
		}
		interface Error {
			message: string;
			/** A heading for the error page when the status's own would mislead (api/node.ts refuseForm). */
			title?: string;
		}
	}
}

export {};

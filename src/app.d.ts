import type { SessionUser, Session } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** First-party random device id (cookie), set by the hooks for every request. */
			deviceId: string;
		}
		interface Error {
			message: string;
			/** A heading for the error page when the status's own would mislead (api/node.ts refuseForm). */
			title?: string;
		}
	}
}

export {};

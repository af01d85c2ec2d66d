import type { ParamMatcher } from '@sveltejs/kit';
import { LIVE_CODE_LENGTH } from '$lib/live/protocol';

/** A live hội thi's room code: exactly six digits (so `/live/games`, `/live/host` are never taken for one). */
const pattern = new RegExp(`^\\d{${LIVE_CODE_LENGTH}}$`);
export const match = ((param: string): param is string => pattern.test(param)) satisfies ParamMatcher;

import type { RevealPolicy } from '$lib/server/db/types';
import { formatDateTime } from '$lib/vn/time';

/**
 * What participants are told about when a round shows the answers, made from the round's own
 * setting (“Công bố đáp án”), so no rules text can promise otherwise.
 */
export function revealText(policy: RevealPolicy, closesAt: number): string {
	return policy === 'after_submit'
		? 'Đáp án và giải thích được công bố ngay sau khi bạn nộp bài.'
		: `Đáp án và giải thích được công bố sau khi đợt thi kết thúc (${formatDateTime(closesAt)}).`;
}

import type { LiveStatus } from './protocol';
import { formatNumber } from '../vn/number';

/** Vietnamese labels of a live game's settings and status (set-up, list and results pages). */
export const LIVE_STATUS_LABELS: Record<LiveStatus, { label: string; cls: string }> = {
	draft: { label: 'Đang chuẩn bị', cls: '' },
	lobby: { label: 'Đã mở phòng', cls: 'open' },
	running: { label: 'Đang thi', cls: 'open' },
	finished: { label: 'Đã kết thúc', cls: 'closed' }
};

export const DISPLAY_MODE_LABELS = {
	projector: 'Có máy chiếu: câu hỏi trên màn hình lớn, điện thoại chỉ hiện các đáp án',
	no_projector: 'Không có máy chiếu: điện thoại hiện cả câu hỏi'
} as const;

export const TEAM_MODE_LABELS = {
	none: 'Không chia đội (thi cá nhân)',
	unit: 'Mỗi đơn vị một đội',
	custom: 'Đội do Ban tổ chức đặt tên'
} as const;

export const TEAM_SCORING_LABELS = {
	average: 'Điểm trung bình của các thành viên',
	sum: 'Tổng điểm của các thành viên'
} as const;

/** A weight stored per mille, as the host types it (“1”, “0,5”). */
export function weightText(perMille: number): string {
	return formatNumber(perMille / 1000, 3);
}

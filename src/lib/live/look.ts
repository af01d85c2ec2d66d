import { formatNumber } from '../vn/number';

/**
 * How the live screens tell options apart: a colour and a shape per position (A ▲, B ◆, C ●, D ■),
 * the same on the big screen and every phone, so a player can match them at a glance — and the
 * shape carries it for colour-blind players and on a washed-out projector.
 */
const OPTION_LOOKS = [
	{ shape: '▲', color: '#b3261e' },
	{ shape: '◆', color: '#1659a8' },
	{ shape: '●', color: '#8a5a00' },
	{ shape: '■', color: '#1b6b35' },
	{ shape: '★', color: '#6a2c91' },
	{ shape: '⬟', color: '#00656e' }
] as const;

export function optionLook(index: number) {
	return OPTION_LOOKS[index % OPTION_LOOKS.length];
}

/** Points as Vietnamese write them: 12.500, 8,5. */
export function formatPoints(n: number | null | undefined): string {
	return formatNumber(n, 1);
}

/** What each phase is called on the host's screens. */
export const PHASE_LABELS = {
	lobby: 'Phòng chờ',
	question: 'Đang hỏi',
	reveal: 'Đáp án',
	scoreboard: 'Bảng điểm',
	judging: 'Giám khảo chấm',
	podium: 'Vinh danh'
} as const;

import type { FairnessReport } from '$lib/server/fairness/report';
import { CASE_POINTS, type Reason } from '$lib/server/fairness/cases';
import { SPEED_RULES } from '$lib/server/fairness/speed';
import { ALIKE_RULES } from '$lib/server/fairness/alike';

/** Network hashes shortened for display: enough to tell clusters apart, nothing to reverse. */
const short = (h: string) => h.slice(0, 8);

function shortReason(r: Reason): Reason {
	if (r.kind === 'network') return { ...r, network: { ...r.network, ipHash: short(r.network.ipHash) } };
	if (r.kind === 'device') return { ...r, device: { ...r.device, hash: short(r.device.hash) } };
	return r;
}

/** What the fairness pages send to the browser: the report with hashes shortened, and the rules it used. */
export function forPage(report: FairnessReport) {
	return {
		cases: report.cases.map((c) => ({ ...c, reasons: c.reasons.map(shortReason) })),
		ordinaryNetworks: report.ordinaryNetworks.map((n) => ({ ...n, ipHash: short(n.ipHash), attemptIds: [] })),
		registrationBursts: report.registrationBursts.map((b) => ({ ...b, hash: short(b.hash) })),
		people: report.people,
		attemptsRead: report.attemptsRead,
		truncated: report.truncated,
		rules: {
			casePoints: CASE_POINTS,
			charsPerSecond: SPEED_RULES.charsPerSecond,
			msPerQuestion: SPEED_RULES.msPerQuestion,
			nearFloor: SPEED_RULES.nearFloor,
			alikeStartGapMs: ALIKE_RULES.maxStartGapMs
		}
	};
}

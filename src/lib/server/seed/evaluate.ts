import type { Db } from '../db';
import { clearCaches } from '../cache';
import { listOpenCases } from '../fairness/duplicates';
import { roundReport, type SuspiciousReport } from '../fairness/report';
import { usersOf } from '../fairness/cases';
import { PATTERNS } from './adversarial';
import type { DemoPlants } from './suspicious';
import { formatPercent } from '../../vn/number';

/**
 * Measuring the fairness report on a round with known ground truth (issue 18, item 7): per
 * planted pattern, whether its accounts are named and under which reasons; the share of honest
 * people named.
 */

/** Everything the organiser sees about a round: its report and the open possible-duplicate cases. */
export interface Findings {
	report: SuspiciousReport;
	duplicates: Awaited<ReturnType<typeof listOpenCases>>;
}

export async function findings(db: Db, roundId: number): Promise<Findings> {
	clearCaches();
	const report = await roundReport(db, roundId);
	if (!report) throw new Error(`No report for round ${roundId}`);
	return { report, duplicates: await listOpenCases(db, 10_000) };
}

/**
 * THE mapping from what the report says to "who is named, for what": every person in the
 * report's list of cases (fairness/cases.ts), with the kinds of reason that named them. The
 * possible-duplicate review list is a queue to check, not a naming: a pair is named only when it
 * reaches the case list. Change only this when the report's shape changes.
 */
export function namedUserIds(f: Findings): Map<number, Set<string>> {
	const named = new Map<number, Set<string>>();
	for (const c of f.report.cases)
		for (const u of c.userIds) named.set(u, new Set(c.reasons.filter((r) => usersOf(r).includes(u)).map((r) => r.kind)));
	return named;
}

/** Who is who in a measured round: the honest people and each planted pattern's accounts. */
export interface Truth {
	roundId: number;
	honest: number[];
	patterns: Record<string, number[]>;
}

/** The demo's open round as a measured round: its planted cases, and everyone else who took part as honest. */
export async function demoTruth(db: Db, planted: DemoPlants): Promise<Truth> {
	const { roundId, ...patterns } = planted;
	const plantedIds = new Set(Object.values(patterns).flat());
	const takers = await db.selectFrom('attempts').select('user_id').distinct().where('round_id', '=', roundId).execute();
	return { roundId, honest: takers.map((t) => t.user_id).filter((id) => !plantedIds.has(id)), patterns };
}

export interface PatternResult {
	pattern: string;
	accounts: number;
	named: number;
	/** all / some / none of the pattern's accounts named. */
	verdict: 'all' | 'some' | 'none';
	reasons: string[];
}

export interface Evaluation {
	patterns: PatternResult[];
	honest: { total: number; named: number; share: number; reasons: Record<string, number> };
}

export function evaluate(truth: Pick<Truth, 'honest' | 'patterns'>, f: Findings): Evaluation {
	const named = namedUserIds(f);
	const order = (p: string) => ((PATTERNS as readonly string[]).indexOf(p) + 100) % 100;
	const patterns = Object.keys(truth.patterns)
		.sort((a, b) => order(a) - order(b))
		.map((pattern) => {
			const ids = truth.patterns[pattern];
			const hit = ids.filter((id) => named.has(id));
			const reasons = [...new Set(hit.flatMap((id) => [...named.get(id)!]))].sort();
			const verdict: PatternResult['verdict'] = hit.length === 0 ? 'none' : hit.length === ids.length ? 'all' : 'some';
			return { pattern, accounts: ids.length, named: hit.length, verdict, reasons };
		});
	const reasons: Record<string, number> = {};
	let n = 0;
	for (const id of truth.honest) {
		const r = named.get(id);
		if (!r) continue;
		n++;
		for (const x of r) reasons[x] = (reasons[x] ?? 0) + 1;
	}
	return { patterns, honest: { total: truth.honest.length, named: n, share: truth.honest.length ? n / truth.honest.length : 0, reasons } };
}

/** The evaluation as a plain-text table (npm run fairness:eval). */
export function formatEvaluation(title: string, e: Evaluation): string {
	const lines = [`## ${title}`, '', '| pattern | accounts | named | verdict | reasons |', '|---|---|---|---|---|'];
	for (const p of e.patterns) lines.push(`| ${p.pattern} | ${p.accounts} | ${p.named} | ${p.verdict} | ${p.reasons.join('; ') || '—'} |`);
	const why = Object.entries(e.honest.reasons)
		.map(([r, n]) => `${r}: ${n}`)
		.join('; ');
	lines.push('', `Honest people named: ${e.honest.named} of ${e.honest.total} (${formatPercent(e.honest.share)})${why ? ` — ${why}` : ''}`);
	return lines.join('\n');
}

import fs from 'node:fs';

/** The resident memory (VmRSS, bytes) of a process and its children (a cluster's workers), from /proc. */
export function rssOf(pid: number): number {
	try {
		const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
		return (m ? Number(m[1]) * 1024 : 0) + children.reduce((sum, c) => sum + rssOf(c), 0);
	} catch {
		return 0;
	}
}

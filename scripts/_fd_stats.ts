import { migrateToLatest, openDatabase } from '../src/lib/server/db';
import { buildAdversarialRound, floorMs } from '../src/lib/server/seed/adversarial';
const db = openDatabase('/tmp/fd/stats.db');
await migrateToLatest(db);
const t = await buildAdversarialRound(db, { seed: 18 });
const rows = await db.selectFrom('attempts').select(['id','user_id','started_at','duration_ms','score','total']).where('round_id','=',t.roundId).execute();
const honest = new Set(t.honest);
const h = rows.filter(r => honest.has(r.user_id));
const sc = h.map(r => r.score!); 
const hist: Record<number, number> = {}; for (const s of sc) hist[s] = (hist[s] ?? 0) + 1;
console.log('honest attempts', h.length, 'score hist', hist);
const dur = h.map(r => r.duration_ms!/1000).sort((a,b)=>a-b);
console.log('duration s p5/50/95', dur[Math.floor(dur.length*0.05)], dur[Math.floor(dur.length/2)], dur[Math.floor(dur.length*0.95)]);
const hours: Record<number, number> = {}; for (const r of h) { const hh = new Date(r.started_at + 7*3600e3).getUTCHours(); hours[hh] = (hours[hh]??0)+1; }
console.log('hour hist', hours);
const ev = await db.selectFrom('access_events').select(['kind']).execute();
const k: Record<string, number> = {}; for (const e of ev) k[e.kind] = (k[e.kind]??0)+1; console.log(k);
const per = new Map<number, number>(); for (const r of h) per.set(r.user_id, (per.get(r.user_id)??0)+1);
const pc: Record<number, number> = {}; for (const v of per.values()) pc[v]=(pc[v]??0)+1; console.log('attempts per person', pc);
const items = await db.selectFrom('attempt_questions as aq').innerJoin('question_versions as v','v.id','aq.question_version_id').select(['aq.attempt_id','v.stem','v.options_json']).execute();
const chars = new Map<number, number>(); const cnt = new Map<number, number>();
for (const i of items) { const o = JSON.parse(i.options_json); chars.set(i.attempt_id, (chars.get(i.attempt_id)??0) + i.stem.length + o.reduce((n: number, x: {text: string}) => n + x.text.length, 0)); cnt.set(i.attempt_id, (cnt.get(i.attempt_id)??0)+1); }
const ratio = h.map(r => r.duration_ms! / floorMs(chars.get(r.id)!, cnt.get(r.id)!)).sort((a,b)=>a-b);
console.log('honest duration/floor p0/p5/p50', ratio[0].toFixed(2), ratio[Math.floor(ratio.length*0.05)].toFixed(2), ratio[Math.floor(ratio.length/2)].toFixed(2));
for (const [p, ids] of Object.entries(t.patterns)) { const s = new Set(ids); console.log(p, rows.filter(r => s.has(r.user_id)).map(r => `${r.score}/${r.total} ${(r.duration_ms!/1000).toFixed(0)}s ${(r.duration_ms!/floorMs(chars.get(r.id)!, cnt.get(r.id)!)).toFixed(2)}`).join(' | ')); }
const changes = await db.selectFrom('attempt_answers').select(db.fn.countAll().as('n')).executeTakeFirst(); console.log('answers', changes);
await db.destroy();

/**
 * The first demo bank (45 questions) was replaced by the starter bank (starter-bank.ts, issue 3).
 * starter-bank.ts still imports its types from here.
 */
export type { SeedQuestion, SeedTopic } from './types';

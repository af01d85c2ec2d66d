import { getDb } from '../db';
import * as groups from './groups';

/** What the organisers' groups page calls; like every service a route calls, each gets the database itself. */
export const UNDECLARED = groups.UNDECLARED;
export type GroupResult = groups.GroupResult;

export function listWithCounts() {
	return groups.listGroupsWithCounts(getDb());
}
export function create(actorUserId: number, name: string) {
	return groups.createGroup(getDb(), actorUserId, name);
}
export function rename(actorUserId: number, id: number, name: string) {
	return groups.renameGroup(getDb(), actorUserId, id, name);
}
export function setHidden(actorUserId: number, id: number, hidden: boolean) {
	return groups.setHidden(getDb(), actorUserId, id, hidden);
}
export function remove(actorUserId: number, id: number) {
	return groups.deleteGroup(getDb(), actorUserId, id);
}

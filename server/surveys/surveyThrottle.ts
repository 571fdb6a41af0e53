import type { TransactionSql } from '../db/client';

/**
 * Whether a customer was surveyed within the throttle is decided under this lock, by every kind of survey (a text or
 * email survey falling due, a keypad survey after a call): two decided at the same moment would each see none sent
 * and both go out. The second waits for the first to commit, then sees it (each statement reads what is committed
 * when it starts). An advisory lock takes no row locks, so it cannot deadlock with intake or a merge of customers.
 */
export function lockSurveyThrottle(tx: TransactionSql, customerId: string) {
  return tx`select pg_advisory_xact_lock(hashtextextended(${`survey-throttle:${customerId}`}, 0))`;
}

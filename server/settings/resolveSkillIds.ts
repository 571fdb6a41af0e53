import type { Sql, TransactionSql } from '../db/client';
import { HttpError } from '../http/httpError';

/** Resolves skill names to ids; an unknown name is a 400 naming it. */
export async function resolveSkillIds(tx: Sql | TransactionSql, names: string[]): Promise<string[]> {
  const rows = await tx<
    { id: string; name: string }[]
  >`select id, name from skills where name in ${tx(names.length ? names : [''])}`;
  const unknown = names.filter((n) => !rows.some((r) => r.name === n));
  if (unknown.length) {
    throw new HttpError(400, 'invalid_input', `Unknown skills: ${unknown.join(', ')}`, [
      { path: 'skills', message: `unknown: ${unknown.join(', ')}` },
    ]);
  }
  return rows.map((r) => r.id);
}

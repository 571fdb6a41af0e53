import type { Sql } from '../db/client';
import { HttpError } from '../http/httpError';
import { createUser } from '../settings/userSettings';

/**
 * A deployment without the demo needs one way in: with INITIAL_ADMIN_EMAIL and INITIAL_ADMIN_PASSWORD set, the
 * first start creates that admin when no admin exists yet. Later starts change nothing (the password is then the
 * admin's to change), so the variables can stay in the env file.
 */
export async function ensureInitialAdmin(sql: Sql, account: { email: string; password: string }): Promise<boolean> {
  const [admin] = await sql`select 1 from users where role = 'admin' limit 1`;
  if (admin) return false;
  try {
    await createUser(
      sql,
      {
        email: account.email,
        name: 'Administrator',
        role: 'admin',
        password: account.password,
        skills: [],
        teamIds: [],
        capacity: {},
      },
      null,
    );
    return true;
  } catch (err) {
    // Two processes starting at once: the other one created it.
    if (err instanceof HttpError && err.status === 409) return false;
    throw err;
  }
}

import { ImapFlow } from 'imapflow';
import { createSql } from '../../../server/db/client';

/**
 * The bare baseline of P6, run as a process of its own as the server is: the floor this machine sets for reading
 * a mailbox. imapflow reads the folder in batches of 20 (as the mailbox sync does), postgres.js INSERTs each mail's
 * raw bytes as one row, and each batch is flagged \Seen in one command. No parsing, no customers, tickets or
 * threading: whatever the real intake spends beyond this is its own. Prints one JSON line: how many it stored
 * (the rate is read from the rows' times, as the server's is).
 */
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const sql = createSql(env('BARE_DATABASE_URL'), { max: 1 });
await sql`create table if not exists bare_mails (id bigserial primary key, uid bigint not null, raw bytea not null, created_at timestamptz not null default now())`;
const client = new ImapFlow({
  host: env('BARE_IMAP_HOST'),
  port: Number(env('BARE_IMAP_PORT')),
  secure: false,
  auth: { user: env('BARE_IMAP_USER'), pass: env('BARE_IMAP_PASSWORD') },
  logger: false,
});
await client.connect();
await client.mailboxOpen('INBOX');
const uids = ((await client.search({ all: true }, { uid: true })) || []).sort((a, b) => a - b);
for (let i = 0; i < uids.length; i += 20) {
  const batch = await client.fetchAll(uids.slice(i, i + 20).join(','), { uid: true, source: true }, { uid: true });
  for (const message of batch.sort((a, b) => a.uid - b.uid))
    await sql`insert into bare_mails (uid, raw) values (${message.uid}, ${message.source ?? Buffer.alloc(0)})`;
  await client.messageFlagsAdd(batch.map((m) => m.uid).join(','), ['\\Seen'], { uid: true });
}
await client.logout();
await sql.end({ timeout: 2 });
console.log(JSON.stringify({ stored: uids.length }));

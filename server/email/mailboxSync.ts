import { ImapFlow } from 'imapflow';
import { InvalidEmailError } from '../../channels/email/parseInboundEmail';
import type { AppContext } from '../context';
import { rooms } from '../realtime/rooms';
import { processInboundEmail, type ProcessedEmail } from './processInboundEmail';

interface MailboxRow {
  id: string;
  imapHost: string;
  imapPort: number;
  imapTls: boolean;
  imapUser: string;
  imapPassword: string;
  folder: string;
  processedFolder: string | null;
  queueId: string | null;
  maxAttachmentBytes: number;
  uidValidity: string | null;
  lastUid: string;
}

const BATCH = 20;
const MAX_BACKOFF_MS = 60_000;
const RELOAD_MAILBOXES_MS = 30_000;

/** Called for each new ticket opened by mail, after it is stored (the auto-acknowledgement). */
export type OnNewEmailTicket = (ctx: AppContext, input: { mailboxId: string; ticketId: string; customerEmail: string; automated: boolean }) => Promise<unknown>;

/**
 * The worker's side of email: one IMAP connection per active mailbox. On every (re)connect it catches up from
 * the last UID it stored under the folder's UIDVALIDITY (a changed UIDVALIDITY rescans the folder; intake drops
 * what it has by Message-ID), then waits in IDLE for new mail. Each mail is stored before it is marked \Seen or
 * moved, and before its UID is recorded, so a crash mid-batch re-reads rather than loses. Dropped connections
 * come back with backoff; the mailbox row carries the health the console shows.
 */
export function startMailboxSyncs(ctx: AppContext, onNewTicket?: OnNewEmailTicket) {
  const syncs = new Map<string, { sync: MailboxSync; version: string }>();
  let closing = false;
  // Added mailboxes start, removed or deactivated ones stop, and changed connection settings reconnect.
  const reload = async () => {
    const rows = await ctx.sql<{ id: string; version: string }[]>`
      select id, md5(row(imap_host, imap_port, imap_tls, imap_user, imap_password, folder, processed_folder, queue_id, max_attachment_bytes)::text) as version
      from mailboxes where active`;
    if (closing) return;
    const wanted = new Map(rows.map((r) => [r.id, r.version]));
    for (const [id, running] of syncs) {
      if (wanted.get(id) === running.version) continue;
      syncs.delete(id);
      await running.sync.stop();
    }
    for (const [id, version] of wanted) if (!syncs.has(id)) syncs.set(id, { sync: new MailboxSync(ctx, id, onNewTicket), version });
  };
  const initial = reload().catch((err) => ctx.log.error({ err }, 'could not load mailboxes'));
  const timer = setInterval(() => void reload().catch((err) => ctx.log.warn({ err }, 'could not reload mailboxes')), RELOAD_MAILBOXES_MS);
  return {
    async close() {
      closing = true;
      clearInterval(timer);
      await initial;
      await Promise.all([...syncs.values()].map((s) => s.sync.stop()));
    },
  };
}

class MailboxSync {
  private stopped = false;
  private client: ImapFlow | null = null;
  private newMail = false;
  private wake: () => void = () => {};
  private readonly running: Promise<void>;

  constructor(
    private readonly ctx: AppContext,
    private readonly mailboxId: string,
    private readonly onNewTicket?: OnNewEmailTicket,
  ) {
    this.running = this.loop();
  }

  async stop() {
    this.stopped = true;
    this.wake();
    await this.client?.logout().catch(() => this.client?.close());
    await this.running;
  }

  private async loop() {
    let backoff = 1000;
    while (!this.stopped) {
      try {
        await this.serve();
        backoff = 1000;
      } catch (err) {
        await this.health('error', (err as Error).message);
        this.ctx.log.warn({ err: (err as Error).message, mailbox: this.mailboxId }, 'mailbox connection failed');
      }
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoff);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
    await this.health('disabled', null).catch(() => {});
  }

  /** One connection's life: connect, catch up, then catch up again whenever IDLE reports new mail, until it closes. */
  private async serve() {
    const [mailbox] = await this.ctx.sql<MailboxRow[]>`select * from mailboxes where id = ${this.mailboxId} and active`;
    if (!mailbox) return;
    await this.health('connecting', null);
    const client = new ImapFlow({
      host: mailbox.imapHost,
      port: mailbox.imapPort,
      secure: mailbox.imapTls,
      auth: { user: mailbox.imapUser, pass: mailbox.imapPassword },
      logger: false,
      // Go into IDLE right after each catch-up (imapflow waits 15 s by default), so new mail is noticed at once;
      // and re-issue it now and then: some servers and middleboxes drop quiet connections or miss a notification.
      autoIdleDelay: 200,
      maxIdleTime: 5 * 60_000,
    });
    let open = true;
    const closed = new Promise<void>((resolve) => client.once('close', () => ((open = false), resolve())));
    client.on('error', (err: Error) => this.ctx.log.warn({ err: err.message, mailbox: this.mailboxId }, 'imap error'));
    client.on('exists', () => {
      this.newMail = true;
      this.wake();
    });
    this.client = client;
    await client.connect();
    const box = await client.mailboxOpen(mailbox.folder);
    await this.ctx.sql`update mailboxes set state = 'connected', last_error = null, last_connected_at = now() where id = ${this.mailboxId}`;
    this.announce();
    await this.catchUp(client, mailbox, box.uidValidity);
    while (open && !this.stopped) {
      // New mail reported while the last catch-up ran is handled now, not at the next report.
      if (!this.newMail) await Promise.race([closed, new Promise<void>((resolve) => (this.wake = resolve))]);
      if (this.newMail && open && !this.stopped) {
        this.newMail = false;
        await this.catchUp(client, mailbox, box.uidValidity);
      }
    }
    if (!this.stopped) throw new Error('IMAP connection closed');
  }

  private async catchUp(client: ImapFlow, mailbox: MailboxRow, uidValidity: bigint) {
    const [state] = await this.ctx.sql<{ uidValidity: string | null; lastUid: string }[]>`select uid_validity, last_uid from mailboxes where id = ${this.mailboxId}`;
    let lastUid = Number(state.lastUid);
    if (state.uidValidity !== String(uidValidity)) {
      // A new UIDVALIDITY means the old UIDs mean nothing: read the folder again; Message-IDs keep it from doubling.
      lastUid = 0;
      await this.ctx.sql`update mailboxes set uid_validity = ${String(uidValidity)}, last_uid = 0 where id = ${this.mailboxId}`;
    }
    const found = (await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [];
    const uids = found.filter((uid) => uid > lastUid).sort((a, b) => a - b);
    for (let i = 0; i < uids.length && !this.stopped; i += BATCH) {
      const batch = await client.fetchAll(uids.slice(i, i + BATCH).join(','), { uid: true, source: true }, { uid: true });
      for (const message of batch.sort((a, b) => a.uid - b.uid)) {
        if (this.stopped) return;
        if (await this.processOne(mailbox, message.uid, message.source)) await this.markProcessed(client, mailbox, message.uid);
        await this.ctx.sql`update mailboxes set last_uid = greatest(last_uid, ${message.uid}), last_synced_at = now() where id = ${this.mailboxId}`;
      }
    }
    await this.ctx.sql`update mailboxes set last_synced_at = now() where id = ${this.mailboxId}`;
  }

  /** False for a mail that could not be read: it stays unmarked in the folder for a person to look at. */
  private async processOne(mailbox: MailboxRow, uid: number, source: Buffer | undefined): Promise<boolean> {
    let result: ProcessedEmail;
    try {
      if (!source) throw new InvalidEmailError('the server returned no message body');
      result = await processInboundEmail(this.ctx, { id: mailbox.id, queueId: mailbox.queueId, maxAttachmentBytes: mailbox.maxAttachmentBytes }, source);
    } catch (err) {
      // A mail that cannot be read must not stop the mailbox.
      if (err instanceof InvalidEmailError) {
        this.ctx.log.warn({ mailbox: this.mailboxId, uid, err: err.message }, 'unreadable mail skipped');
        return false;
      }
      throw err;
    }
    if (result.kind === 'contact' && result.newTicket && this.onNewTicket) {
      await this.onNewTicket(this.ctx, { mailboxId: mailbox.id, ticketId: result.ticketId, customerEmail: result.sender, automated: result.automated });
    }
    return true;
  }

  /** Processed mail is moved to the configured folder, else flagged \Seen; mail is never deleted. */
  private async markProcessed(client: ImapFlow, mailbox: MailboxRow, uid: number) {
    if (mailbox.processedFolder) await client.messageMove(String(uid), mailbox.processedFolder, { uid: true });
    else await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
  }

  private async health(state: 'connecting' | 'error' | 'disabled', error: string | null) {
    await this.ctx.sql`update mailboxes set state = ${state}, last_error = ${error} where id = ${this.mailboxId}`;
    this.announce();
  }

  /** Supervisors' mail health re-reads when a mailbox connects, fails or stops. */
  private announce() {
    this.ctx.publisher.emit([rooms.anySupervisor], 'mailbox.changed', { mailboxId: this.mailboxId });
  }
}

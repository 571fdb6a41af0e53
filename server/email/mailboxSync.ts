import { ImapFlow } from 'imapflow';
import { InvalidEmailError } from '../../channels/email/parseInboundEmail';
import type { AppContext } from '../context';
import { rooms } from '../realtime/rooms';
import { takeMailboxLease, type MailboxLease } from './mailboxLease';
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
const LEASE_CHECK_MS = 5_000;

/** Called for each new ticket opened by mail, after it is stored (the auto-acknowledgement). */
export type OnNewEmailTicket = (
  ctx: AppContext,
  input: { mailboxId: string; ticketId: string; customerEmail: string; automated: boolean },
) => Promise<unknown>;

export interface MailboxSyncOptions {
  /** How often a process waiting for a mailbox tries to take it over, and a holder checks it still holds it. */
  leaseCheckMs?: number;
}

/**
 * The worker's side of email: one IMAP connection per active mailbox. On every (re)connect it catches up from
 * the last UID it stored under the folder's UIDVALIDITY (a changed UIDVALIDITY rescans the folder; intake drops
 * what it has by Message-ID), then waits in IDLE for new mail. Each mail is stored before it is marked \Seen or
 * moved, and before its UID is recorded, so a crash mid-batch re-reads rather than loses. Dropped connections
 * come back with backoff; the mailbox row carries the health the console shows.
 *
 * Every worker process runs this, but a mailbox is synced by one process at a time: the one holding its lease
 * (mailboxLease.ts). The others retry now and then, so one of them takes over when the holder stops or dies.
 */
export function startMailboxSyncs(
  ctx: AppContext,
  onNewTicket?: OnNewEmailTicket,
  { leaseCheckMs = LEASE_CHECK_MS }: MailboxSyncOptions = {},
) {
  const syncs = new Map<string, { sync: MailboxSync; version: string }>();
  let closing = false;
  // Added mailboxes start, removed or deactivated ones stop, and changed connection settings reconnect.
  const reload = async () => {
    const rows = await ctx.sql<{ id: string; version: string }[]>`
      select id, md5(row(imap_host, imap_port, imap_tls, imap_user, imap_password, folder, processed_folder, queue_id, max_attachment_bytes)::text) as version
      from mailboxes where active and not simulated`;
    if (closing) return;
    const wanted = new Map(rows.map((r) => [r.id, r.version]));
    for (const [id, running] of syncs) {
      if (wanted.get(id) === running.version) continue;
      syncs.delete(id);
      await running.sync.stop();
    }
    for (const [id, version] of wanted)
      if (!syncs.has(id)) syncs.set(id, { sync: new MailboxSync(ctx, id, leaseCheckMs, onNewTicket), version });
  };
  const initial = reload().catch((err) => ctx.log.error({ err }, 'could not load mailboxes'));
  const timer = setInterval(
    () => void reload().catch((err) => ctx.log.warn({ err }, 'could not reload mailboxes')),
    RELOAD_MAILBOXES_MS,
  );
  return {
    /** The mailboxes this process syncs now (holds the lease of). */
    syncing: () => [...syncs].filter(([, running]) => running.sync.holding).map(([id]) => id),
    async close() {
      closing = true;
      clearInterval(timer);
      await initial;
      await Promise.all([...syncs.values()].map((s) => s.sync.stop()));
    },
  };
}

class MailboxSync {
  /** This process holds the mailbox's lease: it alone connects, syncs and reports the mailbox's health. */
  holding = false;
  private stopped = false;
  private leaseLost = false;
  private client: ImapFlow | null = null;
  private newMail = false;
  private wake: () => void = () => {};
  private readonly running: Promise<void>;

  constructor(
    private readonly ctx: AppContext,
    private readonly mailboxId: string,
    private readonly leaseCheckMs: number,
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

  /** Asked to stop, or the lease went to another process: either way this process lets the mailbox be. */
  private get halted() {
    return this.stopped || this.leaseLost;
  }

  /** Waits for the lease (retrying while another process holds it), syncs while holding it, and again. */
  private async loop() {
    while (!this.stopped) {
      const lease = await takeMailboxLease(this.ctx.sql, this.mailboxId).catch((err: Error) => {
        this.ctx.log.warn({ err: err.message, mailbox: this.mailboxId }, 'could not ask for the mailbox lease');
        return null;
      });
      if (!lease) {
        await this.pause(this.leaseCheckMs);
        continue;
      }
      this.holding = true;
      this.leaseLost = false;
      const watchdog = setInterval(() => void this.checkLease(lease), this.leaseCheckMs);
      try {
        await this.syncWhileHeld();
      } finally {
        clearInterval(watchdog);
        this.holding = false;
        await lease.release();
      }
    }
  }

  /** A lease lost with its connection may already be someone else's: drop the IMAP connection at once. */
  private async checkLease(lease: MailboxLease) {
    if (this.halted || (await lease.held())) return;
    this.ctx.log.warn({ mailbox: this.mailboxId }, 'mailbox lease lost; another process may sync it now');
    this.leaseLost = true;
    this.wake();
    this.client?.close();
  }

  private async syncWhileHeld() {
    let backoff = 1000;
    while (!this.halted) {
      try {
        await this.serve();
        backoff = 1000;
      } catch (err) {
        if (this.halted) break;
        await this.health('error', (err as Error).message);
        this.ctx.log.warn({ err: (err as Error).message, mailbox: this.mailboxId }, 'mailbox connection failed');
      }
      if (this.halted) break;
      await this.pause(backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
    // With the lease lost, the mailbox's health is the new holder's to report.
    if (!this.leaseLost) await this.health('disabled', null).catch(() => {});
  }

  private pause(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
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
    await this.ctx
      .sql`update mailboxes set state = 'connected', last_error = null, last_connected_at = now() where id = ${this.mailboxId}`;
    this.announce();
    await this.catchUp(client, mailbox, box.uidValidity);
    while (open && !this.halted) {
      // New mail reported while the last catch-up ran is handled now, not at the next report.
      if (!this.newMail) await Promise.race([closed, new Promise<void>((resolve) => (this.wake = resolve))]);
      if (this.newMail && open && !this.halted) {
        this.newMail = false;
        await this.catchUp(client, mailbox, box.uidValidity);
      }
    }
    if (!this.halted) throw new Error('IMAP connection closed');
  }

  private async catchUp(client: ImapFlow, mailbox: MailboxRow, uidValidity: bigint) {
    const [state] = await this.ctx.sql<
      { uidValidity: string | null; lastUid: string }[]
    >`select uid_validity, last_uid from mailboxes where id = ${this.mailboxId}`;
    let lastUid = Number(state.lastUid);
    if (state.uidValidity !== String(uidValidity)) {
      // A new UIDVALIDITY means the old UIDs mean nothing: read the folder again; Message-IDs keep it from doubling.
      lastUid = 0;
      await this.ctx
        .sql`update mailboxes set uid_validity = ${String(uidValidity)}, last_uid = 0 where id = ${this.mailboxId}`;
    }
    const found = (await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [];
    const uids = found.filter((uid) => uid > lastUid).sort((a, b) => a - b);
    for (let i = 0; i < uids.length && !this.halted; i += BATCH) {
      const batch = await client.fetchAll(
        uids.slice(i, i + BATCH).join(','),
        { uid: true, source: true },
        { uid: true },
      );
      for (const message of batch.sort((a, b) => a.uid - b.uid)) {
        if (this.halted) return;
        if (await this.processOne(mailbox, message.uid, message.source))
          await this.markProcessed(client, mailbox, message.uid);
        await this.ctx
          .sql`update mailboxes set last_uid = greatest(last_uid, ${message.uid}), last_synced_at = now() where id = ${this.mailboxId}`;
      }
    }
    await this.ctx.sql`update mailboxes set last_synced_at = now() where id = ${this.mailboxId}`;
  }

  /** False for a mail that could not be read: it stays unmarked in the folder for a person to look at. */
  private async processOne(mailbox: MailboxRow, uid: number, source: Buffer | undefined): Promise<boolean> {
    let result: ProcessedEmail;
    try {
      if (!source) throw new InvalidEmailError('the server returned no message body');
      result = await processInboundEmail(
        this.ctx,
        { id: mailbox.id, queueId: mailbox.queueId, maxAttachmentBytes: mailbox.maxAttachmentBytes },
        source,
      );
    } catch (err) {
      // A mail that cannot be read must not stop the mailbox.
      if (err instanceof InvalidEmailError) {
        this.ctx.log.warn({ mailbox: this.mailboxId, uid, err: err.message }, 'unreadable mail skipped');
        return false;
      }
      throw err;
    }
    if (result.kind === 'contact' && result.newTicket && this.onNewTicket) {
      await this.onNewTicket(this.ctx, {
        mailboxId: mailbox.id,
        ticketId: result.ticketId,
        customerEmail: result.sender,
        automated: result.automated,
      });
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

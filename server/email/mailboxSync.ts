import { ImapFlow } from 'imapflow';
import { InvalidEmailError } from '../../channels/email/parseInboundEmail';
import type { AppContext } from '../context';
import { rooms } from '../realtime/rooms';
import { parkFailedMail } from './failedMails';
import { classifyIntakeFailure, UNKNOWN_FAILURE_ATTEMPTS } from './intakeFailure';
import { takeMailboxLease, type MailboxLease } from './mailboxLease';
import { processInboundEmail, type ProcessedEmail } from './processInboundEmail';

interface MailboxRow {
  id: string;
  imapHost: string;
  imapPort: number;
  imapTls: boolean;
  imapUser: string;
  imapPasswordEncrypted: string;
  folder: string;
  processedFolder: string | null;
  queueId: string | null;
  maxAttachmentBytes: number;
  uidValidity: string | null;
  lastUid: string;
}

const BATCH = 20;
const FIRST_BACKOFF_MS = 1000;
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
  /** The wait before reconnecting after a failure, doubling up to `maxBackoffMs` while failures go on. */
  firstBackoffMs?: number;
  maxBackoffMs?: number;
}

interface SyncTiming {
  leaseCheckMs: number;
  firstBackoffMs: number;
  maxBackoffMs: number;
}

/**
 * The worker's side of email: one IMAP connection per active mailbox. On every (re)connect it catches up from
 * the last UID it stored under the folder's UIDVALIDITY (a changed UIDVALIDITY rescans the folder; intake drops
 * what it has by Message-ID), then waits in IDLE for new mail. Each mail is stored before it is marked \Seen or
 * moved, and before its UID is recorded, so a crash mid-batch re-reads rather than loses. Dropped connections
 * come back with backoff; the mailbox row carries the health the console shows.
 *
 * One mail never stops the mailbox: a mail that cannot be stored is kept as a failed mail (failedMails.ts) and the
 * sync moves past it, leaving it unread on the server. Only failures of what intake runs on (intakeFailure.ts)
 * stop the sync, to retry with backoff; each attempt closes the connection it opened before the next one opens.
 *
 * Every worker process runs this, but a mailbox is synced by one process at a time: the one holding its lease
 * (mailboxLease.ts). The others retry now and then, so one of them takes over when the holder stops or dies.
 */
export function startMailboxSyncs(
  ctx: AppContext,
  onNewTicket?: OnNewEmailTicket,
  {
    leaseCheckMs = LEASE_CHECK_MS,
    firstBackoffMs = FIRST_BACKOFF_MS,
    maxBackoffMs = MAX_BACKOFF_MS,
  }: MailboxSyncOptions = {},
) {
  const timing: SyncTiming = { leaseCheckMs, firstBackoffMs, maxBackoffMs };
  const syncs = new Map<string, { sync: MailboxSync; version: string }>();
  let closing = false;
  // Added mailboxes start, removed or deactivated ones stop, and changed connection settings reconnect.
  const reload = async () => {
    const rows = await ctx.sql<{ id: string; version: string }[]>`
      select id, md5(row(imap_host, imap_port, imap_tls, imap_user, imap_password_encrypted, folder, processed_folder, queue_id, max_attachment_bytes)::text) as version
      from mailboxes where active and not simulated`;
    if (closing) return;
    const wanted = new Map(rows.map((r) => [r.id, r.version]));
    for (const [id, running] of syncs) {
      if (wanted.get(id) === running.version) continue;
      syncs.delete(id);
      await running.sync.stop();
    }
    for (const [id, version] of wanted)
      if (!syncs.has(id)) syncs.set(id, { sync: new MailboxSync(ctx, id, timing, onNewTicket), version });
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

/** The IMAP password, opened only for the connection; a failure shows as the mailbox's error, never the value. */
function openPassword(ctx: AppContext, sealed: string) {
  try {
    return ctx.secrets.open(sealed);
  } catch (err) {
    throw new Error(`the stored IMAP password cannot be decrypted: ${(err as Error).message}`, { cause: err });
  }
}

/** What went wrong, as the console shows it: imapflow's bare "Command failed" gets the server's own words. */
function failureText(err: unknown) {
  const { message, responseStatus, responseText } = err as Error & { responseStatus?: string; responseText?: string };
  return responseText ? `${message}: ${responseStatus ?? ''} ${responseText}`.replace(/\s+/g, ' ') : message;
}

class MailboxSync {
  /** This process holds the mailbox's lease: it alone connects, syncs and reports the mailbox's health. */
  holding = false;
  private stopped = false;
  private leaseLost = false;
  private client: ImapFlow | null = null;
  private newMail = false;
  /** Tries so far of mails whose failure could not be told apart (`unknown`), by UIDVALIDITY and UID. */
  private readonly unknownFailures = new Map<string, number>();
  private wake: () => void = () => {};
  private readonly running: Promise<void>;

  constructor(
    private readonly ctx: AppContext,
    private readonly mailboxId: string,
    private readonly timing: SyncTiming,
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
        await this.pause(this.timing.leaseCheckMs);
        continue;
      }
      this.holding = true;
      this.leaseLost = false;
      const watchdog = setInterval(() => void this.checkLease(lease), this.timing.leaseCheckMs);
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
    let backoff = this.timing.firstBackoffMs;
    while (!this.halted) {
      try {
        await this.serve();
        backoff = this.timing.firstBackoffMs;
      } catch (err) {
        if (this.halted) break;
        this.ctx.log.warn({ err: failureText(err), mailbox: this.mailboxId }, 'mailbox connection failed');
        // With the database down the health cannot be written either; the sync goes on trying all the same.
        await this.health('error', failureText(err)).catch(() => {});
      }
      if (this.halted) break;
      await this.pause(backoff);
      backoff = Math.min(backoff * 2, this.timing.maxBackoffMs);
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
    const password = openPassword(this.ctx, mailbox.imapPasswordEncrypted);
    const client = new ImapFlow({
      host: mailbox.imapHost,
      port: mailbox.imapPort,
      secure: mailbox.imapTls,
      auth: { user: mailbox.imapUser, pass: password },
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
    // Whatever ends this connection's life (a failed login or SELECT, a failed store, the server hanging up), it is
    // closed here before the next attempt opens another: one connection per mailbox, however often it fails.
    try {
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
    } finally {
      if (this.client === client) this.client = null;
      client.close();
    }
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
      // Each mail of the batch is stored (or set aside) first, then the stored ones are marked in one command
      // and the position recorded once: a failure in between re-reads the batch, which stores nothing twice.
      const stored: number[] = [];
      let last = 0;
      for (const message of batch.sort((a, b) => a.uid - b.uid)) {
        if (this.halted) break;
        const place = { folder: mailbox.folder, uidValidity: String(uidValidity), uid: message.uid };
        if ((await this.processOne(mailbox, place, message.source)) === 'stored') stored.push(message.uid);
        last = message.uid;
      }
      if (stored.length) await this.markProcessed(client, mailbox, stored);
      if (last)
        await this.ctx
          .sql`update mailboxes set last_uid = greatest(last_uid, ${last}), last_synced_at = now() where id = ${this.mailboxId}`;
    }
    await this.ctx.sql`update mailboxes set last_synced_at = now() where id = ${this.mailboxId}`;
  }

  /**
   * Stores one mail. A mail that cannot be stored is set aside as a failed mail (`parked`): it stays unmarked in the
   * folder and the sync goes on with the next. A failure of what intake runs on is thrown, to retry with backoff.
   */
  private async processOne(
    mailbox: MailboxRow,
    place: { folder: string; uidValidity: string; uid: number },
    source: Buffer | undefined,
  ): Promise<'stored' | 'parked'> {
    let result: ProcessedEmail;
    try {
      if (!source) throw new InvalidEmailError('the server returned no message body');
      result = await processInboundEmail(
        this.ctx,
        { id: mailbox.id, queueId: mailbox.queueId, maxAttachmentBytes: mailbox.maxAttachmentBytes },
        source,
      );
    } catch (err) {
      if (!this.setAside(err, place)) throw err;
      const error = (err as Error).message;
      await parkFailedMail(this.ctx.sql, { mailboxId: mailbox.id, ...place }, source ?? Buffer.alloc(0), error);
      this.ctx.log.warn({ mailbox: this.mailboxId, uid: place.uid, err: error }, 'mail set aside as failed');
      this.announce();
      return 'parked';
    }
    this.unknownFailures.delete(`${place.uidValidity}:${place.uid}`);
    if (result.kind === 'contact' && result.newTicket && result.sender && this.onNewTicket) {
      // The mail is stored: an acknowledgement that cannot be queued is logged, and must not fail the mail.
      await this.onNewTicket(this.ctx, {
        mailboxId: mailbox.id,
        ticketId: result.ticketId,
        customerEmail: result.sender,
        automated: result.automated,
      }).catch((err: Error) =>
        this.ctx.log.warn({ mailbox: this.mailboxId, err: err.message }, 'auto-acknowledgement not queued'),
      );
    }
    return 'stored';
  }

  /**
   * Whether a failed mail is set aside now: at once when the fault is the mail's, never when it is the
   * environment's, and after a few tries when it cannot be told (a bug meeting odd input fails every time, but
   * so might a hiccup: a few tries with backoff tell them apart without holding the mailbox up for long).
   */
  private setAside(err: unknown, place: { uidValidity: string; uid: number }) {
    const kind = classifyIntakeFailure(err);
    if (kind !== 'unknown') return kind === 'mail';
    const key = `${place.uidValidity}:${place.uid}`;
    const tries = (this.unknownFailures.get(key) ?? 0) + 1;
    this.unknownFailures.set(key, tries);
    if (tries < UNKNOWN_FAILURE_ATTEMPTS) return false;
    this.unknownFailures.delete(key);
    return true;
  }

  /** Processed mail is moved to the configured folder, else flagged \Seen; mail is never deleted. */
  private async markProcessed(client: ImapFlow, mailbox: MailboxRow, uids: number[]) {
    const range = uids.join(',');
    if (mailbox.processedFolder) await client.messageMove(range, mailbox.processedFolder, { uid: true });
    else await client.messageFlagsAdd(range, ['\\Seen'], { uid: true });
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

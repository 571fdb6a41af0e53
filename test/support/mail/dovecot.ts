import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';
import { freePort } from '../../../server/net/freePort';

const run = promisify(execFile);

export interface Dovecot {
  host: '127.0.0.1';
  port: number;
  /** Any user name logs in (static passdb); each gets its own maildir. */
  user: string;
  password: string;
  /** The temporary folder holding the config, sockets, log and mail. */
  dir: string;
  /** Puts raw RFC 822 bytes into a folder, as a mail server delivering a customer's mail would. */
  appendRaw(raw: Buffer, folder?: string): Promise<{ uid: number; uidValidity: bigint | number }>;
  /** Stops the server and deletes its folder; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * A private Debian dovecot-imapd for one test file: its own config, sockets, state and maildir under a temp
 * folder, listening on a free loopback port, plain LOGIN with one password (any user name). Runs as root the way
 * shared/RECIPES.md checked: the IMAP processes drop to the dovecot user, so the maildir belongs to it.
 */
export async function startDovecot({ password = 'secret' }: { password?: string } = {}): Promise<Dovecot> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-dovecot-'));
  // mkdtemp makes the folder 0700: the imap process (uid dovecot) could not reach the maildir inside it.
  fs.chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'mail']) fs.mkdirSync(path.join(dir, sub));
  await run('chown', ['-R', 'dovecot:dovecot', path.join(dir, 'mail')]);
  const port = await freePort();
  const config = path.join(dir, 'dovecot.conf');
  if (!/^[\w.-]+$/.test(password)) throw new Error('a dovecot test password is letters, digits, _ . - only');
  fs.writeFileSync(config, dovecotConfig(dir, port, password));
  const user = 'support';

  let stopped = false;
  // A test run that dies before its afterAll must not leave a daemon behind: SIGTERM makes the master shut down.
  const killOnExit = () => {
    const pid = masterPid(dir);
    if (pid && !stopped) process.kill(pid, 'SIGTERM');
  };
  process.once('exit', killOnExit);
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', killOnExit);
    const pid = masterPid(dir);
    await dovecotCommand(dir, ['-c', config, 'stop']).catch(() => undefined);
    // `dovecot stop` only signals the master; wait until it has taken its children down before deleting their files.
    if (pid) await waitUntil(() => !alive(pid), 10_000);
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    await dovecotCommand(dir, ['-c', config]);
    await waitForGreeting(port, 10_000);
  } catch (err) {
    const logs = ['startup.log', 'dovecot.log'].map((f) => path.join(dir, f)).filter((f) => fs.existsSync(f));
    const log = logs.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    await stop();
    throw new Error(`dovecot did not start: ${(err as Error).message}\n${log}`, { cause: err });
  }

  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    dir,
    stop,
    async appendRaw(raw, folder = 'INBOX') {
      const client = new ImapFlow({
        host: '127.0.0.1',
        port,
        secure: false,
        auth: { user, pass: password },
        logger: false,
      });
      await client.connect();
      try {
        if (folder.toUpperCase() !== 'INBOX') await client.mailboxCreate(folder);
        const appended = await client.append(folder, raw);
        if (!appended || appended.uid === undefined || appended.uidValidity === undefined)
          throw new Error(`APPEND to ${folder} reported no APPENDUID`);
        return { uid: appended.uid, uidValidity: appended.uidValidity };
      } finally {
        await client.logout();
      }
    },
  };
}

function dovecotConfig(dir: string, port: number, password: string): string {
  return `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
# Tell IDLE clients about new mail within a second (inotify may not reach a temp folder; the default poll is 30 s).
mailbox_idle_check_interval = 1 secs
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = static
  args = password=${password}
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
}
`;
}

// Tests run with whatever PATH the shell had; Debian puts dovecot in /usr/sbin, which non-root PATHs lack.
function dovecotBinary(): string {
  return ['/usr/sbin/dovecot', '/usr/bin/dovecot'].find((p) => fs.existsSync(p)) ?? 'dovecot';
}

/**
 * Runs the dovecot binary and waits for it to exit. Its daemon keeps the stderr it was started with, so
 * execFile (which waits for the output pipes to close) would never return: output goes to a file instead.
 */
function dovecotCommand(dir: string, args: string[]): Promise<void> {
  const output = fs.openSync(path.join(dir, 'startup.log'), 'a');
  return new Promise<void>((resolve, reject) => {
    const child = spawn(dovecotBinary(), args, { stdio: ['ignore', output, output] });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`dovecot ${args.join(' ')} exited with ${code ?? signal}`)),
    );
  }).finally(() => fs.closeSync(output));
}

function masterPid(dir: string): number | null {
  try {
    return Number(fs.readFileSync(path.join(dir, 'run', 'master.pid'), 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(done: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

/**
 * Until the auth process is up, dovecot greets with "* OK Waiting for authentication process to respond.."
 * before its real greeting; an IMAP client takes the first line for the greeting. Wait for "ready".
 */
async function waitForGreeting(port: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    last = await readGreeting(port).catch((err: Error) => err.message);
    if (/^\* OK .*ready/m.test(last)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no IMAP greeting on port ${port} (last: ${last.trim()})`);
}

function readGreeting(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    const finish = () => {
      socket.destroy();
      resolve(text);
    };
    socket.setTimeout(1000, finish);
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      if (/ready/.test(text)) finish();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
  });
}

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { freePort } from './nginx';
import { until } from './until';

/** Debian's Dovecot (apt-get install dovecot-imapd); DOVECOT_PATH overrides. */
const DOVECOT = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';

/**
 * A real IMAP server for the tests: Debian's Dovecot, run from a configuration written into a
 * temporary folder (its sockets, state, log, a passwd-file of users and their Maildirs all
 * there), on a free loopback port, without TLS. It does not touch the machine's own Dovecot.
 * Run as root, the mail processes take the `dovecot` system user (Dovecot never gives
 * mail to uid 0); otherwise the whole server runs as the current user.
 */
export class ImapServer {
  port = 0;
  private dir = '';
  private child: ChildProcess | null = null;

  async start(users: { user: string; password: string }[]): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), 'portal-imap-'));
    this.port = await freePort();
    const home = join(this.dir, 'home');
    mkdirSync(home);
    writeFileSync(join(this.dir, 'passwd'), users.map((u) => `${u.user}:{PLAIN}${u.password}::::::\n`).join(''));
    const asRoot = process.getuid?.() === 0;
    const uid = asRoot ? Number(execFileSync('id', ['-u', 'dovecot']).toString()) : process.getuid!();
    const gid = asRoot ? Number(execFileSync('id', ['-g', 'dovecot']).toString()) : process.getgid!();
    if (asRoot) {
      chmodSync(this.dir, 0o755);
      chownSync(home, uid, gid);
    }
    const me = userInfo().username;
    writeFileSync(
      join(this.dir, 'dovecot.conf'),
      `base_dir = ${this.dir}/run
state_dir = ${this.dir}/state
log_path = ${this.dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = ${Math.min(uid, 100)}
first_valid_gid = 0
${asRoot ? '' : `default_internal_user = ${me}\ndefault_login_user = ${me}\n`}passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${this.dir}/passwd
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${home}/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  inet_listener imap {
    port = ${this.port}
  }
  inet_listener imaps {
    port = 0
  }
${asRoot ? '' : '  chroot =\n'}}
${asRoot ? '' : 'service anvil {\n  chroot =\n}\n'}`,
    );
    this.child = spawn(DOVECOT, ['-F', '-c', join(this.dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    this.child.stdout!.on('data', (chunk) => (output += chunk));
    this.child.stderr!.on('data', (chunk) => (output += chunk));
    await until(
      async () => {
        if (this.child!.exitCode !== null) throw new Error(`dovecot exited: ${output}${this.log()}`);
        return new Promise<boolean>((resolve) => {
          const socket = connect(this.port, '127.0.0.1', () => {
            socket.destroy();
            resolve(true);
          });
          socket.on('error', () => resolve(false));
        });
      },
      'dovecot listening',
      15_000,
    );
  }

  private log(): string {
    const path = join(this.dir, 'dovecot.log');
    return existsSync(path) ? readFileSync(path, 'utf8') : '';
  }

  /** A connected client for a user of this server. */
  async client(user: string, password: string): Promise<ImapFlow> {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: this.port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
    });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  }

  /** Delivers a mail the way it arrives in a mailbox: APPEND into the folder. */
  async deliver(user: string, password: string, raw: string | Buffer, folder = 'INBOX'): Promise<void> {
    const client = await this.client(user, password);
    try {
      await client.append(folder, raw);
    } finally {
      await client.logout();
    }
  }

  /** How many mails a folder holds (0 for a folder that does not exist yet). */
  async count(user: string, password: string, folder: string): Promise<number> {
    const client = await this.client(user, password);
    try {
      const boxes = await client.list();
      if (!boxes.some((box) => box.path === folder)) return 0;
      const status = await client.status(folder, { messages: true });
      return status ? (status.messages ?? 0) : 0;
    } finally {
      await client.logout();
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A mail as a mail program writes it (nodemailer's MIME composer), to deliver with `deliver`. */
export async function composeMail(mail: SendMailOptions): Promise<Buffer> {
  const info = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(mail);
  return info.message as Buffer;
}

/** The portal's settings to read this server's mailbox of `user` (its own address), polling every 300 ms. */
export function mailboxEnv(server: ImapServer, mailbox: { user: string; password: string }): Record<string, string> {
  return {
    IMAP_HOST: '127.0.0.1',
    IMAP_PORT: String(server.port),
    IMAP_SECURE: 'false',
    IMAP_USER: mailbox.user,
    IMAP_PASSWORD: mailbox.password,
    IMAP_POLL_MS: '300',
    MAIL_REPLY_ADDRESS: mailbox.user,
  };
}

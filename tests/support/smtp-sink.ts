import { SMTPServer } from 'smtp-server';

/**
 * The plain-text part of a message, quoted-printable decoded. The part ends at the message's
 * MIME boundary, not at any line that starts with "--": a soft-wrapped line of the encoded
 * text can (a signed token such as "…Y--ti…" wrapped before its dashes).
 */
export function decodedText(raw: string): string {
  const start = raw.search(/Content-Type: text\/plain/i);
  // The boundary of the multipart that holds the text part: the last one declared before it.
  const boundary = [...raw.slice(0, Math.max(start, 0)).matchAll(/boundary="?([^";\r\n]+)"?/gi)].pop()?.[1];
  const end = boundary ? `\r\n--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` : '\r\n--';
  const part = new RegExp(`Content-Type: text/plain[^]*?\r\n\r\n([^]*?)${end}`, 'i').exec(raw)?.[1] ?? raw;
  const bytes = part
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

export interface ReceivedMail {
  to: string[];
  subject: string;
  messageId: string;
  raw: string;
}

/**
 * A real SMTP server for the tests (the npm smtp-server package) on a loopback port. It
 * keeps every message it accepts. With `acceptDelayMs`, it holds its answer to the end of
 * DATA for that long, so a test can kill the sender mid-delivery; a message whose sender
 * hung up before the answer was a failed transaction, as in any mail server, and is not kept.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  acceptDelayMs = 0;
  /** Transactions whose DATA arrived and that wait for the server's answer. */
  inFlight = 0;
  private server: SMTPServer | null = null;
  port = 0;

  async start(): Promise<string> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.inFlight++;
          const raw = Buffer.concat(chunks).toString('utf8');
          const finish = () => {
            // smtp-server keeps its open connections in `connections`; a hung-up one is gone.
            const open = (
              this.server as unknown as { connections: Set<{ id: string; _socket: { destroyed: boolean } }> }
            ).connections;
            const alive = [...open].some((connection) => connection.id === session.id && !connection._socket.destroyed);
            if (alive) {
              this.messages.push({
                to: session.envelope.rcptTo.map((r) => r.address),
                subject: decodeHeader(/^Subject: (.*(?:\r\n[ \t].*)*)/im.exec(raw)?.[1] ?? ''),
                messageId: /^Message-ID: (.*)$/im.exec(raw)?.[1]?.trim() ?? '',
                raw,
              });
            }
            this.inFlight--;
            callback();
          };
          if (this.acceptDelayMs > 0) setTimeout(finish, this.acceptDelayMs);
          else finish();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = (this.server as unknown as { server: { address(): { port: number } } }).server.address();
    this.port = address.port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.includes(address));
  }

  async waitFor(predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for mail; received: ${this.messages.map((m) => `${m.to.join(',')} ${m.subject}`).join(' | ')}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) in a header. */
function decodeHeader(value: string): string {
  return value
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** A received message's plain-text part, quoted-printable undone, lines ending in "\n". */
export function plainTextOf(raw: string): string {
  return decodedText(raw).replace(/\r\n/g, '\n');
}

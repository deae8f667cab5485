import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { THEMATIC_AREAS } from '@portal/shared';

/** Secrets that ship in the repository's examples and must never run in production. */
const KNOWN_DEFAULT_SECRETS = ['change-me', 'changeme', 'secret', 'dev-secret', 'test-secret'];

const toBoolean = ({ value }: { value: unknown }) =>
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a setting's text (or a boolean)
  value === undefined || value === '' ? undefined : ['true', '1', 'yes'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * The portal's whole configuration, read from the environment once at boot and validated
 * there: a wrong value stops the process with a message naming the variable. Nothing else
 * in the code reads process.env.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Folder of the embedded database (PGlite), used when DATABASE_URL is not set. */
  @IsString()
  DATA_DIR = './.data';

  /**
   * Loopback port the embedded database is served on (0: any free port). A fixed port lets
   * psql or a bench connect to it while the portal runs.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  EMBEDDED_DATABASE_PORT = 0;

  /** Seconds between VACUUM (ANALYZE) runs of the embedded database, which has no autovacuum (the first ~30 s after start-up). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(604800)
  EMBEDDED_MAINTENANCE_SECONDS = 3600;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Load the demo organizations and accounts. Always on with the embedded database. */
  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean()
  SEED_DEMO?: boolean;

  /**
   * In demo mode, also load the demo history (about 18 months of the demo organizations'
   * requests) once per database, in the background after start-up. Never outside demo mode.
   */
  @Transform(toBoolean)
  @IsBoolean()
  DEMO_HISTORY = true;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET?: string;

  /**
   * Signing secret of the resolution email's one-tap score links (HMAC-SHA256), at least 32
   * characters. Unset: derived from JWT_SECRET, so changing either invalidates the links sent.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'SATISFACTION_LINK_SECRET must be at least 32 characters long' })
  SATISFACTION_LINK_SECRET?: string;

  /**
   * Key that encrypts the two-factor secrets and the webhook signing secrets at rest
   * (AES-256-GCM), at least 32 characters. Unset: derived from JWT_SECRET, so changing
   * JWT_SECRET then makes every enrolled authenticator and webhook secret unreadable.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'SECRETS_ENCRYPTION_KEY must be at least 32 characters long' })
  SECRETS_ENCRYPTION_KEY?: string;

  /**
   * Staff and admins must sign in with two-factor: one without it is led to set it up right
   * after the password. Off by default so that the demo accounts keep signing in.
   */
  @Transform(toBoolean)
  @IsBoolean()
  REQUIRE_TWO_FACTOR_FOR_STAFF = false;

  /**
   * Webhook endpoints may be http:// and on loopback or private addresses (tests, a
   * receiver on the same network). Off: https only, and no address that resolves to
   * loopback, private or link-local space (SSRF).
   */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_TARGETS = false;

  /** Failed attempts in a row after which a webhook endpoint is disabled and the admins told. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  WEBHOOK_DISABLE_AFTER_FAILURES = 10;

  /** Attempts of one delivery before it is given up (the backoff doubles from WEBHOOK_RETRY_BASE_SECONDS). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  WEBHOOK_MAX_ATTEMPTS = 8;

  /** Seconds before the first retry of a delivery; each next retry waits twice as long (capped at 6 hours). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600)
  WEBHOOK_RETRY_BASE_SECONDS = 30;

  /** How long a receiver has to answer, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE = 10;

  /**
   * Memory for the reports' rollup cells by organization held by the API (MB;
   * organization-cells.ts). A three-year report over a million requests holds ~40 MB; 0 holds none.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65_536)
  REPORT_CACHE_MB = 256;

  /**
   * Days the attachments of a closed request are kept after it closed: a daily sweep deletes
   * older ones' files and rows, audited (docs/domain.md, "Personal data"). 0 keeps them.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(36_500)
  ATTACHMENT_RETENTION_DAYS = 0;

  /**
   * Request lists count their matches exactly up to this many; beyond it they answer this
   * number with totalIsExact false ("1,000+"), so a list's cost does not grow with its scope.
   * Measured on a million requests (README, "API under load"): counting to 10,000 made a
   * region's whole inbox 4× and a three-year search up to 10× dearer than counting to 1,000.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  LIST_EXACT_TOTAL_LIMIT = 1_000;

  /**
   * A list searched by words (`q`) that are checked on the requests in scope (the work in
   * progress; elsewhere words the statistics call common) is counted exactly up to this many
   * (never more than LIST_EXACT_TOTAL_LIMIT): "200+ found" says to refine the words as well as
   * "1,000+" does, and proving it reads a fifth of the requests. Measured on a million
   * requests (docs/performance.md, "Issue 25 met"): a three-year archive search for a common
   * word 15 → 6–9 ms of SQL, a region's open work searched for "cafe" 10–13 → 5–7 ms.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  SEARCH_EXACT_TOTAL_LIMIT = 200;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Folder of uploaded files, outside the web root; default DATA_DIR/attachments. */
  @IsString()
  ATTACHMENTS_DIR = '';

  /** SMTP server for email, e.g. smtp://user:pass@mail.example:587; none: emails go to the log. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Portal de servicios <no-reply@portal.local>';

  /** The address people use to reach the portal, for links in emails. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\//, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL?: string;

  /** Run the background workers (outbox delivery, scheduled jobs) in this process. */
  @Transform(toBoolean)
  @IsBoolean()
  WORKERS_ENABLED = true;

  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60_000)
  OUTBOX_POLL_MS = 1000;

  /** How long a claimed email may stay in delivery before another worker takes it over. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  OUTBOX_LEASE_SECONDS = 60;

  /** Period of the scheduled jobs (SLA breach sweep, auto-close of resolved requests). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  JOB_INTERVAL_SECONDS = 60;

  /**
   * Addresses or CIDRs of the reverse proxies in front (comma-separated), whose
   * X-Forwarded-For is believed; none: the socket's address is the client's.
   */
  @IsString()
  TRUSTED_PROXIES = '';

  /** Serve the OpenAPI document and Swagger UI at /api/docs; unset: on outside production. */
  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean()
  API_DOCS?: boolean;

  /** Origins allowed to call the API from a browser (comma-separated); none: same origin only. */
  @IsString()
  CORS_ORIGINS = '';

  /** Sign-in attempts per minute from one address (the per-email throttle is separate). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_LOGIN_PER_MINUTE = 30;

  /** Request submissions per minute by one person. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_SUBMIT_PER_MINUTE = 20;

  /**
   * The mailbox the portal reads replies and new requests from (IMAP; README, "Answer by
   * email"). Unset: nothing is read, and emails carry no reply address.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  IMAP_HOST?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  IMAP_PORT = 993;

  /** TLS from the first byte (port 993); false: plain, upgraded with STARTTLS when the server offers it. */
  @Transform(toBoolean)
  @IsBoolean()
  IMAP_SECURE = true;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  IMAP_USER?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  IMAP_PASSWORD?: string;

  /** The folder new mail arrives in. */
  @IsString()
  @MinLength(1)
  IMAP_INBOX = 'INBOX';

  /** Where a mail goes once it became a message or a request (created when missing). */
  @IsString()
  @MinLength(1)
  IMAP_PROCESSED_FOLDER = 'Processed';

  /** Where a refused mail goes (unknown sender, auto-reply, forged reply address…; created when missing). */
  @IsString()
  @MinLength(1)
  IMAP_REFUSED_FOLDER = 'Refused';

  /** Milliseconds between two reads of the mailbox. */
  @Transform(toInt)
  @IsInt()
  @Min(200)
  @Max(3_600_000)
  IMAP_POLL_MS = 60_000;

  /**
   * The mailbox's own address, e.g. portal@example.org: emails about a request answer to
   * portal+<signed token>@example.org (plus addressing), and mail to it files a request.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[^\s@+]+@[^\s@]+\.[^\s@]+$/, { message: 'MAIL_REPLY_ADDRESS must be an email address without a +tag' })
  MAIL_REPLY_ADDRESS?: string;

  /**
   * One address per thematic area (comma-separated area=address, e.g.
   * market-access=mercados@example.org): a new request mailed there gets that area.
   */
  @IsString()
  MAIL_AREA_ADDRESSES = '';

  /** The area of a request mailed to no area's address, routed to the country's representative to sort. */
  @IsIn(THEMATIC_AREAS)
  MAIL_TRIAGE_AREA: (typeof THEMATIC_AREAS)[number] = 'market-access';

  /**
   * Signing secret of the reply addresses (HMAC-SHA256), at least 32 characters. Unset:
   * derived from JWT_SECRET, so changing either makes the reply addresses already sent unknown.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'MAIL_REPLY_SECRET must be at least 32 characters long' })
  MAIL_REPLY_SECRET?: string;

  /** Folder of the built web app to serve at /; empty disables serving it. */
  @IsString()
  WEB_DIST_DIR = '';

  get trustedProxies(): string[] {
    return this.TRUSTED_PROXIES.split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
  }

  get apiDocs(): boolean {
    return this.API_DOCS ?? this.NODE_ENV !== 'production';
  }

  get attachmentsDir(): string {
    return this.ATTACHMENTS_DIR || `${this.DATA_DIR}/attachments`;
  }

  /** The key of the score links: its own setting, else one derived from JWT_SECRET (set by then, in demo mode too). */
  get satisfactionLinkSecret(): string {
    return (
      this.SATISFACTION_LINK_SECRET ??
      createHmac('sha256', this.JWT_SECRET!).update('satisfaction-link-secret').digest('base64url')
    );
  }

  /** The key of the secrets kept encrypted (two-factor, webhooks): its own setting, else derived from JWT_SECRET. */
  get secretsEncryptionKey(): string {
    return (
      this.SECRETS_ENCRYPTION_KEY ??
      createHmac('sha256', this.JWT_SECRET!).update('secrets-encryption-key').digest('base64url')
    );
  }

  /** Whether the portal reads a mailbox: a server, an account and the mailbox's address. */
  get inboundMail(): boolean {
    return Boolean(this.IMAP_HOST && this.IMAP_USER && this.MAIL_REPLY_ADDRESS);
  }

  /** Thematic area → the address that files requests of it (MAIL_AREA_ADDRESSES), addresses in lower case. */
  get mailAreaAddresses(): Map<string, string> {
    return new Map(
      this.MAIL_AREA_ADDRESSES.split(',')
        .map((entry) => entry.trim())
        .filter(Boolean)
        .map((entry) => {
          const [area, address] = entry.split('=').map((part) => part.trim());
          return [area, (address ?? '').toLowerCase()] as const;
        }),
    );
  }

  /** The key of the reply addresses: its own setting, else one derived from JWT_SECRET. */
  get mailReplySecret(): string {
    return (
      this.MAIL_REPLY_SECRET ?? createHmac('sha256', this.JWT_SECRET!).update('mail-reply-secret').digest('base64url')
    );
  }

  get embedded(): boolean {
    return !this.DATABASE_URL;
  }

  /** Demo mode: demo data is loaded and the demo password is accepted. */
  get demoMode(): boolean {
    return this.embedded || this.SEED_DEMO === true;
  }
}

export class ConfigError extends Error {}

/** Every environment variable the portal reads. */
export function configVariableNames(): string[] {
  // Variables without a default are not own properties of a fresh instance: list them.
  return [
    ...Object.keys(new AppConfig()),
    'DATABASE_URL',
    'SEED_DEMO',
    'JWT_SECRET',
    'SATISFACTION_LINK_SECRET',
    'SECRETS_ENCRYPTION_KEY',
    'SMTP_URL',
    'PUBLIC_URL',
    'API_DOCS',
    'IMAP_HOST',
    'IMAP_USER',
    'IMAP_PASSWORD',
    'MAIL_REPLY_ADDRESS',
    'MAIL_REPLY_SECRET',
  ];
}

/** An IP address, or a CIDR with a prefix of at least 1 (trusting every address is not an option). */
function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** Reads and validates the configuration; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = configVariableNames();
  const raw = Object.fromEntries(Object.entries(env).filter(([key]) => known.includes(key)));
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  const messages = errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message}`),
  );
  const badProxies = config.trustedProxies.filter((entry) => !isAddressOrCidr(entry));
  if (badProxies.length) messages.push(`TRUSTED_PROXIES: not an IP address or CIDR: ${badProxies.join(', ')}`);
  if (!config.demoMode && !config.JWT_SECRET) {
    messages.push(
      'JWT_SECRET: required when the portal runs outside demo mode (DATABASE_URL set without SEED_DEMO=true)',
    );
  }
  if (config.IMAP_HOST && !(config.IMAP_USER && config.IMAP_PASSWORD && config.MAIL_REPLY_ADDRESS)) {
    messages.push('IMAP_HOST: reading a mailbox also needs IMAP_USER, IMAP_PASSWORD and MAIL_REPLY_ADDRESS');
  }
  for (const [area, address] of config.mailAreaAddresses) {
    if (!(THEMATIC_AREAS as readonly string[]).includes(area) || !/^[^\s@+]+@[^\s@]+\.[^\s@]+$/.test(address))
      messages.push(`MAIL_AREA_ADDRESSES: "${area}=${address}" is not an area=address pair`);
  }
  if (config.NODE_ENV === 'production') {
    if (config.JWT_SECRET && KNOWN_DEFAULT_SECRETS.some((s) => config.JWT_SECRET!.toLowerCase().includes(s))) {
      messages.push(
        'JWT_SECRET: a default or example secret is refused in production; generate one (e.g. openssl rand -base64 48)',
      );
    }
    if (!config.JWT_SECRET) messages.push('JWT_SECRET: required in production');
    for (const name of ['SATISFACTION_LINK_SECRET', 'MAIL_REPLY_SECRET'] as const) {
      const secret = config[name]?.toLowerCase();
      if (secret && KNOWN_DEFAULT_SECRETS.some((s) => secret.includes(s)))
        messages.push(`${name}: a default or example secret is refused in production`);
    }
    const encryptionKey = config.SECRETS_ENCRYPTION_KEY?.toLowerCase();
    if (encryptionKey && KNOWN_DEFAULT_SECRETS.some((s) => encryptionKey.includes(s))) {
      messages.push('SECRETS_ENCRYPTION_KEY: a default or example secret is refused in production');
    }
  }
  if (messages.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${messages.join('\n  - ')}`);
  }
  return config;
}

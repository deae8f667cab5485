import { ConfigError, loadConfig } from './app-config';

const SECRET = 'a-long-random-secret-for-tests-0123456789abcdef';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./.data on port 3000, in demo mode', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './.data', DATABASE_URL: undefined });
    expect(config.embedded).toBe(true);
    expect(config.demoMode).toBe(true);
  });

  it('uses DATABASE_URL without demo data unless SEED_DEMO=true', () => {
    const real = loadConfig({ DATABASE_URL: 'postgres://db/portal', JWT_SECRET: SECRET });
    expect(real.embedded).toBe(false);
    expect(real.demoMode).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/portal', SEED_DEMO: 'true', JWT_SECRET: SECRET }).demoMode).toBe(
      true,
    );
  });

  it('loads the demo history in demo mode unless DEMO_HISTORY=false', () => {
    expect(loadConfig({}).DEMO_HISTORY).toBe(true);
    expect(loadConfig({ DEMO_HISTORY: 'false' }).DEMO_HISTORY).toBe(false);
  });

  it('requires JWT_SECRET outside demo mode, naming the variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/portal' })).toThrow(/JWT_SECRET: required/);
  });

  it('refuses a default secret in production', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/p',
        JWT_SECRET: 'change-me-change-me-change-me-change-me',
      }),
    ).toThrow(/JWT_SECRET: a default or example secret is refused in production/);
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(/PORT:/);
      expect(message).toMatch(/DATABASE_URL must be a postgres/);
      expect(message).toMatch(/JWT_SECRET must be at least 32 characters/);
    }
  });
});

describe('TRUSTED_PROXIES and API_DOCS', () => {
  it('trusts no proxy by default and reads a list of addresses and CIDRs', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: ' 10.0.0.5, 172.30.80.0/24 ,fd00::/8' }).trustedProxies).toEqual([
      '10.0.0.5',
      '172.30.80.0/24',
      'fd00::/8',
    ]);
  });

  it('refuses what is not an address or CIDR, and a prefix that trusts everyone', () => {
    for (const value of ['nginx', '10.0.0.0/0', '10.0.0.0/33', '1.2.3.4/8/1', '::1/129', 'loopback']) {
      expect(() => loadConfig({ TRUSTED_PROXIES: value })).toThrow(/TRUSTED_PROXIES: not an IP address or CIDR/);
    }
  });

  it('serves the API docs outside production unless turned off, and in production only when turned on', () => {
    expect(loadConfig({}).apiDocs).toBe(true);
    expect(loadConfig({ API_DOCS: 'false' }).apiDocs).toBe(false);
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/p',
      JWT_SECRET: SECRET.replace('secret-for-tests', 'value-for-checks'),
    };
    expect(loadConfig(production).apiDocs).toBe(false);
    expect(loadConfig({ ...production, API_DOCS: 'true' }).apiDocs).toBe(true);
  });

  it('reads no mailbox unless one is configured, and then needs its account and address', () => {
    expect(loadConfig({}).inboundMail).toBe(false);
    expect(() => loadConfig({ IMAP_HOST: 'imap.example.org' })).toThrow(
      /IMAP_HOST: reading a mailbox also needs IMAP_USER, IMAP_PASSWORD and MAIL_REPLY_ADDRESS/,
    );
    const config = loadConfig({
      IMAP_HOST: 'imap.example.org',
      IMAP_USER: 'portal@example.org',
      IMAP_PASSWORD: 'app-password',
      MAIL_REPLY_ADDRESS: 'portal@example.org',
      MAIL_AREA_ADDRESSES: 'market-access=Mercados@example.org, standards-compliance=normas@example.org',
      JWT_SECRET: SECRET,
    });
    expect(config.inboundMail).toBe(true);
    expect([...config.mailAreaAddresses]).toEqual([
      ['market-access', 'mercados@example.org'],
      ['standards-compliance', 'normas@example.org'],
    ]);
    expect(config.mailReplySecret).toHaveLength(43);
    expect(config.mailReplySecret).not.toBe(config.satisfactionLinkSecret);
  });

  it('refuses an unknown area, a bad address, a tagged mailbox address and an unknown triage area', () => {
    expect(() => loadConfig({ MAIL_AREA_ADDRESSES: 'coffee=cafe@example.org' })).toThrow(/MAIL_AREA_ADDRESSES/);
    expect(() => loadConfig({ MAIL_AREA_ADDRESSES: 'market-access=not-an-address' })).toThrow(/MAIL_AREA_ADDRESSES/);
    expect(() => loadConfig({ MAIL_REPLY_ADDRESS: 'portal+x@example.org' })).toThrow(/MAIL_REPLY_ADDRESS/);
    expect(() => loadConfig({ MAIL_TRIAGE_AREA: 'coffee' })).toThrow(/MAIL_TRIAGE_AREA/);
    expect(() => loadConfig({ MAIL_REPLY_SECRET: 'short' })).toThrow(/MAIL_REPLY_SECRET/);
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: SECRET,
        MAIL_REPLY_SECRET: 'change-me-change-me-change-me-change-me',
      }),
    ).toThrow(/MAIL_REPLY_SECRET: a default or example secret is refused in production/);
  });
});

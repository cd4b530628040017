import { defineConfig } from 'vitest/config';
import { version } from './package.json';

export default defineConfig({
  define: { __CAIRN_VERSION__: JSON.stringify(version) },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
    environment: 'node',
    testTimeout: 30_000,
  },
});

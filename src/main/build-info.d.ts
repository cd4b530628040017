// Replaced at build time by electron.vite.config.ts and vitest.config.ts.
declare const __CAIRN_VERSION__: string;

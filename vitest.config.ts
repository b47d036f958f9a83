import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          sequence: { groupOrder: 0 },
          environment: 'node',
          testTimeout: 10_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          sequence: { groupOrder: 1 },
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file runs its own adb server on a private port; two at a time fits 2 cores.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.ts'],
          sequence: { groupOrder: 2 },
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // The desktop shell on the electron stand-in, and the packaged app (test/shell).
          name: 'shell',
          include: ['test/shell/**/*.test.ts'],
          sequence: { groupOrder: 3 },
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // A fresh clone, `npm ci` and the CLI on the demo lab (test/newcomer): minutes, so last and alone.
          name: 'newcomer',
          include: ['test/newcomer/**/*.test.ts'],
          sequence: { groupOrder: 4 },
          environment: 'node',
          testTimeout: 600_000,
          hookTimeout: 1_500_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';
import CountReporter from './test/helpers/count-reporter.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test/helpers/build.ts'],
    reporters: ['default', new CountReporter()],
    testTimeout: 60_000,
  },
});

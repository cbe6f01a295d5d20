import type { Config } from 'jest';

/**
 * `npm run test:interop`: the real Debian OpenStack clients against the mock
 * (scripts/interop/install-clients.sh installs them). Kept out of `npm test`,
 * which stays fast and needs no clients.
 */
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/interop'],
  testMatch: ['**/*.interop.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  // One client call is bounded by CLIENT_TIMEOUT_MS; a test makes a few.
  testTimeout: 240_000,
  maxWorkers: 2,
};

export default config;

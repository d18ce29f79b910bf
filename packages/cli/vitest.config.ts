import { packageTestConfig } from '../../vitest.shared.ts';

// Its tests run the built CLI in-process (test-support/run-cli.ts): one module graph per worker
// saves importing every pack again for each test file. No test changes module state
// (no configure*, no process.env or cwd writes).
// Two workers: its files are the last of a root `npm test` (alone: 55 -> 43 s on two cores).
export default packageTestConfig('cli', { shareModules: true, workers: 2 });

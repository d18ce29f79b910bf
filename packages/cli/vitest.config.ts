import { packageTestConfig } from '../../vitest.shared.ts';

// Its tests run the built CLI in-process (test-support/run-cli.ts): one module graph per worker
// saves importing every pack again for each test file. No test changes module state
// (no configure*, no process.env or cwd writes).
// Two workers when run alone (`npx vitest run` here: 55 -> 43 s on two cores): its tests wait on
// the processes and worker threads they start.
export default packageTestConfig('cli', { shareModules: true, workers: 2 });

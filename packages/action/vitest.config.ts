import { packageTestConfig } from '../../vitest.shared.ts';

// Its tests spawn the bundle, but each file also imports the engine and reporters: one module graph
// per worker spares a fresh worker per file (27.2 -> 23.9 CPU-s). No test writes module state.
export default packageTestConfig('action', { shareModules: true });

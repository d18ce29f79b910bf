import { packageTestConfig } from '../../vitest.shared.ts';

// Its tests import every pack (custom policies run beside them): one module graph per worker.
export default packageTestConfig('policy', { shareModules: true });

import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig('kubernetes', { shareModules: true });

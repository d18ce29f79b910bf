import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig('reporters', { shareModules: true });

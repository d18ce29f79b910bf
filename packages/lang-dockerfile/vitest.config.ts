import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig('lang-dockerfile', { shareModules: true });

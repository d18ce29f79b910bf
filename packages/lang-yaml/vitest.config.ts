import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig('lang-yaml', { shareModules: true });

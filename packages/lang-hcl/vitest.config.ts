import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig('lang-hcl', { shareModules: true });

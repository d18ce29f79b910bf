import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig('terraform', { shareModules: true });

import { mergeConfig } from 'vitest/config';
import { packageTestConfig } from '../../vitest.shared.ts';

export default mergeConfig(packageTestConfig('cli'), {
  test: { server: { deps: { external: [/\/dist\//] } } },
});

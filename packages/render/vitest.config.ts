import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig('render', { shareModules: true });

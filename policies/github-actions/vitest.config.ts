import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig('github-actions', { shareModules: true });

import type { Domain } from '../model/domain.js';

/** The engine's own findings (parse errors, suppression hygiene); it has no units to check. */
export const coreDomain: Domain<never> = {
  id: 'core',
  languages: [],
  units: () => [],
};

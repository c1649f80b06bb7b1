import type { Scenario } from '../lib/scenario';

/** Every scenario, in the order `npm run bench` runs them. */
export const scenarios: Scenario[] = [];

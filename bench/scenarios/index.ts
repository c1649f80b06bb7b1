import type { Scenario } from '../lib/scenario';
import { pdf } from './pdf';

/** Every scenario, in the order `npm run bench` runs them. */
export const scenarios: Scenario[] = [pdf];

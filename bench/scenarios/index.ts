import type { Scenario } from '../lib/scenario';
import { pdf } from './pdf';
import { signon } from './signon';
import { invite } from './invite';
import { start } from './start';
import { track } from './track';
import { web } from './web';

/** Every scenario, in the order `npm run bench` runs them. */
export const scenarios: Scenario[] = [pdf, signon, invite, track, start, web];

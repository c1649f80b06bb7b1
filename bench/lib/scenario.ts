import type { ScenarioReport } from './report';

/** One benchmark: it starts what it needs, measures, checks, and stops everything again. */
export interface Scenario {
  name: string;
  description: string;
  run(): Promise<ScenarioReport>;
}

import { Clock } from '@app/domain';

/** The system time plus an offset that tests move forward. */
export class TestClock extends Clock {
  private offsetMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /**
   * Sets the time to `instant` (and it runs on from there), for a test pinned to a
   * calendar: a deadline on a given date, a daylight-saving change. Call it before the
   * test creates anything, or only to move forward.
   */
  travelTo(instant: Date | string): void {
    this.offsetMs = new Date(instant).getTime() - Date.now();
  }
}

/** Every IANA time zone this browser knows, as the API checks them (Intl), UTC included. */
export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/** "Europe/Paris" as people read it: "Europe / Paris". */
export function zoneLabel(zone: string): string {
  return zone.replaceAll('_', ' ').replaceAll('/', ' / ');
}

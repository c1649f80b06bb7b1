import { useMemo } from 'react';
import { SelectField } from '../../components/form';
import { timeZones, zoneLabel } from '../../lib/time-zones';

/** The workspace's time zone: deadlines and the times shown are in it. */
export function TimeZoneSelect({
  value,
  onChange,
  error,
  disabled,
}: {
  value: string;
  onChange: (zone: string) => void;
  error?: string;
  disabled?: boolean;
}) {
  const zones = useMemo(() => {
    const all = timeZones();
    return all.includes(value) ? all : [value, ...all];
  }, [value]);
  return (
    <SelectField
      name="timeZone"
      label="Time zone"
      hint="Deadlines and the times shown to your coalition are in this zone."
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      disabled={disabled}
    >
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zoneLabel(zone)}
        </option>
      ))}
    </SelectField>
  );
}

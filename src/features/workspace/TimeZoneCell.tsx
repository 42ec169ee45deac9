import { useState } from "react";
import { Button, Select } from "@fluentui/react-components";

const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];

/**
 * A person's own IANA time zone, entered on the people page (external people have no mailbox to
 * read it from; colleagues' zones are filled from Microsoft 365). Empty = unknown, US Eastern assumed.
 */
export function TimeZoneCell({ name, timeZone, onSave }: { name: string; timeZone: string | null; onSave: (timeZone: string | null) => void }) {
  const [value, setValue] = useState(timeZone ?? "");
  const options = value && !zones.includes(value) ? [value, ...zones] : zones;
  return (
    <>
      <Select size="small" aria-label={`${name} time zone`} value={value} onChange={(_e, d) => setValue(d.value)}>
        <option value="">Not known (US Eastern)</option>
        {options.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </Select>
      <Button size="small" aria-label={`Save ${name}'s time zone`} disabled={value === (timeZone ?? "")} onClick={() => onSave(value || null)}>
        Save
      </Button>
    </>
  );
}

import { useState } from "react";
import { Button, Field, Select } from "@fluentui/react-components";

const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];

/**
 * A person's own IANA time zone, entered on the people page (external people have no mailbox to
 * read it from; colleagues' zones are filled from Microsoft 365). Empty = unknown, US Eastern assumed.
 * Visible label "Time zone"; the button is "Save time zone" (distinct from the card's "Save out of office").
 */
export function TimeZoneCell({ name, timeZone, onSave }: { name: string; timeZone: string | null; onSave: (timeZone: string | null) => void }) {
  const [value, setValue] = useState(timeZone ?? "");
  const options = value && !zones.includes(value) ? [value, ...zones] : zones;
  return (
    <>
      <Field label="Time zone" size="small">
        <Select size="small" aria-label={`${name} time zone`} value={value} onChange={(_e, d) => setValue(d.value)}>
          <option value="">Not known (US Eastern assumed)</option>
          {options.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </Select>
      </Field>
      <Button size="small" disabled={value === (timeZone ?? "")} onClick={() => onSave(value || null)}>
        Save time zone
      </Button>
    </>
  );
}

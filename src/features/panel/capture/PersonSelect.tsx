import { Field, Select } from "@fluentui/react-components";
import type { CaptureDto } from "../../../../contracts/capture";

/** A project person, the call's attendees first. "" means nobody. */
export function PersonSelect(props: { label: string; value: string; people: CaptureDto["people"]; onChange: (id: string) => void; size?: "small" | "medium" }) {
  const attendees = props.people.filter((p) => p.attendee);
  const others = props.people.filter((p) => !p.attendee);
  const option = (p: CaptureDto["people"][number]) => (
    <option key={p.id} value={p.id}>
      {p.name}
      {p.organisation === "internal" ? "" : ` (${p.organisation})`}
    </option>
  );
  return (
    <Field label={props.label} size={props.size}>
      <Select size={props.size} value={props.value} onChange={(_e, d) => props.onChange(d.value)}>
        <option value="">Nobody yet</option>
        {attendees.length ? <optgroup label="In this call">{attendees.map(option)}</optgroup> : null}
        {others.length ? <optgroup label="Others on the project">{others.map(option)}</optgroup> : null}
      </Select>
    </Field>
  );
}

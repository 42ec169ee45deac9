import { Combobox, Field, Option, OptionGroup, makeStyles } from "@fluentui/react-components";
import type { CaptureDto } from "../../../../contracts/capture";

type People = CaptureDto["people"];

// The list opens over the panel, never wider than it (320 px side panel). It lives in Fluent's portal,
// whose mount node stacks above the page (the pinned current-item strip included).
const useStyles = makeStyles({ listbox: { maxWidth: "calc(100vw - 24px)" }, input: { minWidth: 0, width: "100%" } });

/** Picks one project person (the call's attendees first) by typing part of a name; "" means nobody yet. */
export function PersonCombobox(props: { label: string; value: string; people: People; onChange: (id: string) => void; required?: boolean }) {
  const styles = useStyles();
  const selected = props.people.find((p) => p.id === props.value);
  const label = (p: People[number]) => `${p.name}${p.organisation === "internal" ? "" : ` (${p.organisation})`}`;
  const attendees = props.people.filter((p) => p.attendee);
  const others = props.people.filter((p) => !p.attendee);
  const option = (p: People[number]) => (
    <Option key={p.id} value={p.id} text={label(p)}>
      {label(p)}
    </Option>
  );
  return (
    <Field label={props.label} required={props.required}>
      <Combobox
        placeholder="Type a name"
        value={selected ? label(selected) : undefined}
        selectedOptions={props.value ? [props.value] : []}
        onOptionSelect={(_e, d) => props.onChange(d.optionValue ?? "")}
        className={styles.input}
        listbox={{ className: styles.listbox }}
      >
        {attendees.length ? <OptionGroup label="In this call">{attendees.map(option)}</OptionGroup> : null}
        {others.length ? <OptionGroup label="Others on the project">{others.map(option)}</OptionGroup> : null}
      </Combobox>
    </Field>
  );
}

import { useState } from "react";
import { CallTypeOptions } from "../../ui/CallTypeOptions";
import { Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { MeetingDetail } from "../../../contracts/meetings";
import type { CallType } from "../../../contracts/types";
import { callTypeDefinitions } from "../../../contracts/callTypeDefinitions";
import { api } from "../../api/client";
import { useDates } from "./dates/useDates";
import { triageSlotText } from "./dates/triageSlotText";

const AUTO = "auto";

// A <select> is as wide as its longest option ("Recognised: Vendor / third-party call" made it 334 px):
// held to the panel's width instead.
const useStyles = makeStyles({
  root: { margin: `${tokens.spacingVerticalS} 0`, minWidth: 0 },
  select: { minWidth: 0, maxWidth: "100%", width: "100%" },
  text: { overflowWrap: "anywhere" },
});

/** Shows the recognised call type and why; a user's choice is stored on the meeting and wins. */
export function CallTypePicker({ meeting, onChanged }: { meeting: MeetingDetail; onChanged: () => void }) {
  const styles = useStyles();
  const dates = useDates();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = async (value: string) => {
    setSaving(true);
    setError(null);
    try {
      await api(`/meetings/${meeting.id}/call-type`, { method: "PUT", json: { callType: value === AUTO ? null : (value as CallType) } });
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className={styles.root}>
      <Field label="Call type" validationMessage={error ?? undefined} validationState={error ? "error" : "none"}>
        <Select
          className={styles.select}
          value={meeting.overridden ? meeting.callType : AUTO}
          disabled={saving}
          onChange={(_e, d) => void change(d.value)}
        >
          <option value={AUTO}>Recognised: {meeting.recognised.callTypeLabel}</option>
          <CallTypeOptions />
        </Select>
      </Field>
      {meeting.overridden ? (
        <Text size={100} block data-testid="call-type-override" className={styles.text}>
          Override: {callTypeDefinitions[meeting.callType].label}, set by a user. Choose &quot;Recognised&quot; to go back.
        </Text>
      ) : null}
      <Text size={100} block data-testid="call-type-reasons" className={styles.text}>
        Recognised as {meeting.recognised.callTypeLabel} because: {meeting.recognised.reasons.join(" · ")}
      </Text>
      {meeting.triageSlot ? (
        <Text size={100} block data-testid="triage-slot" className={styles.text}>
          Triage slot, 10–11 am US Eastern for everyone; your time: {triageSlotText(meeting.triageSlot, dates)}
        </Text>
      ) : null}
    </div>
  );
}

import { Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SeriesDraft, SeriesDraftAttendee } from "../../../contracts/series";
import { RecipientsField, type Recipient } from "../../ui/RecipientsField";
import { useDates } from "../panel/dates/useDates";

const useStyles = makeStyles({
  attendee: { minWidth: 0, overflowWrap: "anywhere" },
  plain: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * Who the series invites: the out-of-office dates one line each (who is out, who is invited
 * instead), then the attendees with why each is proposed and required/optional; any may be removed
 * and any project person or address added (the recap's recipients field).
 */
export function SeriesAttendees({
  draft,
  attendees,
  types,
  onAdd,
  onRemove,
  onType,
}: {
  draft: SeriesDraft;
  attendees: SeriesDraftAttendee[];
  /** Required/optional as the PM set them, by address; absent: the draft's. */
  types: Record<string, "required" | "optional">;
  onAdd: (person: Recipient) => void;
  onRemove: (email: string) => void;
  onType: (email: string, type: "required" | "optional") => void;
}) {
  const styles = useStyles();
  const dates = useDates();
  return (
    <>
      {draft.occurrences.length > 0 ? (
        <>
          <Text role="alert" size={200}>
            Out of office on some dates (they stay required for the series):
          </Text>
          <ul aria-label="Occurrences with a backup" className={styles.plain}>
            {draft.occurrences.map((o) => (
              <li key={o.localStart}>
                <Text size={200}>
                  {dates.day(o.date)}: {o.absent.length > 0 ? `${o.absent.join(" and ")} out` : "changed"}
                  {o.backups.length > 0 ? `, ${o.backups.join(" and ")} invited instead` : o.absent.length > 0 ? ", no backup available" : ""}
                </Text>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <RecipientsField
        label="Attendees"
        addLabel="Add an attendee"
        layout="rows"
        recipients={attendees}
        candidates={draft.candidates}
        onAdd={onAdd}
        onRemove={onRemove}
        renderItem={(a) => (
          <>
            <Text className={styles.attendee}>{`${a.name} — ${a.reason}`}</Text>
            <Select
              aria-label={`${a.name}: required or optional`}
              size="small"
              value={types[a.email] ?? a.type}
              onChange={(_e, d) => onType(a.email, d.value === "optional" ? "optional" : "required")}
            >
              <option value="required">Required</option>
              <option value="optional">Optional</option>
            </Select>
          </>
        )}
      />
    </>
  );
}

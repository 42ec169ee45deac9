import { Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { SeriesDraft } from "../../../contracts/series";
import { useDates } from "../panel/dates/useDates";
import { triageSlotText } from "../panel/dates/triageSlotText";
import { zoneInWords } from "./seriesSummary";
import { weekdays, type Ends, type SeriesChoices, type Weekday } from "./useSeriesDraft";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end", minWidth: 0 },
  narrow: { width: "8rem", maxWidth: "100%" },
  // A native select is as wide as its longest option ("America/Argentina/ComodRivadavia") unless told otherwise.
  fill: { width: "100%", maxWidth: "100%", minWidth: 0 },
});

/**
 * A series' timing: day (weekly types), time (labelled with the series' zone), length, how it ends,
 * and the series' zone (the organiser's by default; triage is fixed at 10–11 am US Eastern, its slot
 * also given in the viewer's time). Empty fields show what the draft proposes. `zones`: the IANA
 * zones offered.
 */
export function SeriesTimingFields({
  choices,
  choose,
  draft,
  organiserZone,
  zones,
}: {
  choices: SeriesChoices;
  choose: (change: Partial<SeriesChoices>) => void;
  draft: SeriesDraft | null;
  organiserZone: string | null;
  zones: readonly string[];
}) {
  const styles = useStyles();
  const dates = useDates();
  const seriesZone = draft ? zoneInWords(draft.timeZone) : null;
  return (
    <>
      <div className={styles.row}>
        {draft?.weekday ? (
          <Field label="Day">
            <Select value={choices.weekday ?? draft.weekday} onChange={(_e, d) => choose({ weekday: d.value as Weekday })}>
              {weekdays.map((w) => (
                <option key={w} value={w}>
                  {w.charAt(0).toUpperCase() + w.slice(1)}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field label={seriesZone ? `Time (${seriesZone})` : "Time"}>
          <Input type="time" className={styles.narrow} value={choices.startTime ?? draft?.startTime ?? ""} onChange={(_e, d) => d.value && choose({ startTime: d.value })} />
        </Field>
        <Field label="Minutes">
          <Input
            type="number"
            min={5}
            max={480}
            step={5}
            className={styles.narrow}
            value={String(choices.duration ?? draft?.durationMinutes ?? "")}
            onChange={(_e, d) => {
              const n = Number(d.value);
              if (Number.isInteger(n) && n >= 5 && n <= 480) choose({ duration: n });
            }}
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="Ends">
          <Select value={choices.ends} onChange={(_e, d) => choose({ ends: d.value as Ends })}>
            <option value="never">Never</option>
            <option value="after">After a number of calls</option>
            <option value="on">On a date</option>
          </Select>
        </Field>
        {choices.ends === "after" ? (
          <Field label="Number of calls">
            <Input type="number" min={1} max={200} className={styles.narrow} value={String(choices.count)} onChange={(_e, d) => Number(d.value) >= 1 && choose({ count: Number(d.value) })} />
          </Field>
        ) : null}
        {choices.ends === "on" ? (
          <Field label="Last day">
            <Input type="date" value={choices.until} onChange={(_e, d) => choose({ until: d.value })} />
          </Field>
        ) : null}
      </div>
      <Field
        label="Time zone of the series"
        hint={
          choices.callType === "triage"
            ? `Triage is 10–11 am US Eastern for everyone${draft?.triageSlot ? `; your time: ${triageSlotText(draft.triageSlot, dates)}` : ""}`
            : undefined
        }
      >
        <Select className={styles.fill} value={choices.timeZone} disabled={choices.callType === "triage"} onChange={(_e, d) => choose({ timeZone: d.value })}>
          <option value="">{organiserZone ? `Organiser's zone (${zoneInWords(organiserZone)})` : "Organiser's zone"}</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}

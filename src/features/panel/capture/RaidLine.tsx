import { useState, type ReactNode } from "react";
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { tallyText, type AgendaTally } from "../../../../contracts/agendaTally";
import type { CaptureView, ItemView } from "../live/captureModel";
import { useNow } from "../../../ui/useNow";
import { useDates } from "../dates/useDates";
import { useCaptureContext, useOptionalCaptureContext } from "./captureContext";
import { ConflictNotice } from "./ConflictNotice";
import { ItemEditor, type EditableField } from "./ItemEditor";

const useStyles = makeStyles({
  actions: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap", marginTop: tokens.spacingVerticalXXS },
  closed: { textDecorationLine: "line-through" },
  badge: { marginLeft: tokens.spacingHorizontalXS },
});

type Mode = null | "redate" | "reassign";
const modeFields: Record<Exclude<Mode, null>, EditableField[]> = { redate: ["due"], reassign: ["owner"] };

/** The row with this id in the live model: captured in this call, carried over, or the project's RAID log. */
export function liveRaidRow(v: CaptureView | null | undefined, id: string): ItemView | undefined {
  if (!v) return undefined;
  return v.items.find((i) => i.id === id) ?? v.carriedOver.find((i) => i.id === id) ?? v.projectRaid.find((i) => i.id === id);
}

/** The live row behind a RAID line of the agenda or the prep list, when the caller may see and edit it. */
export function useRaidItem(id: string | undefined): ItemView | undefined {
  const ctx = useOptionalCaptureContext();
  return id ? liveRaidRow(ctx?.snap.view, id) : undefined;
}

/**
 * An agenda summary's RAID counts ("11 open items: 3 past due, …") recounted from the live rows,
 * with the viewer's today, so they follow a re-date or close as the lines do; rows the live model
 * lacks (outside a call) count as the server built them.
 */
export function useTallyText(tally: AgendaTally | undefined): string | undefined {
  const ctx = useOptionalCaptureContext();
  const dates = useDates();
  const today = dates.today(useNow(60_000));
  if (!tally) return undefined;
  const view = ctx?.snap.view;
  return tallyText(tally, today, (id) => liveRaidRow(view, id));
}

/** "Owner: Rachel Stone · Due Fri 4 Dec" and the flags, from the live row (so a re-date shows at once, for everyone). */
function RaidFacts({ item }: { item: ItemView }) {
  const dates = useDates();
  const styles = useStyles();
  const today = dates.today(useNow(60_000));
  const closed = item.status === "closed";
  const pastDue = !closed && item.dueDate !== null && item.dueDate < today;
  // A decision has no due date: it is never flagged for lacking one.
  const noDue = !closed && item.dueDate === null && item.kind !== "decision";
  return (
    <Text size={100} block data-testid="raid-facts">
      {item.ownerName ? `Owner: ${item.ownerName}` : "No owner"}
      {item.kind === "decision" ? "" : ` · ${item.dueDate ? `Due ${dates.day(item.dueDate)}` : "No due date"}`}
      {pastDue ? (
        <Badge size="small" appearance="tint" color="danger" className={styles.badge}>
          Past due
        </Badge>
      ) : null}
      {noDue ? (
        <Badge size="small" appearance="tint" color="warning" className={styles.badge}>
          No due date
        </Badge>
      ) : null}
      {closed ? (
        <Badge size="small" appearance="tint" color="success" className={styles.badge}>
          Closed
        </Badge>
      ) : null}
    </Text>
  );
}

/**
 * A RAID line, editable in place: re-date, re-assign, close. The edit goes through the capture queue
 * with the version shown, so a concurrent change becomes a visible conflict (as for captured items).
 */
export function RaidLine({ item, title }: { item: ItemView; title: ReactNode }) {
  const { store, snap } = useCaptureContext();
  const styles = useStyles();
  const [mode, setMode] = useState<Mode>(null);
  const closed = item.status === "closed";
  const conflict = snap.conflicts[item.id];
  const name = item.title;
  return (
    <div data-raid-id={item.id} data-testid="raid-line">
      <Text size={200} className={closed ? styles.closed : undefined}>
        {title}
      </Text>
      <RaidFacts item={item} />
      {item.pending ? (
        <Badge size="small" appearance="outline" color="warning">
          Not yet saved
        </Badge>
      ) : null}
      {conflict ? <ConflictNotice conflict={conflict} current={item} /> : null}
      {mode ? (
        <ItemEditor key={mode} item={item} fields={modeFields[mode]} onDone={() => setMode(null)} />
      ) : (
        <div className={styles.actions}>
          {item.kind !== "decision" ? (
            <Button size="small" aria-label={`Re-date ${name}`} onClick={() => setMode("redate")}>
              Re-date
            </Button>
          ) : null}
          <Button size="small" aria-label={`Re-assign ${name}`} onClick={() => setMode("reassign")}>
            Re-assign
          </Button>
          <Button size="small" aria-label={`${closed ? "Reopen" : "Close"} ${name}`} onClick={() => store.editItem(item.id, item.version, { status: closed ? "open" : "closed" })}>
            {closed ? "Reopen" : "Close"}
          </Button>
        </div>
      )}
    </div>
  );
}

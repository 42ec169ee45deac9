import { useState } from "react";
import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useLayoutStyles } from "../../../ui/layoutStyles";
import type { ItemView } from "../live/captureModel";
import { useCaptureContext } from "./captureContext";
import { ConflictNotice } from "./ConflictNotice";
import { ItemEditor, type EditableField } from "./ItemEditor";
import { itemFacts } from "./describeItem";
import { useDates } from "../dates/useDates";

const useStyles = makeStyles({
  row: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalSNudge} 0` },
  closed: { textDecorationLine: "line-through" },
  actions: { marginTop: tokens.spacingVerticalXS },
});

type Mode = null | "edit" | "redate" | "reassign";
const modeFields: Record<Exclude<Mode, null>, EditableField[]> = {
  edit: ["title", "description", "owner", "due", "internal"],
  redate: ["due"],
  reassign: ["owner"],
};

/** One captured or carried-over item: its facts, its state, its edits and any conflict. */
export function ItemRow({ item, carried = false }: { item: ItemView; carried?: boolean }) {
  const { store, snap } = useCaptureContext();
  const dates = useDates();
  const [mode, setMode] = useState<Mode>(null);
  const conflict = snap.conflicts[item.id];
  const closed = item.status === "closed";
  const styles = useStyles();
  const layout = useLayoutStyles();
  const toggleStatus = () => store.editItem(item.id, item.version, { status: closed ? "open" : "closed" });
  return (
    <li data-item-id={item.id} data-testid="item" className={styles.row}>
      <Text weight="semibold" block className={closed ? styles.closed : undefined}>
        {item.title}
      </Text>
      <div className={layout.rowTight}>
        {item.pending ? (
          <Badge size="small" appearance="outline" color="warning">
            Not yet saved
          </Badge>
        ) : null}
        {item.internalOnly ? (
          <Badge size="small" appearance="tint" color="informative">
            Internal
          </Badge>
        ) : null}
        {closed ? (
          <Badge size="small" appearance="tint" color="success">
            Closed
          </Badge>
        ) : null}
      </div>
      {itemFacts(item, dates).map((f) => (
        <Text key={f} size={200} block>
          {f}
        </Text>
      ))}
      {item.description ? (
        <Text size={200} block className={layout.preWrap}>
          {item.description}
        </Text>
      ) : null}
      {item.reproSteps ? (
        <Text size={200} block className={layout.preWrap}>
          To reproduce: {item.reproSteps}
        </Text>
      ) : null}
      {conflict ? <ConflictNotice conflict={conflict} current={item} /> : null}
      {mode ? (
        <ItemEditor key={mode} item={item} fields={modeFields[mode]} onDone={() => setMode(null)} />
      ) : (
        <div className={mergeClasses(layout.rowTight, styles.actions)}>
          {carried ? (
            <>
              <Button size="small" aria-label={`Re-date ${item.title}`} onClick={() => setMode("redate")}>
                Re-date
              </Button>
              <Button size="small" aria-label={`Re-assign ${item.title}`} onClick={() => setMode("reassign")}>
                Re-assign
              </Button>
            </>
          ) : (
            <Button size="small" aria-label={`Edit ${item.title}`} onClick={() => setMode("edit")}>
              Edit
            </Button>
          )}
          <Button size="small" aria-label={`${closed ? "Reopen" : "Close"} ${item.title}`} onClick={toggleStatus}>
            {closed ? "Reopen" : "Close"}
          </Button>
        </div>
      )}
    </li>
  );
}

import { useState } from "react";
import { Badge, Button, Text } from "@fluentui/react-components";
import type { ItemView } from "../live/captureModel";
import { useCaptureContext } from "./captureContext";
import { ConflictNotice } from "./ConflictNotice";
import { ItemEditor, type EditableField } from "./ItemEditor";
import { itemFacts } from "./describeItem";
import { useDates } from "../dates/useDates";

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
  const toggleStatus = () => store.editItem(item.id, item.version, { status: closed ? "open" : "closed" });
  return (
    <li data-item-id={item.id} data-testid="item" style={{ borderBottom: "1px solid var(--colorNeutralStroke2)", padding: "6px 0" }}>
      <Text weight="semibold" block style={closed ? { textDecoration: "line-through" } : undefined}>
        {item.title}
      </Text>
      <div style={{ display: "flex", gap: 4, flexWrap: "wrap" }}>
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
        <Text size={200} block style={{ whiteSpace: "pre-wrap" }}>
          {item.description}
        </Text>
      ) : null}
      {item.reproSteps ? (
        <Text size={200} block style={{ whiteSpace: "pre-wrap" }}>
          To reproduce: {item.reproSteps}
        </Text>
      ) : null}
      {conflict ? <ConflictNotice conflict={conflict} current={item} /> : null}
      {mode ? (
        <ItemEditor key={mode} item={item} fields={modeFields[mode]} onDone={() => setMode(null)} />
      ) : (
        <div style={{ display: "flex", gap: 4, flexWrap: "wrap", marginTop: 4 }}>
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

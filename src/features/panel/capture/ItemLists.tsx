import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useLayoutStyles } from "../../../ui/layoutStyles";
import { Empty, Loading } from "../../../ui/states";
import { useCaptureContext } from "./captureContext";
import { ItemRow } from "./ItemRow";
import { itemKinds, kindLabels } from "./describeItem";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL },
  kindHeading: { marginTop: tokens.spacingVerticalS },
});

/** Items raised in this call, by kind. */
export function CapturedItems() {
  const { snap } = useCaptureContext();
  const items = snap.view?.items ?? [];
  const styles = useStyles();
  const layout = useLayoutStyles();
  return (
    <section aria-labelledby="captured-heading" className={styles.section}>
      <Text as="h2" id="captured-heading" weight="semibold" size={400} block>
        Captured in this call
      </Text>
      {!snap.view ? <Loading label="Loading what was captured…" /> : items.length === 0 ? <Empty>Nothing captured yet.</Empty> : null}
      {itemKinds.map((kind) => {
        const ofKind = items.filter((i) => i.kind === kind);
        if (ofKind.length === 0) return null;
        const label = kindLabels[kind].many;
        return (
          <div key={kind} data-kind={kind}>
            <Text as="h3" weight="semibold" size={300} block className={styles.kindHeading}>
              {label} ({ofKind.length})
            </Text>
            <ul aria-label={label} className={layout.bareList}>
              {ofKind.map((i) => (
                <ItemRow key={i.id} item={i} />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

/** Open items from the previous calls of this type: close, re-date or re-assign them here. */
export function CarriedOver() {
  const { snap } = useCaptureContext();
  const items = snap.view?.carriedOver ?? [];
  const styles = useStyles();
  const layout = useLayoutStyles();
  return (
    <section aria-labelledby="carried-heading" className={styles.section}>
      <Text as="h2" id="carried-heading" weight="semibold" size={400} block>
        {snap.view ? `Carried over (${items.filter((i) => i.status === "open").length} open)` : "Carried over"}
      </Text>
      {!snap.view ? <Loading label="Loading what is carried over…" /> : items.length === 0 ? <Empty>Nothing open from the previous call.</Empty> : null}
      <ul aria-label="Carried over" className={layout.bareList}>
        {items.map((i) => (
          <ItemRow key={i.id} item={i} carried />
        ))}
      </ul>
    </section>
  );
}

import { Badge, Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useApi } from "../../ui/useApi";
import { ErrorState } from "../../ui/states";
import type { TeamsCardDto } from "../../../contracts/bot";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL },
  list: { listStyleType: "none", padding: 0, display: "grid", gap: tokens.spacingVerticalM },
  card: { maxWidth: "520px" },
  subtle: { color: tokens.colorNeutralForeground3 },
  button: { marginTop: tokens.spacingVerticalS, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
});

interface CardNode {
  type?: string;
  text?: string;
  weight?: string;
  isSubtle?: boolean;
  facts?: { title: string; value: string }[];
  body?: CardNode[];
  actions?: { type?: string; title?: string }[];
}

/** The lines of an Adaptive Card (TextBlock and FactSet), enough to read what Teams would show. */
function CardPreview({ card }: { card: CardNode }) {
  const styles = useStyles();
  return (
    <div>
      {(card.body ?? []).map((node, i) =>
        node.type === "FactSet" ? (
          <ul key={i}>
            {(node.facts ?? []).map((f, j) => (
              <li key={j}>
                {f.title} · <span className={styles.subtle}>{f.value}</span>
              </li>
            ))}
          </ul>
        ) : (
          <Text key={i} block weight={node.weight === "Bolder" ? "semibold" : "regular"} className={node.isSubtle ? styles.subtle : undefined}>
            {node.text}
          </Text>
        ),
      )}
      {(card.actions ?? []).map((a, i) => (
        <Text key={i} block className={styles.button}>
          {a.title}
        </Text>
      ))}
    </div>
  );
}

/** The Teams bot's meeting-chat cards and targeted notices: posted, or what would be posted without a tenant. */
export function TeamsCardsSection() {
  const styles = useStyles();
  const [list, reload] = useApi<{ items: TeamsCardDto[] }>("/outbox/teams-cards");
  if (list.state === "error") return <ErrorState title={list.explained.title} message={list.message} onRetry={reload} />;
  if (list.state !== "ready" || list.data.items.length === 0) return null;
  return (
    <section aria-label="Teams cards" className={styles.section}>
      <Text as="h2" weight="semibold" size={400} block>
        Teams cards
      </Text>
      <Text size={200} block>
        What the Callbook bot posts in meeting chats at the end of a call, and the notices it shows one person at the start.
      </Text>
      <ul className={styles.list}>
        {list.data.items.map((item, i) => (
          <li key={`${item.meetingId}-${item.kind}-${i}`}>
            <Badge appearance="tint" color={item.kind === "recap_card" ? "brand" : "important"}>
              {item.kind === "recap_card" ? "Meeting chat card" : "Notice to one person"}
            </Badge>{" "}
            <Badge appearance="outline">{item.state === "posted" ? "posted" : "would be posted"}</Badge>{" "}
            <Text weight="semibold">{item.subject}</Text>
            {item.recipients.length ? <Text size={200} block>Only {item.recipients.map((r) => r.name).join(", ")} sees it</Text> : null}
            <Card className={styles.card}>{item.card ? <CardPreview card={item.card as CardNode} /> : <Text>{item.summary}</Text>}</Card>
          </li>
        ))}
      </ul>
    </section>
  );
}

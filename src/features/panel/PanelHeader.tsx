import { Badge, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { MeetingDetail } from "../../../contracts/meetings";
import { useDates } from "./dates/useDates";

const ragColor = { green: "success", amber: "warning", red: "danger" } as const;

const useStyles = makeStyles({
  header: { display: "grid", gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalS, minWidth: 0, overflowWrap: "anywhere" },
  title: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  project: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalSNudge, alignItems: "center" },
});

/** The call's subject, day and time (viewer's zone), project, RAG and days to go-live. */
export function PanelHeader({ meeting }: { meeting: MeetingDetail }) {
  const styles = useStyles();
  const dates = useDates();
  const p = meeting.project;
  return (
    <header className={styles.header}>
      <Title3 as="h1" className={styles.title}>
        {meeting.subject}
      </Title3>
      <Text size={200}>
        {dates.dayOf(meeting.startsAt)} · {dates.timeRangeZone(meeting.startsAt, meeting.endsAt)}
      </Text>
      {p ? (
        <div className={styles.project}>
          <Text size={200} weight="semibold">
            {p.name}
          </Text>
          <Badge color={ragColor[p.rag]} appearance="filled" aria-label={`RAG status ${p.rag}`}>
            {p.rag.toUpperCase()}
          </Badge>
          {p.daysToGoLive !== null && p.goLiveDate ? (
            <Text size={200} title={`Go-live ${dates.day(p.goLiveDate)}`}>
              {p.daysToGoLive >= 0 ? `${p.daysToGoLive} days to go-live` : `Live for ${-p.daysToGoLive} days`}
            </Text>
          ) : null}
        </div>
      ) : null}
    </header>
  );
}

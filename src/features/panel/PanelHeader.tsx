import { Badge, Text, Title3 } from "@fluentui/react-components";
import type { MeetingDetail } from "../../../contracts/meetings";
import { formatDate, formatDay, formatTime } from "../../ui/format";

const ragColor = { green: "success", amber: "warning", red: "danger" } as const;

export function PanelHeader({ meeting }: { meeting: MeetingDetail }) {
  const p = meeting.project;
  return (
    <header style={{ display: "grid", gap: 4, marginBottom: 8 }}>
      <Title3 as="h1" style={{ fontSize: 18, lineHeight: "24px" }}>
        {meeting.subject}
      </Title3>
      <Text size={200}>
        {formatDay(meeting.startsAt)} · {formatTime(meeting.startsAt)}–{formatTime(meeting.endsAt)}
      </Text>
      {p ? (
        <div style={{ display: "flex", flexWrap: "wrap", gap: 6, alignItems: "center" }}>
          <Text size={200} weight="semibold">
            {p.name}
          </Text>
          <Badge color={ragColor[p.rag]} appearance="filled" aria-label={`RAG status ${p.rag}`}>
            {p.rag.toUpperCase()}
          </Badge>
          {p.daysToGoLive !== null && p.goLiveDate ? (
            <Text size={200} title={`Go-live ${formatDate(p.goLiveDate)}`}>
              {p.daysToGoLive >= 0 ? `${p.daysToGoLive} days to go-live` : `Live for ${-p.daysToGoLive} days`}
            </Text>
          ) : null}
        </div>
      ) : null}
    </header>
  );
}

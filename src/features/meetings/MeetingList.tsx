import { Badge, Link, Text, Title2 } from "@fluentui/react-components";
import type { MeetingSummary } from "../../../contracts/meetings";
import { navigate } from "../../ui/navigate";
import { useApi } from "../../ui/useApi";
import { Empty, ErrorState, Loading } from "../../ui/states";
import { formatDay, formatTime } from "../../ui/format";

/** Browser-mode home: the signed-in user's upcoming calls; each opens in the side-panel view. */
export function MeetingList() {
  const [meetings, reload] = useApi<{ meetings: MeetingSummary[] }>("/meetings");
  return (
    <main style={{ padding: 16, maxWidth: 760 }}>
      <Title2 as="h1">Upcoming calls</Title2>
      {meetings.state === "loading" ? <Loading label="Loading your calls…" /> : null}
      {meetings.state === "error" ? <ErrorState title={meetings.explained.title} message={meetings.message} onRetry={reload} /> : null}
      {meetings.state === "ready" && meetings.data.meetings.length === 0 ? (
        <Empty>No upcoming calls on your projects.</Empty>
      ) : null}
      {meetings.state === "ready" ? (
        <ul aria-label="Upcoming calls" style={{ listStyle: "none", padding: 0, margin: "12px 0", display: "grid", gap: 10 }}>
          {meetings.data.meetings.map((m) => (
            <li key={m.id} style={{ borderBottom: "1px solid var(--colorNeutralStroke2)", paddingBottom: 8 }}>
              <Text size={200} block>
                {formatDay(m.startsAt)} · {formatTime(m.startsAt)}–{formatTime(m.endsAt)} · {m.projectName}
              </Text>
              <Link
                href={`/meetings/${m.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/meetings/${m.id}`);
                }}
              >
                <Text weight="semibold">{m.subject}</Text>
              </Link>{" "}
              <Badge appearance="tint" color={m.overridden ? "brand" : "informative"}>
                {m.callTypeLabel}
              </Badge>
            </li>
          ))}
        </ul>
      ) : null}
    </main>
  );
}

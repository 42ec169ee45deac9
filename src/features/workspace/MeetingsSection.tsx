import { Badge, Text } from "@fluentui/react-components";
import type { MeetingHistoryDto } from "../../../contracts/workspace";
import { Empty, Loading } from "../../ui/states";
import { formatDay, formatTime } from "../../ui/format";
import { cellStyle, tableStyle } from "./labels";
import { Pager, Problem, Section } from "./Section";
import { usePaged } from "./workspaceApi";

const recapColor = { sent: "success", owed: "danger", not_needed: "informative", upcoming: "informative" } as const;
const recapLabel = { sent: "Recap sent", owed: "Recap owed", not_needed: "No recap needed", upcoming: "Upcoming" } as const;

/** The project's calls, newest first, with whether the recap went out. */
export function MeetingsSection({ projectId }: { projectId: string }) {
  const list = usePaged<MeetingHistoryDto>(`/projects/${projectId}/meetings?limit=15`);
  return (
    <Section id="meetings" title="Meeting history">
      {list.loading ? <Loading label="Loading meetings…" /> : null}
      <Problem message={list.error} />
      {!list.loading && list.items.length === 0 ? <Empty>No meetings on this project yet.</Empty> : null}
      {list.items.length ? (
        <table style={tableStyle} aria-label="Meeting history">
          <thead><tr>{["When", "Call", "Type", "Recap"].map((h) => <th key={h} style={cellStyle}>{h}</th>)}</tr></thead>
          <tbody>
            {list.items.map((m) => (
              <tr key={m.id}>
                <td style={cellStyle}>{formatDay(m.startsAt)} {formatTime(m.startsAt)}</td>
                <td style={cellStyle}><a href={`/meetings/${m.id}`}>{m.subject}</a></td>
                <td style={cellStyle}>{m.callTypeLabel}</td>
                <td style={cellStyle}>
                  <Badge appearance="tint" color={recapColor[m.recap]}>{recapLabel[m.recap]}</Badge>
                  {m.recapSentBy ? <Text size={200}> by {m.recapSentBy}</Text> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager list={list} previous="Newer" next="Older" showPage={false} />
    </Section>
  );
}

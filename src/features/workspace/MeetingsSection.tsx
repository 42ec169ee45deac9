import { useEffect, useState } from "react";
import { Badge, Link, Text, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, mergeClasses } from "@fluentui/react-components";
import type { MeetingHistoryDto } from "../../../contracts/workspace";
import { Empty, Loading } from "../../ui/states";
import { useDates } from "../panel/dates/useDates";
import { useTableStyles } from "./tableStyles";
import { ScrollingTable } from "./ScrollingTable";
import { Pager, Problem, Section } from "./Section";
import { usePaged } from "./workspaceApi";
import { navigate } from "../../ui/navigate";

const recapColor = { sent: "success", owed: "danger", not_needed: "informative", upcoming: "informative" } as const;
const recapLabel = { sent: "Recap sent", owed: "Recap owed", not_needed: "No recap needed", upcoming: "Upcoming" } as const;

/** The link that moves the single-page app (no reload). */
function go(to: string) {
  return (e: { preventDefault(): void }) => {
    e.preventDefault();
    navigate(to);
  };
}

/**
 * The project's calls, newest first, with whether the recap went out; and the way to "Create a call
 * series" (`/projects/:id/series`). With `?series=<iCalUId>` in the page's address (where "See the new
 * calls" of Create series leads), only that series' calls, titled with its subject and scrolled to,
 * with "Show all calls".
 */
export function MeetingsSection({ projectId }: { projectId: string }) {
  const dates = useDates();
  const [series, setSeries] = useState(() => new URLSearchParams(window.location.search).get("series"));
  const list = usePaged<MeetingHistoryDto>(`/projects/${projectId}/meetings?limit=15${series ? `&series=${encodeURIComponent(series)}` : ""}`);
  const t = useTableStyles();
  const seriesSubject = series ? (list.items[0]?.subject ?? null) : null;
  useEffect(() => {
    if (seriesSubject) document.getElementById("meetings")?.scrollIntoView({ block: "start" });
  }, [seriesSubject]);
  const showAll = (e: { preventDefault(): void }) => {
    go(`/projects/${projectId}#meetings`)(e);
    setSeries(null);
  };
  return (
    <Section id="meetings" title={seriesSubject ? `Calls of “${seriesSubject}”` : "Meeting history"}>
      {series ? (
        <Text>
          <Link href={`/projects/${projectId}#meetings`} onClick={showAll}>
            Show all calls
          </Link>
        </Text>
      ) : null}
      <Text>
        <Link href={`/projects/${projectId}/series`} onClick={go(`/projects/${projectId}/series`)}>
          Create a call series
        </Link>
      </Text>
      {list.loading ? <Loading label="Loading meetings…" /> : null}
      <Problem message={list.error} />
      {!list.loading && list.items.length === 0 ? <Empty>{series ? "No calls of this series yet." : "No meetings on this project yet."}</Empty> : null}
      {list.items.length ? (
        <ScrollingTable label="Meeting history">
          <Table size="small" className={mergeClasses(t.table, t.wide)} aria-label="Meeting history">
            <TableHeader><TableRow>{["When", "Call", "Type", "Recap"].map((h) => <TableHeaderCell key={h} className={t.head}>{h}</TableHeaderCell>)}</TableRow></TableHeader>
            <TableBody>
              {list.items.map((m) => (
                <TableRow key={m.id}>
                  <TableCell className={t.cell}>{dates.dayTime(m.startsAt)}</TableCell>
                  <TableCell className={t.cell}><Link href={`/meetings/${m.id}`}>{m.subject}</Link></TableCell>
                  <TableCell className={t.cell}>{m.callTypeLabel}</TableCell>
                  <TableCell className={t.cell}>
                    <Badge appearance="tint" color={recapColor[m.recap]}>{recapLabel[m.recap]}</Badge>
                    {m.recapSentBy ? <Text size={200}> by {m.recapSentBy}</Text> : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollingTable>
      ) : null}
      <Pager list={list} previous="Newer" next="Older" showPage={false} />
    </Section>
  );
}

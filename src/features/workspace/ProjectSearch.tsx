import { useEffect, useState } from "react";
import { Badge, Link, SearchBox, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SearchHitDto, SearchHitKind, SearchResultDto } from "../../../contracts/search";
import { useApi } from "../../ui/useApi";
import { Empty, ErrorState, Loading } from "../../ui/states";
import { useDates } from "../panel/dates/useDates";
import type { PanelDates } from "../panel/dates/panelDates";
import { navigateTo } from "./workspaceApi";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalS, marginBlock: tokens.spacingVerticalM },
  form: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  box: { flexGrow: 1, minWidth: 0, maxWidth: "560px" },
  // The input's own width (20 characters) would push the clear button out of a 360 px screen.
  input: { minWidth: 0, width: "100%" },
  list: { listStyleType: "none", padding: 0, margin: 0, display: "grid", gap: tokens.spacingVerticalS },
  hit: { display: "grid", gap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  head: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline", flexWrap: "wrap" },
  match: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3 },
});

const kindLabel: Record<SearchHitKind, string> = { meeting: "Call", note: "Note", action: "Action", decision: "Decision", risk: "Risk", issue: "Issue" };
const kindColor = { meeting: "brand", note: "informative", action: "success", decision: "important", risk: "warning", issue: "danger" } as const;

function meta(h: SearchHitDto, dates: PanelDates): string {
  const parts = [
    h.meeting && h.kind !== "meeting" ? `${h.kind === "note" ? "In" : "From"} “${h.meeting.subject}”, ${dates.dayOf(h.meeting.startsAt)}` : null,
    h.kind === "meeting" && h.meeting ? dates.dayOf(h.meeting.startsAt) : null,
    h.ownerName ? `Owner ${h.ownerName}` : null,
    h.dueDate ? `due ${dates.day(h.dueDate)}` : null,
    h.status === "closed" ? "closed" : null,
  ];
  return parts.filter(Boolean).join(" · ");
}

/**
 * The project's search box (issue 17 §6): meetings, notes, actions, decisions and the RAID log,
 * searched as the user types (after a pause of 300 ms) or on Enter; each hit links to its meeting
 * or to the RAID log, with the matched words marked. The server applies the audience rule.
 */
export function ProjectSearch({ projectId }: { projectId: string }) {
  const dates = useDates();
  const styles = useStyles();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const [result, reload] = useApi<SearchResultDto>(query ? `/projects/${projectId}/search?q=${encodeURIComponent(query)}` : null);
  return (
    <section id="search" aria-label="Search this project" className={styles.root}>
      <form
        role="search"
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(text.trim());
        }}
      >
        <SearchBox
          className={styles.box}
          input={{ className: styles.input }}
          // No clear button while empty: Fluent keeps a hidden one past the box's edge (wider than a 360 px screen).
          {...(text ? {} : { dismiss: null })}
          aria-label="Search calls, notes, actions, decisions and RAID"
          placeholder="Search calls, notes, actions, decisions, RAID…"
          value={text}
          onChange={(_e, data) => setText(data.value)}
        />
      </form>
      {!query ? null : result.state === "loading" ? (
        <Loading label="Searching…" />
      ) : result.state === "error" ? (
        <ErrorState message={result.message} onRetry={reload} />
      ) : result.data.hits.length === 0 ? (
        <Empty>Nothing found for “{result.data.query}”.</Empty>
      ) : (
        <ol aria-label={`Results for ${result.data.query}`} className={styles.list}>
          {result.data.hits.map((h) => (
            <li key={`${h.kind}-${h.id}`} className={styles.hit} data-hit-kind={h.kind}>
              <div className={styles.head}>
                <Badge appearance="tint" color={kindColor[h.kind]}>
                  {kindLabel[h.kind]}
                </Badge>
                {h.internalOnly ? (
                  <Badge appearance="tint" color="severe">
                    Internal only
                  </Badge>
                ) : null}
                <Link
                  href={h.href}
                  onClick={(e) => {
                    e.preventDefault();
                    const [path, hash] = h.href.split("#");
                    if (hash && path === window.location.pathname) window.location.hash = hash;
                    else navigateTo(h.href);
                  }}
                >
                  {h.snippet.map((p, i) =>
                    p.match ? (
                      <mark key={i} className={styles.match}>
                        {p.text}
                      </mark>
                    ) : (
                      <span key={i}>{p.text}</span>
                    ),
                  )}
                </Link>
              </div>
              <Text size={200} className={styles.meta}>
                {meta(h, dates)}
              </Text>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

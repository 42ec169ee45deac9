import { useEffect, useState } from "react";
import { Badge, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Agenda } from "../../../contracts/agenda";
import type { CapturedItemDto } from "../../../contracts/capture";
import { applyStageEvent } from "./stageModel";
import type { StageCaptureDto } from "../../../contracts/stage";
import { openLiveStream, type ConnectionState, type LiveStream } from "../panel/live/liveStream";
import { useDates } from "../panel/dates/useDates";
import { ticketFromHash } from "./stageLink";
import { StageReadError, readStage, stageAuthorization, stageEventsUrl, stageReadMessage } from "./stageApi";

const useStyles = makeStyles({
  stage: {
    boxSizing: "border-box",
    minHeight: "100vh",
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gridTemplateRows: "auto auto minmax(0, 1fr)",
    gap: tokens.spacingVerticalXL,
    "@media (max-width: 900px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  header: { gridColumn: "1 / -1", display: "flex", alignItems: "baseline", justifyContent: "space-between", gap: tokens.spacingHorizontalL },
  subject: { fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, fontWeight: tokens.fontWeightSemibold, margin: 0, overflowWrap: "anywhere" },
  now: {
    gridColumn: "1 / -1",
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusXLarge,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  label: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, color: tokens.colorNeutralForeground2, margin: 0, textTransform: "uppercase", letterSpacing: "0.04em" },
  current: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  column: { minHeight: 0, overflowY: "auto", display: "grid", alignContent: "start", gap: tokens.spacingVerticalM },
  heading: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalM },
  entry: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  done: { textDecorationLine: "line-through", color: tokens.colorNeutralForeground2 },
  facts: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, color: tokens.colorNeutralForeground2 },
  empty: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, color: tokens.colorNeutralForeground2, fontStyle: "italic" },
  message: { padding: tokens.spacingHorizontalXXL, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
});

type Loaded = { agenda: Agenda; capture: StageCaptureDto };

const connectionText: Record<ConnectionState, string> = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" };

/**
 * The meeting stage (`/stage/:meetingId#ticket=…`, the `meetingStage` frame context): the agenda's
 * current item and the actions and decisions captured so far, always the customer-safe view
 * whoever watches (the stage endpoints read as the external audience), kept live by the stage
 * stream. Needs no sign-in: the stage ticket in the URL fragment is the only credential (why:
 * stageLink.ts). Sized for the stage (1280×720 and larger) and drawn with the host's theme.
 */
export function StageView({ meetingId }: { meetingId: string }) {
  const styles = useStyles();
  const [ticket] = useState(() => ticketFromHash(window.location.hash));
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<number | null>(ticket ? null : 401);
  const [connection, setConnection] = useState<ConnectionState>("connecting");

  useEffect(() => {
    if (!ticket) return;
    let stopped = false;
    let stream: LiveStream | null = null;
    readStage(meetingId, ticket)
      .then((data) => {
        if (stopped) return;
        setLoaded(data);
        stream = openLiveStream({
          url: (last) => stageEventsUrl(meetingId, last),
          authorization: async () => stageAuthorization(ticket),
          lastEventId: data.capture.lastEventId,
          onEvent: (event) => setLoaded((current) => (current ? { ...current, capture: applyStageEvent(current.capture, event) } : current)),
          onState: setConnection,
          onOpen: () => undefined,
          // The server ends the stream when the ticket expires; its reconnect is then refused (401).
          onRefused: (status) => !stopped && setFailure(status),
        });
      })
      .catch((err: unknown) => !stopped && setFailure(err instanceof StageReadError ? err.status : 0));
    return () => {
      stopped = true;
      stream?.close();
    };
  }, [meetingId, ticket]);

  if (failure !== null) {
    return (
      <main aria-label="Callbook on the meeting stage" data-testid="stage" className={styles.message}>
        <Text role="alert" size={500}>
          {stageReadMessage(failure)}
        </Text>
      </main>
    );
  }
  if (!loaded) {
    return (
      <main aria-label="Callbook on the meeting stage" aria-busy="true" data-testid="stage" className={styles.message}>
        <Text size={500}>Loading the stage…</Text>
      </main>
    );
  }
  const { agenda, capture } = loaded;
  const currentKey = capture.agendaState.currentAgendaItemKey;
  const current = agenda.items.find((i) => i.key === currentKey) ?? null;
  const actions = capture.items.filter((i) => i.kind === "action");
  const decisions = capture.items.filter((i) => i.kind === "decision");
  return (
    <main aria-label="Callbook on the meeting stage" data-testid="stage" className={styles.stage}>
      <header className={styles.header}>
        <h1 className={styles.subject}>{capture.subject}</h1>
        <Badge size="large" appearance="tint" color={connection === "live" ? "success" : "warning"} data-testid="stage-connection">
          {connectionText[connection]}
        </Badge>
      </header>
      <section aria-labelledby="stage-now" className={styles.now}>
        <h2 id="stage-now" className={styles.label}>
          Now on the agenda
        </h2>
        <p className={styles.current} data-testid="stage-current">
          {current ? current.title : "Not started yet"}
        </p>
        {current?.summary ? <Text className={styles.facts}>{current.summary}</Text> : null}
      </section>
      <section aria-labelledby="stage-actions" className={styles.column}>
        <h2 id="stage-actions" className={styles.heading}>
          Actions ({actions.length})
        </h2>
        <ItemList items={actions} empty="No actions yet." />
      </section>
      <section aria-labelledby="stage-decisions" className={styles.column}>
        <h2 id="stage-decisions" className={styles.heading}>
          Decisions ({decisions.length})
        </h2>
        <ItemList items={decisions} empty="No decisions yet." />
      </section>
    </main>
  );
}

function ItemList({ items, empty }: { items: CapturedItemDto[]; empty: string }) {
  const dates = useDates();
  const styles = useStyles();
  if (items.length === 0) return <p className={styles.empty}>{empty}</p>;
  return (
    <ul className={styles.list}>
      {items.map((item) => {
        const facts = [
          item.kind === "action" ? `Owner: ${item.ownerName ?? "not set"}` : null,
          item.dueDate ? `Due ${dates.day(item.dueDate)}` : null,
          item.status === "closed" ? (item.kind === "action" ? "Done" : "Closed") : null,
        ].filter((f): f is string => f !== null);
        return (
          <li key={item.id} className={styles.entry} data-testid="stage-item" data-kind={item.kind}>
            <div className={mergeClasses(styles.title, item.status === "closed" && styles.done)}>{item.title}</div>
            {facts.length ? <div className={styles.facts}>{facts.join(" · ")}</div> : null}
          </li>
        );
      })}
    </ul>
  );
}

import { useEffect, useRef, useState } from "react";
import { CallTypeOptions } from "../../ui/CallTypeOptions";
import { Field, Select, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { LinkMeetingBody, MeetingDetail, ProjectHeader } from "../../../contracts/meetings";
import type { CallType } from "../../../contracts/types";
import { callTypeDefinitions } from "../../../contracts/callTypeDefinitions";
import { api } from "../../api/client";
import { HostCapabilityError, onTabSave, setTabValid, type HostContext } from "../../host/host";
import { useApi } from "../../ui/useApi";
import { ErrorState, Loading } from "../../ui/states";
import { explainError } from "../../ui/explainError";
import { byChatBody, byChatPath, teamsMeetingKey, type TeamsMeetingKey } from "./teamsMeetingKey";

const AUTO = "auto";

/** What the link sends: the classifier's own pick, left unchanged, stays automatic rather than becoming an override. */
export function linkBody(key: TeamsMeetingKey, projectId: string, callType: string, existing: MeetingDetail | null): LinkMeetingBody {
  const unchangedPick = existing !== null && !existing.overridden && callType === existing.callType;
  return { ...key, projectId, callType: callType === AUTO || unchangedPick ? null : (callType as CallType) };
}

const useStyles = makeStyles({
  main: { padding: tokens.spacingHorizontalL, maxWidth: "30rem", display: "grid", gap: tokens.spacingVerticalM, backgroundColor: tokens.colorNeutralBackground1 },
});

/** The tab's configuration page: links the Teams meeting to a project and a call type, then points the tab at /panel. */
export function ConfigPage({ host }: { host: HostContext }) {
  const key = teamsMeetingKey(host);
  const styles = useStyles();
  // A stable dependency for the effects: the key's request path.
  const keyPath = key ? byChatPath(key) : null;
  const inSettings = host.mode === "teams" && host.frameContext === "settings";
  const [projects, reloadProjects] = useApi<{ projects: ProjectHeader[] }>("/projects");
  const [existing, setExisting] = useState<MeetingDetail | null | "loading">(keyPath ? "loading" : null);
  const [projectId, setProjectId] = useState("");
  const [callType, setCallType] = useState<string>(AUTO);
  const [saveError, setSaveError] = useState<string | null>(null);
  // The host cannot configure tabs (its runtime lacks pages.config): said once, as a PM sentence.
  const [hostRefusal, setHostRefusal] = useState<HostCapabilityError | null>(null);
  const withHost = (use: () => void) => {
    try {
      use();
    } catch (e) {
      if (e instanceof HostCapabilityError) setHostRefusal(e);
      else throw e;
    }
  };
  const latest = useRef({ projectId, callType, existing });
  latest.current = { projectId, callType, existing };

  useEffect(() => {
    if (!keyPath) return;
    let live = true;
    // PUT: finding the meeting through Graph also remembers the chat id on it (a GET never writes).
    api<MeetingDetail>("/meetings/by-chat", { method: "PUT", json: byChatBody(keyPath) })
      .then((m) => {
        if (!live) return;
        setExisting(m);
        setProjectId(m.projectId ?? "");
        setCallType(m.callType);
      })
      // Not found (or not readable): a meeting Callbook does not know yet; the link creates it.
      .catch(() => live && setExisting(null));
    return () => {
      live = false;
    };
  }, [keyPath]);

  useEffect(() => {
    if (!inSettings || !key) return;
    withHost(() => onTabSave(async () => {
      const { projectId: p, callType: c, existing: e } = latest.current;
      setSaveError(null);
      try {
        if (!p) throw new Error("Choose a project first");
        await api("/meetings/link", { method: "PUT", json: linkBody(key, p, c, e === "loading" ? null : e) });
      } catch (err) {
        setSaveError(err instanceof Error ? err.message : String(err));
        throw err;
      }
      return { contentUrl: `${window.location.origin}/panel`, entityId: "callbook", suggestedDisplayName: "Callbook" };
    }));
  }, [inSettings, keyPath]);

  useEffect(() => {
    if (inSettings) withHost(() => setTabValid(projectId !== "" && existing !== "loading"));
  }, [inSettings, projectId, existing]);

  return (
    <main className={styles.main} data-testid="config">
      <Title3 as="h1">Set up Callbook for this meeting</Title3>
      {hostRefusal ? <ErrorState title={explainError(hostRefusal).title} message={`${explainError(hostRefusal).message} ${explainError(hostRefusal).nextStep}`} /> : null}
      {!inSettings || !key ? <ErrorState title="This page belongs in a Teams meeting" message="Open this page from a Teams meeting when adding the Callbook tab." /> : null}
      {projects.state === "loading" || existing === "loading" ? <Loading label="Loading your projects…" /> : null}
      {projects.state === "error" ? <ErrorState title={projects.explained.title} message={projects.message} onRetry={reloadProjects} /> : null}
      {projects.state === "ready" && existing !== "loading" ? (
        <>
          <Field label="Project" required hint={projects.data.projects.length ? undefined : "You are not on any project yet."}>
            <Select value={projectId} onChange={(_e, d) => setProjectId(d.value)}>
              <option value="">Choose a project</option>
              {projects.data.projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.customerName})
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Call type"
            hint={
              existing
                ? `Recognised from the invitation: ${existing.recognised.callTypeLabel}${existing.overridden ? ` (overridden as ${callTypeDefinitions[existing.callType].label})` : ""}.`
                : "Callbook recognises the call type from the invitation unless you choose one."
            }
          >
            <Select value={callType} onChange={(_e, d) => setCallType(d.value)}>
              <option value={AUTO}>Recognise automatically</option>
              <CallTypeOptions />
            </Select>
          </Field>
          <Text size={200}>Press Save to add the side panel to this meeting.</Text>
          {saveError ? <ErrorState message={`Not saved: ${saveError}`} /> : null}
        </>
      ) : null}
    </main>
  );
}

import { useState } from "react";
import { Button, Field, Select, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { ProjectHeader } from "../../../contracts/meetings";
import { api } from "../../api/client";
import { CallTypeOptions } from "../../ui/CallTypeOptions";
import { useApi } from "../../ui/useApi";
import { ErrorState, Loading } from "../../ui/states";
import { linkBody } from "../config/ConfigPage";
import type { TeamsMeetingKey } from "../config/teamsMeetingKey";

const useStyles = makeStyles({
  main: { padding: tokens.spacingHorizontalM, display: "grid", gap: tokens.spacingVerticalS, minWidth: 0 },
  select: { minWidth: 0, width: "100%" },
});

/**
 * A Teams meeting Callbook does not know yet: a setup step, not an error. The organiser picks the
 * project (and, if they wish, the call type) and links it here, as the tab's settings would (PUT /meetings/link).
 */
export function LinkMeetingStep({ meetingKey, onLinked }: { meetingKey: TeamsMeetingKey; onLinked: () => void }) {
  const styles = useStyles();
  const [projects, reloadProjects] = useApi<{ projects: ProjectHeader[] }>("/projects");
  const [projectId, setProjectId] = useState("");
  const [callType, setCallType] = useState("auto");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const list = projects.state === "ready" ? projects.data.projects : [];
  const chosen = projectId || (list.length === 1 ? (list[0]?.id ?? "") : "");
  const link = async () => {
    if (!chosen) {
      setError("Choose the project this meeting belongs to");
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await api("/meetings/link", { method: "PUT", json: linkBody(meetingKey, chosen, callType, null) });
      onLinked();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <main className={styles.main} aria-labelledby="link-heading" data-testid="link-step">
      <Title3 as="h1" id="link-heading">
        Link this meeting to a project
      </Title3>
      <Text block>Callbook builds the agenda and keeps the notes once it knows the project. This is done once per meeting.</Text>
      {projects.state === "loading" ? <Loading label="Loading your projects…" /> : null}
      {projects.state === "error" ? <ErrorState title={projects.explained.title} message={projects.message} onRetry={reloadProjects} /> : null}
      {projects.state === "ready" ? (
        <>
          <Field label="Project" required validationMessage={error ?? undefined} validationState={error ? "error" : "none"} hint={list.length ? undefined : "You are not on any project yet."}>
            <Select className={styles.select} value={chosen} onChange={(_e, d) => setProjectId(d.value)}>
              <option value="">Choose a project</option>
              {list.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Call type" hint="Recognised from the invitation unless you choose one.">
            <Select className={styles.select} value={callType} onChange={(_e, d) => setCallType(d.value)}>
              <option value="auto">Recognise automatically</option>
              <CallTypeOptions />
            </Select>
          </Field>
          <Button appearance="primary" disabled={saving} onClick={() => void link()}>
            Link this meeting
          </Button>
        </>
      ) : null}
    </main>
  );
}

import { useState } from "react";
import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { PlannerStatusDto } from "../../../contracts/planner";
import type { StartUnattendedDto, UnattendedStatusDto } from "../../../contracts/unattended";
import { api } from "../../api/client";
import { isFramed, redirectToConsent, requestConsent } from "../../host/host";
import { useApi } from "../../ui/useApi";
import { useDates } from "../panel/dates/useDates";
import { Problem, Section } from "./Section";
import { fieldErrors, problemOf, projectApi } from "./workspaceApi";


const useStyles = makeStyles({
  form: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/**
 * The project's Microsoft Planner plan (issue 17 §4): name it, see when it was last polled, and
 * the actions whose task was deleted in Planner. Also whether jobs can send as the caller (§5).
 */
export function PlannerSection({ projectId }: { projectId: string }) {
  const dates = useDates();
  const styles = useStyles();
  const [status, reload] = useApi<PlannerStatusDto>(`/projects/${projectId}/planner`);
  const [unattended, reloadUnattended] = useApi<UnattendedStatusDto>("/me/unattended");
  // Back from the browser's Connect (redirected through Entra to /auth/end and here).
  const [consentOutcome] = useState(() => new URLSearchParams(window.location.search).get("consent"));
  const [planId, setPlanId] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const data = status.state === "ready" ? status.data : null;

  const save = async () => {
    setError(undefined);
    setProblem(null);
    try {
      await projectApi(projectId).send("PUT", "/planner", { planId });
      setPlanId("");
      reload();
    } catch (e) {
      const f = fieldErrors(e);
      if (f.planId) setError(f.planId);
      else setProblem(problemOf(e));
    }
  };
  const syncNow = async () => {
    setProblem(null);
    try {
      await projectApi(projectId).send("POST", "/planner/sync");
      reload();
    } catch (e) {
      setProblem(problemOf(e));
    }
  };

  // Connect: a consent request bound to the caller (PKCE + state), then Entra's consent page, in
  // Teams' pop-up inside Teams, by redirecting this page in a browser (it comes back here).
  const connect = async () => {
    setProblem(null);
    try {
      const { consentUrl } = await api<StartUnattendedDto>("/me/unattended/start", { method: "POST" });
      if (!isFramed()) return redirectToConsent(consentUrl);
      const { code, state } = await requestConsent(consentUrl);
      if (code) await api("/me/unattended", { method: "POST", json: { code, state } });
      reloadUnattended();
    } catch (e) {
      setProblem(problemOf(e));
    }
  };

  return (
    <Section id="planner" title="Microsoft Planner" actions={data?.plan && data.available ? <Button onClick={() => void syncNow()}>Sync now</Button> : undefined}>
      {data && !data.available ? <Text>Planner needs Callbook to run with Microsoft Graph.</Text> : null}
      {data?.plan ? (
        <Text>
          Actions go to the plan <strong>{data.plan.title ?? data.plan.planId}</strong> ({data.linked} linked).
          {data.plan.polledAt ? ` Last checked ${dates.dayTime(data.plan.polledAt)}.` : " Not checked yet."}
        </Text>
      ) : data ? (
        <Text>No plan yet: action items stay in Callbook only.</Text>
      ) : null}
      {data?.plan?.throttledUntil ? <Text className={styles.warning}>Planner asked Callbook to wait until {dates.dayTime(data.plan.throttledUntil)}.</Text> : null}
      {data?.plan?.lastError ? <Text className={styles.warning}>Last sync: {data.plan.lastError}</Text> : null}
      {data && data.unlinked.length > 0 ? (
        <div>
          <Text weight="semibold">Deleted in Planner (unlinked, not recreated):</Text>
          <ul className={styles.list}>
            {data.unlinked.map((u) => (
              <li key={u.itemId}>{u.title}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {unattended.state === "ready" && unattended.data.available && unattended.data.state !== "connected" ? (
        <Text role="status" className={styles.warning}>
          {unattended.data.state === "reconnect" ? "Reconnect" : "Connect"} Callbook to Microsoft 365 so reminders and Planner updates run without you
          {unattended.data.held > 0 ? ` (${unattended.data.held} reminder${unattended.data.held === 1 ? "" : "s"} waiting)` : ""}.{" "}
          <Button size="small" appearance="primary" onClick={() => void connect()}>
            {unattended.data.state === "reconnect" ? "Reconnect" : "Connect"}
          </Button>
        </Text>
      ) : null}
      {consentOutcome === "connected" && unattended.state === "ready" && unattended.data.state === "connected" ? (
        <Text role="status">Connected: reminders and Planner updates can run without you.</Text>
      ) : null}
      {consentOutcome === "failed" ? <Text className={styles.warning}>Connecting to Microsoft 365 did not finish; try Connect again.</Text> : null}
      <form
        aria-label="Planner plan"
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label="Plan id (from the plan's address in Planner)" validationMessage={error}>
          <Input value={planId} onChange={(_, d) => setPlanId(d.value)} placeholder="xqQg5FS2LkCp935s-FIFm2QAFkHM" />
        </Field>
        <Button type="submit" disabled={planId.trim() === ""}>
          {data?.plan ? "Change plan" : "Use this plan"}
        </Button>
      </form>
      <Problem message={problem} />
    </Section>
  );
}

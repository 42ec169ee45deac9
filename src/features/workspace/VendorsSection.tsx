import { useState } from "react";
import { Button, Checkbox, Field, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { VendorDto } from "../../../contracts/workspace";
import { useApi } from "../../ui/useApi";
import { Empty, ErrorState, Loading } from "../../ui/states";
import { cisQuestions } from "./labels";
import { Problem, Section } from "./Section";
import { problemOf, projectApi } from "./workspaceApi";

const useStyles = makeStyles({
  card: {
    display: "grid",
    gap: tokens.spacingVerticalSNudge,
    padding: tokens.spacingHorizontalMNudge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  questions: { display: "grid", gap: tokens.spacingVerticalSNudge, marginTop: tokens.spacingVerticalSNudge },
});

/** Vendors whose work moves our go-live, with the CIS checklist answered before kick-off. */
export function VendorsSection({ projectId }: { projectId: string }) {
  const [list, reload] = useApi<{ items: VendorDto[] }>(`/projects/${projectId}/vendors`);
  return (
    <Section id="vendors" title="Vendors">
      {list.state === "loading" ? <Loading label="Loading vendors…" /> : null}
      {list.state === "error" ? <ErrorState title={list.explained.title} message={list.message} onRetry={reload} /> : null}
      {list.state === "ready" && list.data.items.length === 0 ? <Empty>No vendors on this project.</Empty> : null}
      {list.state === "ready" ? list.data.items.map((v) => <VendorCard key={`${v.id}-${v.version}`} projectId={projectId} vendor={v} onSaved={reload} />) : null}
    </Section>
  );
}

function VendorCard({ projectId, vendor: v, onSaved }: { projectId: string; vendor: VendorDto; onSaved: () => void }) {
  const [answers, setAnswers] = useState<Record<string, string>>({ ...v.checklist });
  const [aligned, setAligned] = useState(v.goLiveAligned ?? false);
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    setProblem(null);
    try {
      await projectApi(projectId).send("PATCH", `/vendors/${v.id}`, { version: v.version, checklist: answers, goLiveAligned: aligned });
      onSaved();
    } catch (e) {
      setProblem(problemOf(e));
      onSaved();
    }
  };
  const styles = useStyles();
  const answered = cisQuestions.filter(([k]) => (v.checklist[k] ?? "").trim()).length;
  return (
    <article aria-label={v.name} className={styles.card}>
      <Text weight="semibold">
        {v.name} · {v.kind.toUpperCase()} · contact {v.contactName ?? "—"}
      </Text>
      {v.deliverablesTouchingSchedule.length ? <Text size={200}>Deliverables that move our schedule: {v.deliverablesTouchingSchedule.join("; ")}</Text> : null}
      <Checkbox label="Go-live date aligned with the vendor" checked={aligned} onChange={(_, d) => setAligned(Boolean(d.checked))} />
      {v.kind === "cis" ? (
        <details>
          <summary>CIS checklist: {answered} of {cisQuestions.length} answered</summary>
          <div className={styles.questions}>
            {cisQuestions.map(([key, question]) => (
              <Field key={key} label={question} size="small">
                <Textarea value={answers[key] ?? ""} onChange={(_, d) => setAnswers((a) => ({ ...a, [key]: d.value }))} resize="vertical" />
              </Field>
            ))}
          </div>
        </details>
      ) : null}
      <div>
        <Button size="small" onClick={() => void save()}>Save vendor</Button>
      </div>
      <Problem message={problem} />
    </article>
  );
}

import { useState } from "react";
import { Badge, Button, Field, Select, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkspaceProject } from "../../../contracts/workspace";
import { useDates } from "../panel/dates/useDates";
import { ragColor } from "./labels";
import { Problem, Section } from "./Section";
import { fieldErrors, problemOf, projectApi } from "./workspaceApi";

const useStyles = makeStyles({ form: { display: "grid", gap: tokens.spacingVerticalS, maxWidth: "40rem", minWidth: 0 } });

/** RAG with its reason and path to green. Turning amber or red makes the change notice owed. */
export function RagSection({ project, onSaved }: { project: WorkspaceProject; onSaved: () => void }) {
  const dates = useDates();
  const [rag, setRag] = useState(project.rag);
  const [reason, setReason] = useState(project.ragReason ?? "");
  const [path, setPath] = useState(project.pathToGreen ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const styles = useStyles();
  const dirty = rag !== project.rag || reason !== (project.ragReason ?? "") || path !== (project.pathToGreen ?? "");

  const save = async () => {
    setSaving(true);
    setErrors({});
    setProblem(null);
    try {
      await projectApi(project.id).send("PATCH", "", { version: project.version, rag, ragReason: reason, pathToGreen: path });
      onSaved();
    } catch (e) {
      setErrors(fieldErrors(e));
      if (Object.keys(fieldErrors(e)).length === 0) setProblem(problemOf(e));
      if (e instanceof Error && "status" in e && e.status === 409) onSaved();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Section id="rag" title="RAG status">
      <Text>
        Now{" "}
        <Badge appearance="filled" color={ragColor[project.rag]} aria-label={`RAG status ${project.rag}`}>
          {project.rag.toUpperCase()}
        </Badge>
        {project.ragChangedAt ? ` · changed ${dates.dayTime(project.ragChangedAt)} by ${project.ragChangedBy ?? "someone"}${project.previousRag ? ` (was ${project.previousRag})` : ""}` : ""}
      </Text>
      <form
        aria-label="Edit RAG status"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        className={styles.form}
      >
        <Field label="RAG" validationMessage={errors.rag}>
          <Select value={rag} onChange={(_, d) => setRag(d.value as typeof rag)}>
            <option value="green">Green</option>
            <option value="amber">Amber</option>
            <option value="red">Red</option>
          </Select>
        </Field>
        <Field label="Why (reason)" required={rag !== "green"} validationMessage={errors.ragReason}>
          <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
        </Field>
        <Field label="Path to green" required={rag !== "green"} validationMessage={errors.pathToGreen}>
          <Textarea value={path} onChange={(_, d) => setPath(d.value)} resize="vertical" />
        </Field>
        <Problem message={problem} />
        <div>
          <Button type="submit" appearance="primary" disabled={!dirty || saving}>
            {saving ? "Saving…" : "Save RAG"}
          </Button>
        </div>
      </form>
    </Section>
  );
}

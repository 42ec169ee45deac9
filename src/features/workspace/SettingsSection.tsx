import { useState } from "react";
import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkspaceProject } from "../../../contracts/workspace";
import { Problem, Section } from "./Section";
import { fieldErrors, problemOf, projectApi } from "./workspaceApi";

// Fields side by side while each has 180 px, one per line on a phone (min() keeps a column within 360 px).
const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalS, gridTemplateColumns: "repeat(auto-fit, minmax(min(180px, 100%), 1fr))", alignItems: "end" },
});

/** Go-live date, holidays, MRR and integration type: they set the countdown, the cadence and the TSM tier. */
export function SettingsSection({ project, onSaved }: { project: WorkspaceProject; onSaved: () => void }) {
  const [goLive, setGoLive] = useState(project.goLiveDate ?? "");
  const [holidays, setHolidays] = useState(project.holidays.join(", "));
  const [mrr, setMrr] = useState((project.mrrCents / 100).toFixed(2));
  const [type, setType] = useState(project.integrationType);
  const styles = useStyles();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const save = async () => {
    setErrors({});
    setProblem(null);
    const dollars = Number(mrr.replace(/[$,\s]/g, ""));
    if (!Number.isFinite(dollars)) {
      setErrors({ mrrCents: "must be an amount like 4500.00" });
      return;
    }
    try {
      await projectApi(project.id).send("PATCH", "", {
        version: project.version,
        goLiveDate: goLive || null,
        holidays: holidays.split(/[,\s]+/).filter(Boolean),
        mrrCents: Math.round(dollars * 100),
        integrationType: type,
      });
      onSaved();
    } catch (e) {
      const f = fieldErrors(e);
      setErrors(Object.fromEntries(Object.entries(f).map(([k, v]) => [k.replace(/^holidays\.\d+$/, "holidays"), v])));
      if (Object.keys(f).length === 0) setProblem(problemOf(e));
    }
  };

  return (
    <Section id="settings" title="Go-live and commercials">
      <form
        aria-label="Project settings"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        className={styles.form}
      >
        <Field label="Go-live date" validationMessage={errors.goLiveDate}>
          <Input type="date" value={goLive} onChange={(_, d) => setGoLive(d.value)} />
        </Field>
        <Field label="Holidays (dates, comma-separated)" validationMessage={errors.holidays}>
          <Input value={holidays} onChange={(_, d) => setHolidays(d.value)} placeholder="2026-12-25, 2027-01-01" />
        </Field>
        <Field label="MRR ($)" validationMessage={errors.mrrCents}>
          <Input inputMode="decimal" value={mrr} onChange={(_, d) => setMrr(d.value)} />
        </Field>
        <Field label="Integration type" validationMessage={errors.integrationType}>
          <Select value={type} onChange={(_, d) => setType(d.value as typeof type)}>
            <option value="new">New integration</option>
            <option value="existing">Existing integration</option>
          </Select>
        </Field>
        <div>
          <Button type="submit">Save settings</Button>
        </div>
      </form>
      <Problem message={problem} />
    </Section>
  );
}

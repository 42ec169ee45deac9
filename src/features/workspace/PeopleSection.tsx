import { useState } from "react";
import { Button, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { MemberDto } from "../../../contracts/workspace";
import { projectRoles } from "../../../contracts/types";
import type { PersonDto } from "../../../contracts/workspace";
import { useApi } from "../../ui/useApi";
import { ErrorState, Loading } from "../../ui/states";
import { roleLabel } from "./labels";
import { PersonSelect, Problem, Section } from "./Section";
import { TimeZoneCell } from "./TimeZoneCell";
import { problemOf, projectApi } from "./workspaceApi";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalS },
  card: {
    display: "grid",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end", minWidth: 0 },
  date: { maxWidth: "11rem" },
});

const organisationWords: Record<string, string> = { internal: "our organisation", customer: "customer", vendor: "vendor" };

export interface PeopleData {
  members: MemberDto[];
  projectPeople: PersonDto[];
  directory: PersonDto[];
}

/** Who is on the project in which role, their backups, and when they are out of office. */
export function PeopleSection({ projectId }: { projectId: string }) {
  const [data, reload] = useApi<PeopleData>(`/projects/${projectId}/people`);
  const [add, setAdd] = useState({ personId: "", role: "customer_stakeholder", backupPersonId: "" });
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await fn();
      reload();
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  const api = projectApi(projectId);
  const styles = useStyles();
  return (
    <Section id="people" title="People and roles">
      {data.state === "loading" ? <Loading label="Loading people…" /> : null}
      {data.state === "error" ? <ErrorState title={data.explained.title} message={data.message} onRetry={reload} /> : null}
      {data.state === "ready" ? (
        <>
          <ul aria-label="Members" className={styles.list}>
            {data.data.members.map((m) => (
              <MemberRow key={m.id} member={m} people={data.data.directory} onChange={(fn) => void run(fn)} projectId={projectId} />
            ))}
          </ul>
          <form
            aria-label="Add a member"
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => api.send("POST", "/members", { personId: add.personId, role: add.role, backupPersonId: add.backupPersonId || null }));
            }}
            className={styles.row}
          >
            <PersonSelect label="Person" value={add.personId} people={data.data.directory} onChange={(personId) => setAdd({ ...add, personId })} allowNone="Choose…" />
            <Field label="Role">
              <Select value={add.role} onChange={(_e, d) => setAdd({ ...add, role: d.value })}>
                {projectRoles.map((r) => (
                  <option key={r} value={r}>{roleLabel[r] ?? r}</option>
                ))}
              </Select>
            </Field>
            <PersonSelect label="Backup" value={add.backupPersonId} people={data.data.directory} onChange={(backupPersonId) => setAdd({ ...add, backupPersonId })} allowNone="No backup" />
            <Button type="submit" disabled={!add.personId}>Add member</Button>
          </form>
        </>
      ) : null}
      <Problem message={problem} />
    </Section>
  );
}

/** One member as a card: role and backup in words, with one backup picker behind "Change backup". */
function MemberRow({ member: m, people, onChange, projectId }: { member: MemberDto; people: PersonDto[]; onChange: (fn: () => Promise<unknown>) => void; projectId: string }) {
  const styles = useStyles();
  const [from, setFrom] = useState(m.oooFrom ?? "");
  const [until, setUntil] = useState(m.oooUntil ?? "");
  const [editing, setEditing] = useState(false);
  const api = projectApi(projectId);
  const backup = people.find((p) => p.id === m.backupPersonId)?.name ?? null;
  return (
    <li className={styles.card} aria-label={m.name}>
      <div>
        <Text weight="semibold">{m.name}</Text>
        <Text size={200} block>
          {roleLabel[m.role] ?? m.role} · {m.title} · {organisationWords[m.organisation] ?? m.organisation}
        </Text>
      </div>
      <div className={styles.row}>
        {editing ? (
          <PersonSelect
            label=""
            ariaLabel={`Backup for ${m.name}`}
            value={m.backupPersonId ?? ""}
            people={people}
            allowNone="No backup"
            onChange={(id) => {
              setEditing(false);
              onChange(() => api.send("PATCH", `/members/${m.id}`, { backupPersonId: id || null }));
            }}
          />
        ) : (
          <>
            <Text size={200}>{backup ? `Backup: ${backup}` : "No backup"}</Text>
            <Button size="small" aria-label={`Change backup for ${m.name}`} onClick={() => setEditing(true)}>
              Change backup
            </Button>
          </>
        )}
      </div>
      <div className={styles.row}>
        <Field label="Out of office from" size="small">
          <Input type="date" size="small" className={styles.date} aria-label={`${m.name} out of office from`} value={from} onChange={(_, d) => setFrom(d.value)} />
        </Field>
        <Field label="until" size="small">
          <Input type="date" size="small" className={styles.date} aria-label={`${m.name} out of office until`} value={until} onChange={(_, d) => setUntil(d.value)} />
        </Field>
        <Button size="small" onClick={() => onChange(() => api.send("PATCH", `/people/${m.personId}`, { oooFrom: from || null, oooUntil: until || null }))}>
          Save out of office
        </Button>
      </div>
      <div className={styles.row}>
        <TimeZoneCell name={m.name} timeZone={m.timeZone} onSave={(timeZone) => onChange(() => api.send("PATCH", `/people/${m.personId}`, { timeZone }))} />
        <Button size="small" appearance="subtle" aria-label={`Remove ${m.name}`} onClick={() => onChange(() => api.send("DELETE", `/members/${m.id}`))}>
          Remove
        </Button>
      </div>
    </li>
  );
}

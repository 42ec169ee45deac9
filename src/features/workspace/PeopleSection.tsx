import { useState } from "react";
import { Button, Input, Text } from "@fluentui/react-components";
import type { MemberDto } from "../../../contracts/workspace";
import { projectRoles } from "../../../contracts/types";
import type { PersonDto } from "../../../contracts/workspace";
import { useApi } from "../../ui/useApi";
import { ErrorState, Loading } from "../../ui/states";
import { cellStyle, roleLabel, tableStyle } from "./labels";
import { PersonSelect, Problem, Section } from "./Section";
import { TimeZoneCell } from "./TimeZoneCell";
import { problemOf, projectApi } from "./workspaceApi";

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
  return (
    <Section id="people" title="People and roles">
      {data.state === "loading" ? <Loading label="Loading people…" /> : null}
      {data.state === "error" ? <ErrorState title={data.explained.title} message={data.message} onRetry={reload} /> : null}
      {data.state === "ready" ? (
        <>
          <table style={tableStyle} aria-label="Members">
            <thead>
              <tr>
                {["Name", "Role", "Backup", "Out of office", "Time zone", ""].map((h) => (
                  <th key={h} style={cellStyle}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.data.members.map((m) => (
                <MemberRow key={m.id} member={m} people={data.data.directory} onChange={(fn) => void run(fn)} projectId={projectId} />
              ))}
            </tbody>
          </table>
          <form
            aria-label="Add a member"
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => api.send("POST", "/members", { personId: add.personId, role: add.role, backupPersonId: add.backupPersonId || null }));
            }}
            style={{ display: "flex", gap: 8, flexWrap: "wrap", alignItems: "end" }}
          >
            <PersonSelect label="Person" value={add.personId} people={data.data.directory} onChange={(personId) => setAdd({ ...add, personId })} allowNone="Choose…" />
            <label style={{ display: "grid", fontSize: 12 }}>
              Role
              <select value={add.role} onChange={(e) => setAdd({ ...add, role: e.target.value })} style={{ minHeight: 30 }}>
                {projectRoles.map((r) => (
                  <option key={r} value={r}>{roleLabel[r] ?? r}</option>
                ))}
              </select>
            </label>
            <PersonSelect label="Backup" value={add.backupPersonId} people={data.data.directory} onChange={(backupPersonId) => setAdd({ ...add, backupPersonId })} allowNone="No backup" />
            <Button type="submit" disabled={!add.personId}>Add member</Button>
          </form>
        </>
      ) : null}
      <Problem message={problem} />
    </Section>
  );
}

function MemberRow({ member: m, people, onChange, projectId }: { member: MemberDto; people: PersonDto[]; onChange: (fn: () => Promise<unknown>) => void; projectId: string }) {
  const [from, setFrom] = useState(m.oooFrom ?? "");
  const [until, setUntil] = useState(m.oooUntil ?? "");
  const api = projectApi(projectId);
  return (
    <tr>
      <td style={cellStyle}>
        <Text weight="semibold">{m.name}</Text>
        <Text size={200} block>{m.title} · {m.organisation}</Text>
      </td>
      <td style={cellStyle}>{roleLabel[m.role] ?? m.role}</td>
      <td style={cellStyle}>
        <PersonSelect label="" value={m.backupPersonId ?? ""} people={people} allowNone="No backup" onChange={(id) => onChange(() => api.send("PATCH", `/members/${m.id}`, { backupPersonId: id || null }))} />
      </td>
      <td style={cellStyle}>
        <Input type="date" size="small" aria-label={`${m.name} out from`} value={from} onChange={(_, d) => setFrom(d.value)} />
        <Input type="date" size="small" aria-label={`${m.name} out until`} value={until} onChange={(_, d) => setUntil(d.value)} />
        <Button size="small" onClick={() => onChange(() => api.send("PATCH", `/people/${m.personId}`, { oooFrom: from || null, oooUntil: until || null }))}>
          Save
        </Button>
      </td>
      <td style={cellStyle}>
        <TimeZoneCell name={m.name} timeZone={m.timeZone} onSave={(timeZone) => onChange(() => api.send("PATCH", `/people/${m.personId}`, { timeZone }))} />
      </td>
      <td style={cellStyle}>
        <Button size="small" appearance="subtle" onClick={() => onChange(() => api.send("DELETE", `/members/${m.id}`))}>
          Remove
        </Button>
      </td>
    </tr>
  );
}

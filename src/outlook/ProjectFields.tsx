import { Field, Select } from "@fluentui/react-components";
import { CallTypeOptions } from "../ui/CallTypeOptions";
import type { ProjectHeader } from "../../contracts/meetings";
import type { CallType } from "../../contracts/types";

/** The project and call-type choice that linking and setting up share. */
export function ProjectFields({
  projects,
  projectId,
  onProject,
  callType,
  onCallType,
  autoLabel,
  disabled,
}: {
  projects: ProjectHeader[];
  projectId: string;
  onProject: (id: string) => void;
  callType: CallType | "";
  onCallType: (value: CallType | "") => void;
  /** When set, the empty call type is a real choice ("let Callbook recognise it"), not a prompt. */
  autoLabel?: string;
  disabled?: boolean;
}) {
  return (
    <>
      <Field label="Project" required>
        <Select value={projectId} disabled={disabled} onChange={(_e, d) => onProject(d.value)}>
          <option value="">Choose a project</option>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Call type" required={!autoLabel}>
        <Select value={callType} disabled={disabled} onChange={(_e, d) => onCallType(d.value as CallType | "")}>
          <option value="">{autoLabel ?? "Choose a call type"}</option>
          <CallTypeOptions />
        </Select>
      </Field>
    </>
  );
}

import { callTypes } from "../../server/domain/types";
import { callTypeDefinitions } from "../../server/domain/callTypeDefinitions";

/** The `<option>`s of every call type, labelled as the runbook names them. */
export function CallTypeOptions() {
  return (
    <>
      {callTypes.map((t) => (
        <option key={t} value={t}>
          {callTypeDefinitions[t].label}
        </option>
      ))}
    </>
  );
}

import { callTypes } from "../../contracts/types";
import { callTypeDefinitions } from "../../contracts/callTypeDefinitions";

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

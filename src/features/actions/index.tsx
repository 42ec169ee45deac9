import { lazy, Suspense } from "react";
import { Loading } from "../../ui/states";

// Its own chunk, like the workspace: the side panel's bundle does not carry the table.
const MyActionsPage = lazy(() => import("./MyActionsPage"));

/** "My actions" (route "/actions"): the signed-in person's own actions across their projects. */
export function MyActions() {
  return (
    <Suspense fallback={<Loading label="Loading your actions…" />}>
      <MyActionsPage />
    </Suspense>
  );
}

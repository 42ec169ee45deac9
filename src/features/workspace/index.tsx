import { lazy, Suspense } from "react";
import { Loading } from "../../ui/states";

// The workspace is its own chunk: the side panel's bundle does not carry it.
const ProjectHomeView = lazy(() => import("./ProjectHomeView"));
const ProjectPageView = lazy(() => import("./ProjectPageView"));

/** Personal-tab home (route "/"): the user's projects, most urgent first. */
export function ProjectHome() {
  return (
    <Suspense fallback={<Loading label="Loading your projects…" />}>
      <ProjectHomeView />
    </Suspense>
  );
}

/** One project's workspace (route "/projects/:id"). */
export function ProjectPage({ projectId }: { projectId: string }) {
  return (
    <Suspense fallback={<Loading label="Loading the project…" />}>
      <ProjectPageView projectId={projectId} />
    </Suspense>
  );
}

import { useEffect, useState } from "react";
import { Badge, Link, Text, Title2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Workspace } from "../../../contracts/workspace";
import { useApi } from "../../ui/useApi";
import { useLayoutStyles } from "../../ui/layoutStyles";
import { ErrorState, Loading } from "../../ui/states";
import { useDates } from "../panel/dates/useDates";
import { serverToday } from "../../api/serverClock";
import { goLiveText, ragColor } from "./labels";
import { navigateTo } from "./workspaceApi";
import { RagSection } from "./RagSection";
import { SettingsSection } from "./SettingsSection";
import { FollowUpsSection } from "./FollowUpsSection";
import { PeopleSection, type PeopleData } from "./PeopleSection";
import { MilestonesSection } from "./MilestonesSection";
import { TasksSection } from "./TasksSection";
import { RaidSection } from "./RaidSection";
import { ChangeRequestsSection, SupportCasesSection } from "./RecordsSections";
import { VendorsSection } from "./VendorsSection";
import { TransitionSection } from "./TransitionSection";
import { MeetingsSection } from "./MeetingsSection";
import { ExportSection, ImportSection } from "./ImportExportSection";
import { PlannerSection } from "./PlannerSection";
import { ProjectSearch } from "./ProjectSearch";

const contents: [string, string][] = [
  ["rag", "RAG"], ["follow-ups", "Follow-ups"], ["settings", "Go-live"], ["people", "People"], ["milestones", "Milestones"],
  ["schedule", "Schedule"], ["raid", "RAID log"], ["planner", "Planner"], ["change-requests", "Change requests"], ["support-cases", "Cases"],
  ["vendors", "Vendors"], ["transition", "Transition"], ["meetings", "Meetings"], ["import", "Import"], ["export", "Export"],
];

const useStyles = makeStyles({
  header: { display: "grid", gap: tokens.spacingVerticalXS, margin: `${tokens.spacingVerticalS} 0` },
  contents: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalMNudge, fontSize: tokens.fontSizeBase300 },
});

/** One project's workspace: everything the agendas draw on, to see and edit. */
export default function ProjectPageView({ projectId }: { projectId: string }) {
  const dates = useDates();
  const [ws, reload] = useApi<Workspace>(`/projects/${projectId}/workspace`);
  const [people] = useApi<PeopleData>(`/projects/${projectId}/people`);
  const layout = useLayoutStyles();
  const styles = useStyles();
  const options = people.state === "ready" ? people.data.projectPeople.map((p) => ({ id: p.id, name: p.name })) : [];
  // A reload (after a save) keeps the page on screen: sections keep their filters and reports.
  const [last, setLast] = useState<Workspace | null>(null);
  useEffect(() => {
    if (ws.state === "ready") setLast(ws.data);
  }, [ws]);
  const data = ws.state === "ready" ? ws.data : last;
  if (ws.state === "error" && (!data || ws.status === 404 || ws.status === 403)) {
    const message = ws.status === 404 ? "This project was not found." : ws.status === 403 ? "You are not a member of this project." : ws.message;
    return <ErrorState message={message} onRetry={reload} />;
  }
  if (!data) return <Loading label="Loading the project…" />;
  const { project } = data;
  return (
    <main className={mergeClasses(layout.page, layout.pageWide)} data-testid="workspace">
      <nav aria-label="Back">
        <Link href="/" onClick={(e) => { e.preventDefault(); navigateTo("/"); }}>← Your projects</Link>
      </nav>
      <header className={styles.header}>
        <Title2 as="h1">{project.name}</Title2>
        <div className={layout.rowCenter}>
          <Text>{project.customerName}{project.phase ? ` · ${project.phase}` : ""}</Text>
          <Badge appearance="filled" color={ragColor[project.rag]}>{project.rag.toUpperCase()}</Badge>
          <Text title={project.goLiveDate ? `Go-live ${dates.day(project.goLiveDate)}` : undefined}>
            {goLiveText(project.daysToGoLive)}{project.goLiveDate ? ` (${dates.day(project.goLiveDate)})` : ""}
          </Text>
        </div>
      </header>
      <nav aria-label="Sections" className={styles.contents}>
        {contents.map(([id, label]) => <Link key={id} href={`#${id}`}>{label}</Link>)}
      </nav>
      <ProjectSearch projectId={projectId} />
      <RagSection key={`rag-${project.version}`} project={project} onSaved={reload} />
      <FollowUpsSection workspace={data} onChanged={reload} />
      <SettingsSection key={`settings-${project.version}`} project={project} onSaved={reload} />
      <PeopleSection projectId={projectId} />
      <MilestonesSection projectId={projectId} />
      <TasksSection projectId={projectId} people={options} />
      <RaidSection projectId={projectId} people={options} today={serverToday()} />
      <PlannerSection projectId={projectId} />
      <ChangeRequestsSection projectId={projectId} />
      <SupportCasesSection projectId={projectId} people={options} />
      <VendorsSection projectId={projectId} />
      <TransitionSection key={`transition-${project.version}`} workspace={data} onSaved={reload} />
      <MeetingsSection projectId={projectId} />
      <ImportSection projectId={projectId} onImported={reload} />
      <ExportSection projectId={projectId} />
    </main>
  );
}

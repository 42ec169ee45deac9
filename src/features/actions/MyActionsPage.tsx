import { Badge, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title2, makeStyles, tokens } from "@fluentui/react-components";
import type { MyActionDto, MyActionsDto } from "../../../contracts/myActions";
import { useApi } from "../../ui/useApi";
import { Empty, ErrorState, Loading } from "../../ui/states";
import { useDates } from "../panel/dates/useDates";
import { navigate } from "../../ui/navigate";

const useStyles = makeStyles({
  main: { padding: tokens.spacingHorizontalL, maxWidth: "1000px", display: "grid", gap: tokens.spacingVerticalM },
  meta: { color: tokens.colorNeutralForeground3 },
  badges: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});

const go = (path: string) => (e: React.MouseEvent) => {
  e.preventDefault();
  navigate(path);
};

function StatusBadges({ a }: { a: MyActionDto }) {
  const styles = useStyles();
  return (
    <span className={styles.badges}>
      {a.status === "closed" ? (
        <Badge appearance="tint" color="success">
          Done
        </Badge>
      ) : a.pastDue ? (
        <Badge appearance="filled" color="danger">
          Past due
        </Badge>
      ) : (
        <Badge appearance="tint" color="informative">
          Open
        </Badge>
      )}
      {a.internalOnly ? (
        <Badge appearance="tint" color="severe">
          Internal only
        </Badge>
      ) : null}
    </span>
  );
}

/**
 * "My actions" (route /actions, linked from the home page): the signed-in person's own actions
 * across all their projects, open ones first by due date, then the ones closed in the last two
 * weeks; each links to its project and to the call it came from. Customers and vendors see only
 * customer-safe items (the server applies the rule).
 */
export default function MyActionsPage() {
  const dates = useDates();
  const styles = useStyles();
  const [mine, reload] = useApi<MyActionsDto>("/actions/mine");
  return (
    <main className={styles.main}>
      <Title2 as="h1">My actions</Title2>
      {mine.state === "loading" ? <Loading label="Loading your actions…" /> : null}
      {mine.state === "error" ? <ErrorState message={mine.message} onRetry={reload} /> : null}
      {mine.state === "ready" && mine.data.actions.length === 0 ? <Empty>You have no actions. Nothing is waiting on you.</Empty> : null}
      {mine.state === "ready" && mine.data.actions.length > 0 ? (
        <Table aria-label="My actions" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Action</TableHeaderCell>
              <TableHeaderCell>Project</TableHeaderCell>
              <TableHeaderCell>Due</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>From the call</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {mine.data.actions.map((a) => (
              <TableRow key={a.id} data-action-id={a.id}>
                <TableCell>{a.title}</TableCell>
                <TableCell>
                  <Link href={`/projects/${a.projectId}#raid`} onClick={go(`/projects/${a.projectId}#raid`)}>
                    {a.projectName}
                  </Link>
                </TableCell>
                <TableCell>{a.dueDate ? dates.day(a.dueDate) : <Text className={styles.meta}>No date</Text>}</TableCell>
                <TableCell>
                  <StatusBadges a={a} />
                </TableCell>
                <TableCell>
                  {a.meeting ? (
                    <Link href={`/meetings/${a.meeting.id}`} onClick={go(`/meetings/${a.meeting.id}`)}>
                      {a.meeting.subject}, {dates.dayOf(a.meeting.startsAt)}
                    </Link>
                  ) : (
                    <Text className={styles.meta}>—</Text>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </main>
  );
}

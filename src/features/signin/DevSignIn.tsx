import { Button, Text, Title2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useLayoutStyles } from "../../ui/layoutStyles";
import { setCredential } from "../../api/client";
import { useApi } from "../../ui/useApi";
import { ErrorState, Loading } from "../../ui/states";

interface DevPerson {
  id: string;
  name: string;
  title: string;
  email: string;
  credential: string;
}

const useStyles = makeStyles({
  intro: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalL}` },
  list: { gap: tokens.spacingVerticalS },
  person: { width: "100%", justifyContent: "flex-start", textAlign: "left" },
});

/** Sign-in for the embedded default: pick a demo person. Only offered when the server allows it. */
export function DevSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [people, reload] = useApi<{ people: DevPerson[] }>("/session/dev-people");
  const layout = useLayoutStyles();
  const styles = useStyles();
  return (
    <main className={mergeClasses(layout.page, layout.pageNarrow)}>
      <Title2 as="h1">Sign in to Callbook</Title2>
      <Text block className={styles.intro}>
        Local mode: choose who you are. Inside Teams you are signed in with your Microsoft account.
      </Text>
      {people.state === "loading" ? <Loading label="Loading people…" /> : null}
      {people.state === "error" ? (
        <ErrorState
          message={people.status === 404 ? "Dev sign-in is off on this server. Open Callbook from Teams or Outlook." : people.message}
          onRetry={reload}
        />
      ) : null}
      {people.state === "ready" ? (
        <ul aria-label="People" className={mergeClasses(layout.plainList, styles.list)}>
          {people.data.people.map((p) => (
            <li key={p.id}>
              <Button
                appearance="subtle"
                className={styles.person}
                onClick={() => {
                  setCredential(p.credential);
                  onSignedIn();
                }}
              >
                <span>
                  <Text weight="semibold">{p.name}</Text>
                  <Text size={200} block>
                    {p.title}
                  </Text>
                </span>
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </main>
  );
}

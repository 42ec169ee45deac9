import { Button, Text, Title2 } from "@fluentui/react-components";
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

/** Sign-in for the embedded default: pick a demo person. Only offered when the server allows it. */
export function DevSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [people, reload] = useApi<{ people: DevPerson[] }>("/session/dev-people");
  return (
    <main style={{ padding: 16, maxWidth: 480 }}>
      <Title2 as="h1">Sign in to Callbook</Title2>
      <Text block style={{ margin: "8px 0 16px" }}>
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
        <ul aria-label="People" style={{ listStyle: "none", padding: 0, display: "grid", gap: 8 }}>
          {people.data.people.map((p) => (
            <li key={p.id}>
              <Button
                appearance="subtle"
                style={{ width: "100%", justifyContent: "flex-start", textAlign: "left" }}
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

import { useEffect, useState, type ReactNode } from "react";
import { Button, Link, Text, Title3, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useLayoutStyles } from "../ui/layoutStyles";
import { FluentRoot } from "../ui/FluentRoot";
import { connectOutlook, type OutlookConnection } from "../host/outlook/connectOutlook";
import { DevSignIn } from "../features/signin/DevSignIn";
import { useApi } from "../ui/useApi";
import { ErrorState, Loading } from "../ui/states";
import { AppointmentPane } from "./AppointmentPane";
import { useOutlookSignIn } from "./useOutlookSignIn";

const useStyles = makeStyles({
  main: { padding: tokens.spacingHorizontalM, display: "grid", gap: tokens.spacingVerticalL, alignContent: "start", minWidth: 0 },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalSNudge,
  },
  who: { flexGrow: 1, minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

/** The Outlook task pane: connect to Outlook, sign in, then work on the open appointment. */
export function OutlookApp({ connect = connectOutlook }: { connect?: () => Promise<OutlookConnection> }) {
  const [connection, setConnection] = useState<OutlookConnection | null>(null);
  useEffect(() => {
    let live = true;
    connect()
      .then((c) => live && setConnection(c))
      .catch((e: unknown) => live && setConnection({ status: "unavailable", reason: "not_in_outlook", message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [connect]);

  const theme = connection?.status === "ready" && connection.host.theme === "dark" ? webDarkTheme : webLightTheme;
  return (
    <FluentRoot theme={theme}>
      <div data-testid="outlook-pane">
        {connection === null ? (
          <PaneMain>
            <Loading label="Connecting to Outlook…" />
          </PaneMain>
        ) : null}
        {connection?.status === "unavailable" ? (
          <PaneMain>
            <NotInOutlook reason={connection.reason} message={connection.message} />
          </PaneMain>
        ) : null}
        {connection?.status === "ready" ? <SignedInPane connection={connection} /> : null}
      </div>
    </FluentRoot>
  );
}

function PaneMain({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return <main className={styles.main}>{children}</main>;
}

function NotInOutlook({ reason, message }: { reason: string; message: string }) {
  const title =
    reason === "not_in_outlook" ? "Open this pane from Outlook" : reason === "no_item" ? "Open a meeting first" : "Callbook works on meetings";
  const layout = useLayoutStyles();
  return (
    <section aria-labelledby="not-in-outlook" role="status" className={layout.stack}>
      <Title3 as="h1" id="not-in-outlook">
        {title}
      </Title3>
      <Text block>
        {reason === "not_in_outlook"
          ? "This is Callbook's Outlook pane. In Outlook, open a meeting in your calendar and choose Callbook on the ribbon."
          : "Open a meeting in your Outlook calendar, then choose Callbook on the ribbon."}
      </Text>
      <Text size={200} block>
        {message}
      </Text>
      {reason === "not_in_outlook" ? (
        <Text block>
          <Link href="/">Open Callbook in the browser</Link>
        </Text>
      ) : null}
    </section>
  );
}

function SignedInPane({ connection }: { connection: Extract<OutlookConnection, { status: "ready" }> }) {
  const { state, signedInWithDev, signInWithMicrosoft, signOut } = useOutlookSignIn();
  const layout = useLayoutStyles();
  if (state.step === "checking") {
    return (
      <PaneMain>
        <Loading label="Signing in…" />
      </PaneMain>
    );
  }
  if (state.step === "failed") {
    return (
      <PaneMain>
        <ErrorState message={state.message} />
      </PaneMain>
    );
  }
  if (state.step === "pick") return <DevSignIn onSignedIn={signedInWithDev} />;
  if (state.step === "prompt") {
    return (
      <PaneMain>
      <section aria-labelledby="sign-in" className={layout.stack}>
        <Title3 as="h1" id="sign-in">
          Sign in to Callbook
        </Title3>
        <Text block>Callbook uses your Microsoft 365 account. Outlook may ask you to confirm once.</Text>
        {state.error ? (
          <Text role="alert" block>
            {state.error}
          </Text>
        ) : null}
        <Button appearance="primary" onClick={signInWithMicrosoft}>
          Sign in
        </Button>
      </section>
      </PaneMain>
    );
  }
  return (
    <PaneMain>
      <PaneHeader canSwitch={state.via === "dev"} onSwitch={signOut} />
      <AppointmentPane host={connection.host} naa={state.naa} />
    </PaneMain>
  );
}

function PaneHeader({ canSwitch, onSwitch }: { canSwitch: boolean; onSwitch: () => void }) {
  const [me] = useApi<{ name: string; email: string }>("/me");
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Text weight="semibold">Callbook</Text>
      <Text size={200} className={styles.who} data-testid="signed-in-as">
        {me.state === "ready" ? me.data.name : ""}
      </Text>
      {canSwitch ? (
        <Button size="small" appearance="subtle" onClick={onSwitch}>
          Switch user
        </Button>
      ) : null}
    </header>
  );
}

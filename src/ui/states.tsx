import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { explainError } from "./explainError";

const useStyles = makeStyles({
  error: { padding: tokens.spacingHorizontalM },
  empty: { padding: `${tokens.spacingVerticalXS} 0` },
});

export function Loading({ label }: { label: string }) {
  return <Spinner size="small" label={label} />;
}

/** A failure: a PM-readable title, what happened and the next step (see explainError); never a bare code. */
export function ErrorState({ message, onRetry, title }: { message: string; onRetry?: () => void; title?: string }) {
  const explained = title ? null : explainError(message);
  const styles = useStyles();
  return (
    <div role="alert" className={styles.error}>
      <Text weight="semibold" block>
        {title ?? explained?.title}
      </Text>
      <Text block>{explained && explained.code === message ? `${explained.message} ${explained.nextStep}` : message}</Text>
      {onRetry ? <Button onClick={onRetry}>Try again</Button> : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return (
    <Text block italic className={styles.empty}>
      {children}
    </Text>
  );
}

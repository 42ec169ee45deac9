import { Button, Spinner, Text } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { explainError } from "./explainError";

export function Loading({ label }: { label: string }) {
  return <Spinner size="small" label={label} />;
}

/** A failure: a PM-readable title, what happened and the next step (see explainError); never a bare code. */
export function ErrorState({ message, onRetry, title }: { message: string; onRetry?: () => void; title?: string }) {
  const explained = title ? null : explainError(message);
  return (
    <div role="alert" style={{ padding: 12 }}>
      <Text weight="semibold" block>
        {title ?? explained?.title}
      </Text>
      <Text block>{explained && explained.code === message ? `${explained.message} ${explained.nextStep}` : message}</Text>
      {onRetry ? <Button onClick={onRetry}>Try again</Button> : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <Text block italic style={{ padding: "4px 0" }}>
      {children}
    </Text>
  );
}

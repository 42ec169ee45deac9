import { Button, Spinner, Text } from "@fluentui/react-components";
import type { ReactNode } from "react";

export function Loading({ label }: { label: string }) {
  return <Spinner size="small" label={label} />;
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div role="alert" style={{ padding: 12 }}>
      <Text weight="semibold" block>
        Something went wrong
      </Text>
      <Text block>{message}</Text>
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

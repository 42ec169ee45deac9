import type { ReactNode } from "react";
import { FluentProvider, makeStyles, type Theme } from "@fluentui/react-components";

// The page fills the viewport (the theme's background reaches the bottom of a short page) through a
// child of the provider, never through the provider's own className: Fluent copies that className onto
// every portal mount node (FluentProvider's `applyStylesToPortals`, true by default), and a mount node is
// `position: absolute; top: 0; z-index: 1000000` with the theme's background. With `min-height: 100vh` it
// became an opaque layer over the page's first 100vh (all of the side panel until it is scrolled) as soon
// as a portal existed: a Combobox mounts its listbox when it takes focus, so a mouse press on a person
// picker blanked the panel, the mouse-up landed on the layer, the click never reached the field and the
// list did not open (issue 16, found in Chromium). Dialogs showed that layer instead of the page behind.
const useStyles = makeStyles({ page: { minHeight: "100vh" } });

/**
 * The app's FluentProvider with its page wrapper: the theme (and `data-theme`, the theme's name, read by the
 * e2e tests) on the provider, the full-viewport height on a child `div`. Every page of the app and of the
 * Outlook pane renders inside one. Put page layout on the children, not here: see the note above
 * (eslint.config.js refuses a `className` on FluentProvider for the same reason).
 */
export function FluentRoot(props: { theme: Theme; themeName?: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={props.theme} data-theme={props.themeName}>
      <div className={styles.page}>{props.children}</div>
    </FluentProvider>
  );
}

/**
 * A page init script (a string, not a function: functions compiled by tsx carry esbuild's __name
 * helper, unknown in the page) that records when an element matching `selector` is first in the
 * DOM (`window.__visibleAt`) and the next animation frame after it (`window.__paintedAt`), both in
 * ms from the navigation (performance.now). Used by the side panel benches.
 */
export function markVisibleScript(selector: string): string {
  return `(() => {
  const found = () => document.querySelector(${JSON.stringify(selector)}) !== null;
  const observer = new MutationObserver(() => {
    if (window.__visibleAt !== undefined || !found()) return;
    window.__visibleAt = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => { window.__paintedAt = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;
}

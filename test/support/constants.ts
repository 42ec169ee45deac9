/** The instant every HTTP test's clock reads, and the demo is seeded at (a Wednesday). */
export const TEST_NOW = new Date("2026-11-18T14:00:00.000Z");
export const TEMPLATE_PATH = "node_modules/.cache/callbook-test/pglite-template.tar";

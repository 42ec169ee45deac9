/**
 * The layer order of ARCHITECTURE.md, checked by `npm run depcheck` (part of `npm test`):
 * routes → services → presenters / domain → db; contracts/ is imported by every side and
 * imports neither; src/ (the browser) never imports server/; no import cycles anywhere.
 * dependency-cruiser 16 is the last line that runs on Node 20.
 */
module.exports = {
  forbidden: [
    { name: "no-cycles", severity: "error", comment: "An import cycle makes load order and layering unclear.", from: {}, to: { circular: true } },
    { name: "client-not-server", severity: "error", comment: "The browser reads the contract, never server internals.", from: { path: "^src/" }, to: { path: "^server/" } },
    { name: "contracts-import-nothing", severity: "error", comment: "contracts/ is shared by both sides and imports neither.", from: { path: "^contracts/" }, to: { path: "^(server|src)/" } },
    { name: "server-not-client", severity: "error", from: { path: "^server/" }, to: { path: "^src/" } },
    { name: "only-app-imports-routes", severity: "error", comment: "Nothing below the HTTP layer reaches back up into routes/.", from: { path: "^server/", pathNot: "^server/(app|routes/)" }, to: { path: "^server/routes/" } },
    {
      name: "routes-build-no-queries",
      severity: "error",
      comment: "Routes stay thin (CONVENTIONS): no query in a router, in every feature. Queries live in services/<feature>/ commands.",
      from: { path: "^server/routes/" },
      to: { path: "(^|/)node_modules/drizzle-orm/|^server/db/(tables|schema[^/]*)\\.ts$" },
    },
    { name: "services-below-routes", severity: "error", comment: "Services are called by routes, never the other way round.", from: { path: "^server/(services|presenters|domain|db|graph|live|importExport|auth|http)/" }, to: { path: "^server/(app|index)\\.ts$" } },
    { name: "presenters-below-services", severity: "error", comment: "Presenters turn rows into wire shapes; they do not call services.", from: { path: "^server/presenters/" }, to: { path: "^server/(services|routes)/" } },
    { name: "domain-is-pure", severity: "error", comment: "The runbook rules are pure: no database, HTTP, services or presenters.", from: { path: "^server/domain/" }, to: { path: "^server/(db|routes|services|presenters|graph|live|http|auth|importExport)/" } },
    { name: "db-at-the-bottom", severity: "error", comment: "The database layer knows no feature code.", from: { path: "^server/db/" }, to: { path: "^server/(routes|services|presenters|graph|live|importExport)/" } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // drizzle-orm stays in the graph (not followed) so routes-build-no-queries can see it.
    exclude: { path: "^(node_modules/(?!drizzle-orm/)|dist|appPackage/build|public)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
  },
};

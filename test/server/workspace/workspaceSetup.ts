import request from "supertest";
import type { Express } from "express";
import { openTestDatabase, type DatabaseKind, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoProjectId, devAuth } from "../../support/testApp";
import { seedDemo } from "../../../server/db/demo/seedDemo";
import { TEST_NOW } from "../../support/constants";

export const OTHER_TENANT = "0b7e1c2a-3d4e-4f50-8a61-7c8d9e0f1a2b";
export const project = demoProjectId();
export const otherProject = demoProjectId(OTHER_TENANT);
export const dana = devAuth("dana");
/** In the directory, a backup, but not a member of the project. */
export const kevin = devAuth("kevin");
export const otherDana = devAuth("dana", OTHER_TENANT);

export interface WorkspaceWorld {
  tdb: TestDatabase;
  app: Express;
  get(path: string, auth?: string): request.Test;
  post(path: string, body?: object, auth?: string): request.Test;
  patch(path: string, body: object, auth?: string): request.Test;
  put(path: string, body: object, auth?: string): request.Test;
  del(path: string, auth?: string): request.Test;
}

/** A demo database with a second tenant, the app, and request helpers signed in as Dana (the PM). */
export async function openWorld(kind: DatabaseKind): Promise<WorkspaceWorld> {
  const tdb = await openTestDatabase(kind);
  await seedDemo(tdb.database, { now: TEST_NOW, tenantId: OTHER_TENANT, label: "Other: " });
  const app = buildTestApp(tdb.database);
  const url = (path: string) => `/api/projects/${project}${path}`;
  return {
    tdb,
    app,
    get: (path, auth = dana) => request(app).get(url(path)).set("Authorization", auth),
    post: (path, body = {}, auth = dana) => request(app).post(url(path)).set("Authorization", auth).send(body),
    patch: (path, body, auth = dana) => request(app).patch(url(path)).set("Authorization", auth).send(body),
    put: (path, body, auth = dana) => request(app).put(url(path)).set("Authorization", auth).send(body),
    del: (path, auth = dana) => request(app).delete(url(path)).set("Authorization", auth),
  };
}

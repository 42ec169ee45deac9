import { Router } from "express";
import type { AppDeps } from "../../appDeps";

export function workspaceRouter(deps: AppDeps): Router {
  void deps;
  return Router();
}

/**
 * The requester's path for a Graph `@odata.nextLink`: nextLinks are absolute
 * ("https://graph.microsoft.com/v1.0/users/{id}/…?$skiptoken=…"), the requester takes paths below
 * the version ("/users/{id}/…?$skiptoken=…"), on any host (national clouds, a local fake). The
 * query is kept as Graph wrote it (the skip token is opaque). Source: Microsoft Graph docs,
 * "Paging Microsoft Graph data in your app".
 */
export function nextLinkPath(link: string): string {
  const url = new URL(link);
  return url.pathname.replace(/^.*?\/(v1\.0|beta)(?=\/)/, "") + url.search;
}

/** Most pages followed for one list: a guard against a nextLink that never ends, far above a real meeting's size. */
export const MAX_PAGES = 100;

/**
 * Connections each app server keeps to a PostgreSQL server (`DATABASE_POOL_SIZE`): about twice
 * the database server's cores, summed over the app servers, is PostgreSQL's own guidance, and more
 * mostly wait for each other's CPU (docs/operations.md, ADR 0062).
 */
export const DEFAULT_POOL_SIZE = 5;

/**
 * libpq's multi-host connection string (`postgres://user@a:5432,b:5432/db`), which node-postgres
 * does not read (ADR 0040): the host list is split here into one single-host URL per server, in
 * the order given. `target_session_attrs` may be given as `read-write` (what the app's primary
 * handle always asks for) or `any`, and is taken off the URLs: node-postgres would send it to the
 * server as a setting, which the server refuses.
 */
export function serverUrls(url: string): string[] {
  const m = /^(postgres(?:ql)?:\/\/)([^@/?#]*@)?([^/?#]*)(.*)$/.exec(url);
  if (!m) {
    return [url];
  }
  const [, scheme, userinfo = '', hostList = '', rest = ''] = m;
  const [path = '', query] = rest.split('?', 2) as [string, string | undefined];
  const params = new URLSearchParams(query ?? '');
  params.delete('target_session_attrs');
  const tail = params.size > 0 ? `${path}?${params.toString()}` : path;
  return hostList.split(',').map((host) => `${scheme}${userinfo}${host}${tail}`);
}

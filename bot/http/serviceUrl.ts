// Where replies may go. Without MicrosoftAppId nobody proves who sent an activity, so its serviceUrl
// (where CloudAdapter posts the replies) is whatever a caller wrote: with /api/ forwarded by a proxy
// the bot would call any address it can reach. In that mode only the listed hosts are allowed
// (default: this machine, for the Bot Framework Emulator). With MicrosoftAppId the SDK checks the
// caller's token and the serviceUrl claim in it, and this list is not used.

/** undefined when `url` may receive replies; otherwise why not. `hosts` undefined = any http(s) URL. */
export function serviceUrlProblem(url: unknown, hosts: readonly string[] | undefined): string | undefined {
  if (typeof url !== 'string' || !url || url.length > 2048) return 'serviceUrl must be an http(s) URL';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'serviceUrl must be an http(s) URL';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'serviceUrl must be an http(s) URL';
  if (!hosts) return undefined;
  const host = u.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return hosts.includes(host) ? undefined : `replies to ${host} are not allowed (SERVICE_URL_HOSTS)`;
}

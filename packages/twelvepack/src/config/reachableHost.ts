/** The addresses that mean "every interface": a server listening there is reached on localhost. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

/** The host a person (and the dev server) uses for HOST: localhost for a wildcard address, else HOST itself. */
export function reachableHost(host: string): string {
  return WILDCARD_HOSTS.has(host) ? 'localhost' : host;
}

/** The address to print for a server on HOST and port: an IPv6 literal in brackets, as a URL writes it. */
export function localUrl(host: string, port: number): string {
  const reachable = reachableHost(host);
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

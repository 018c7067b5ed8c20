import { isIPv4, isIPv6 } from 'node:net';

/**
 * The network sign-in limits count a client address under: an IPv4 address itself; for IPv6, its /64,
 * since one household, phone or server is given a whole /64 and can change the rest at will (privacy
 * addresses change it daily, so the known-address rule matches on the /64 too). An IPv4 address
 * written as IPv6 (`::ffff:192.0.2.1`) is the IPv4 address. Anything else is kept as it is.
 */
export function networkOf(ip: string | null): string | null {
  if (ip === null) return null;
  // Drop an IPv6 zone index (`fe80::1%eth0`); split always gives at least one part.
  const [beforeZone = ip] = ip.split('%');
  const address = beforeZone.toLowerCase();
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return ip;
  const groups = hextets(address);
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups;
  if ([g0, g1, g2, g3, g4].every((g) => g === 0) && g5 === 0xffff) {
    if (g6 === undefined || g7 === undefined) throw new Error(`hextets(${address}) did not give eight groups`);
    return [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, `::` and a trailing dotted IPv4 part expanded. */
function hextets(address: string): number[] {
  const toGroups = (part: string) =>
    part
      ? part.split(':').flatMap((g) => {
          if (!g.includes('.')) return [parseInt(g, 16)];
          const [a, b, c, d] = g.split('.').map(Number) as [number, number, number, number];
          return [(a << 8) | b, (c << 8) | d];
        })
      : [];
  const [head = '', tail] = address.split('::');
  const front = toGroups(head);
  const back = tail === undefined ? [] : toGroups(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

import { describe, expect, it } from 'vitest';
import { networkOf } from './client-network.ts';

describe('the network sign-in limits count an address under', () => {
  it.each([
    ['no address', null, null],
    ['an IPv4 address', '203.0.113.9', '203.0.113.9'],
    ['an IPv4 address written as IPv6', '::ffff:203.0.113.9', '203.0.113.9'],
    ['the same, in hex', '::ffff:cb00:7109', '203.0.113.9'],
    ['an IPv6 address', '2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3:8d3::/64'],
    ['another address in the same /64', '2001:0DB8:85A3:08D3::1', '2001:db8:85a3:8d3::/64'],
    ['a short IPv6 address', '2001:db8::1', '2001:db8:0:0::/64'],
    ['an address with a zone', 'fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['IPv6 loopback', '::1', '0:0:0:0::/64'],
    ['an IPv6 address ending in dotted IPv4', '64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
    ['something that is not an address', 'unix-socket', 'unix-socket'],
  ])('%s', (_, ip, network) => {
    expect(networkOf(ip)).toBe(network);
  });
});

// A private network of Linux network namespaces for multi-host tests: one namespace per host,
// all joined to a bridge in a hub namespace, plus one veth from the test's own namespace to
// the hub so that the test reaches every host's RPC. Addresses are in 10.213.0.0/24, made and
// removed by the test; nothing leaves the machine. Needs root and iproute2 (`ip`).
import { execFileSync } from 'node:child_process';

const PREFIX = 'mylp';
const SUBNET = '10.213.0';

const ip = (...args) => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();

/** Why network namespaces can't be made here, or null when they can (tries one and removes it). */
export function netnsUnavailable() {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return 'network namespaces need root (ip netns add); this test runs as uid ' + process.getuid();
  }
  const probe = `${PREFIX}-probe`;
  try {
    try {
      ip('netns', 'del', probe);
    } catch {
      // not there: fine
    }
    ip('netns', 'add', probe);
    ip('-n', probe, 'link', 'add', 'p0', 'type', 'veth', 'peer', 'name', 'p1');
    ip('netns', 'del', probe);
    return null;
  } catch (e) {
    return `cannot make network namespaces and veth pairs here: ${(e.stderr || e.message).toString().trim()}`;
  }
}

/** Removes every namespace and link this module may have left behind. */
export function teardown() {
  for (const ns of ip('netns', 'list').split('\n').map((l) => l.split(' ')[0])) {
    if (ns.startsWith(`${PREFIX}-`)) ip('netns', 'del', ns);
  }
  try {
    ip('link', 'del', `${PREFIX}-ctl`);
  } catch {
    // gone with the hub namespace
  }
}

/**
 * Makes `count` hosts. Returns `{ hosts: [{ ns, addr }], control, cut(i), rejoin(i), teardown }`:
 * host i is namespace `mylp-h<i>` with address 10.213.0.<11+i> on its `eth0`; `control` is the
 * test's own address (10.213.0.1). `cut(i)` takes host i's link off the bridge (no packet in or
 * out, the test's RPC to it included), `rejoin(i)` puts it back.
 */
export function makeHosts(count) {
  teardown();
  const hub = `${PREFIX}-hub`;
  ip('netns', 'add', hub);
  ip('-n', hub, 'link', 'add', 'br0', 'type', 'bridge');
  ip('-n', hub, 'link', 'set', 'br0', 'up');
  ip('-n', hub, 'link', 'set', 'lo', 'up');
  // The test's own leg: mylp-ctl here, ctl on the bridge.
  ip('link', 'add', `${PREFIX}-ctl`, 'type', 'veth', 'peer', 'name', 'ctl', 'netns', hub);
  ip('addr', 'add', `${SUBNET}.1/24`, 'dev', `${PREFIX}-ctl`);
  ip('link', 'set', `${PREFIX}-ctl`, 'up');
  ip('-n', hub, 'link', 'set', 'ctl', 'master', 'br0', 'up');
  const hosts = [];
  for (let i = 0; i < count; i += 1) {
    const ns = `${PREFIX}-h${i}`;
    const addr = `${SUBNET}.${11 + i}`;
    ip('netns', 'add', ns);
    ip('-n', ns, 'link', 'set', 'lo', 'up');
    // A link that dies silently leaves TCP connections that look alive: Linux retransmits for
    // ~15 min (tcp_retries2 = 15) with backoff, and libp2p's ping does not close them, so after
    // a rejoin the node would wait for the next retransmission, up to a minute or more. Test
    // hosts give up on a connection after 3 retransmissions (a few seconds), so the nodes
    // notice the cut and dial again after it, as they would behind a NAT or firewall that
    // resets idle flows.
    execFileSync('ip', ['netns', 'exec', ns, 'sysctl', '-q', '-w', 'net.ipv4.tcp_retries2=3']);
    ip('-n', hub, 'link', 'add', `h${i}`, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns);
    ip('-n', ns, 'addr', 'add', `${addr}/24`, 'dev', 'eth0');
    ip('-n', ns, 'link', 'set', 'eth0', 'up');
    ip('-n', hub, 'link', 'set', `h${i}`, 'master', 'br0', 'up');
    hosts.push({ ns, addr });
  }
  return {
    hosts,
    control: `${SUBNET}.1`,
    cut: (i) => ip('-n', hub, 'link', 'set', `h${i}`, 'down'),
    rejoin: (i) => ip('-n', hub, 'link', 'set', `h${i}`, 'up'),
    teardown,
  };
}

/** `curl` inside namespace `ns`: one JSON-RPC call to the host's own RPC on its loopback. */
export function rpcInside(ns, port, method, params = []) {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method, params });
  const out = execFileSync(
    'ip',
    ['netns', 'exec', ns, 'curl', '-s', '--max-time', '5', '-H', 'content-type: application/json', '-d', body,
      `http://127.0.0.1:${port}`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  ).toString();
  const reply = JSON.parse(out);
  if (reply.error) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
  return reply.result;
}

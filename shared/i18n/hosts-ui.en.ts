/**
 * A lab across several hosts on the board and in the banner (English): the host filter, a header per
 * host, a dead host's banner and its recovery. Host names and addresses are interpolated as text.
 * Merged into en.ts; zh-CN twin in hosts-ui.zh-CN.ts.
 */
export const hostsUiEn = {
  'hosts.filter.label': 'Host',
  'hosts.filter.all': 'All hosts ({count})',
  'hosts.filter.option': '{name} ({count})',
  'hosts.summary': '{up} of {total} hosts reachable',
  'hosts.group.label': 'Phones on host {name}',
  'hosts.group.primary': 'first host',
  'hosts.group.unlisted': 'not in the hosts list',
  'hosts.group.empty': 'No phone on this host.',
  'hosts.group.emptyDown': 'This host is unreachable: its phones are not shown.',
  'hosts.state.connecting': 'connecting',
  'hosts.state.connected': 'connected',
  'hosts.state.reconnecting': 'reconnecting',
  'hosts.state.unreachable': 'unreachable',
  'hosts.down': 'Host {name} ({address}) is unreachable: its phones are not shown; the other hosts work.',
  'hosts.connecting': 'Connecting to host {name} ({address})…',
  'hosts.reconnecting': 'Lost host {name} ({address}). Reconnecting…; the other hosts work.',
  'hosts.recovered': 'Host {name} ({address}) answered again at {time}; its phones were re-read.',
  'device.host': 'Host',
  'doctor.phoneHost': 'on {host}',
} as const;

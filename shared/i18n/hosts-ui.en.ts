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
  // The Lab hosts panel (renderer/src/devices/hosts-panel.tsx): the list as an app setting, applied live.
  'hosts.panel.open': 'Lab hosts',
  'hosts.panel.heading': 'Lab hosts',
  'hosts.panel.intro':
    'Each lab host is a computer whose adb server serves the phones plugged into it. ' +
    'Saved changes apply at once: a new host’s phones join the board, a removed host’s phones leave it.',
  'hosts.panel.loading': 'Loading the hosts list…',
  'hosts.panel.col.name': 'Name',
  'hosts.panel.col.address': 'Address',
  'hosts.panel.col.port': 'Port',
  'hosts.panel.col.state': 'State',
  'hosts.panel.col.phones': 'Phones',
  'hosts.panel.col.actions': 'Actions',
  'hosts.panel.field.name': 'Name of host {n}',
  'hosts.panel.field.address': 'Address of host {n}',
  'hosts.panel.field.port': 'Port of host {n}',
  'hosts.panel.primary':
    'The first host is the adb server PushLab started with; it cannot be changed here. ' +
    'To use another first host, edit hosts.json in the data folder and restart PushLab.',
  'hosts.panel.readOnly':
    'This session keeps its hosts (the demo uses its own adb server): start PushLab without --demo to edit the list.',
  'hosts.panel.unsaved': 'not saved yet',
  'hosts.panel.add': 'Add host',
  'hosts.panel.remove': 'Remove',
  'hosts.panel.removeLabel': 'Remove host {name}',
  'hosts.panel.check': 'Check',
  'hosts.panel.checkLabel': 'Check host {name}',
  'hosts.panel.checking': 'Checking…',
  'hosts.panel.checkOk': 'adb answers (protocol {version}); phones listed: {count}.',
  'hosts.panel.save': 'Save',
  'hosts.panel.saving': 'Saving…',
  'hosts.panel.discard': 'Discard changes',
  'hosts.panel.saved': 'Saved to {file}; the board follows the new list.',
  'hosts.panel.fixFirst': 'Fix the fields marked above, then save again.',
  'hosts.problem.nameRequired': 'Give the host a name.',
  'hosts.problem.nameFormat': 'Use lower-case letters, digits and -, starting with a letter (at most 32).',
  'hosts.problem.nameTaken': 'Another host already has this name.',
  'hosts.problem.addressRequired': 'Give an IP address or a host name.',
  'hosts.problem.addressFormat': 'This is not an IP address or a host name.',
  'hosts.problem.portRange': 'Give a port from 1 to 65535.',
  'hosts.problem.serverTaken': 'Another host already lists this address and port.',
  'hosts.problem.tooMany': 'A lab has at most {max} hosts.',
} as const;

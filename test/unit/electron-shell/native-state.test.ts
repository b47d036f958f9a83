import { describe, expect, it } from 'vitest';
import {
  decideNativeAction,
  parseMarker,
  rebuildCommand,
  targetAbi,
} from '../../../electron/scripts/native-state.mjs';

const binary = { size: 2_158_144, mtimeMs: 1_700_000_000_000 };

describe('native build decisions', () => {
  it('does nothing when the marker describes this very binary for this runtime and ABI', () => {
    const marker = { runtime: 'node' as const, abi: '115', binary };
    expect(decideNativeAction({ runtime: 'node', abi: '115', marker, binary })).toBe('up-to-date');
    expect(
      decideNativeAction({
        runtime: 'electron',
        abi: '150',
        marker: { ...marker, runtime: 'electron', abi: '150' },
        binary,
      }),
    ).toBe('up-to-date');
  });

  it('probes Node builds it knows nothing about, and after the binary changed', () => {
    expect(decideNativeAction({ runtime: 'node', abi: '115', marker: null, binary })).toBe('probe');
    const stale = { runtime: 'node' as const, abi: '115', binary: { ...binary, mtimeMs: 1 } };
    expect(decideNativeAction({ runtime: 'node', abi: '115', marker: stale, binary })).toBe('probe');
    const electron = { runtime: 'electron' as const, abi: '150', binary };
    expect(decideNativeAction({ runtime: 'node', abi: '115', marker: electron, binary })).toBe('probe');
  });

  it('rebuilds for Electron unless known-good, and whenever the binary is missing', () => {
    expect(
      decideNativeAction({
        runtime: 'electron',
        abi: '150',
        marker: { runtime: 'node', abi: '115', binary },
        binary,
      }),
    ).toBe('rebuild');
    expect(
      decideNativeAction({
        runtime: 'electron',
        abi: '150',
        marker: { runtime: 'electron', abi: '140', binary },
        binary,
      }),
    ).toBe('rebuild');
    expect(decideNativeAction({ runtime: 'node', abi: '115', marker: null, binary: null })).toBe('rebuild');
  });

  it('parses only well-formed markers', () => {
    expect(parseMarker(JSON.stringify({ runtime: 'node', abi: '115', binary }))).toEqual({
      runtime: 'node',
      abi: '115',
      binary,
    });
    for (const text of [
      null,
      '',
      '{',
      '{}',
      JSON.stringify({ runtime: 'bun', abi: '1', binary }),
      JSON.stringify({ runtime: 'node', abi: 115, binary }),
    ]) {
      expect(parseMarker(text), String(text)).toBeNull();
    }
  });

  it("targets the Node ABI or Electron's abi_version (else its version)", () => {
    expect(targetAbi('node', { nodeAbi: '115', electronAbiFile: '150', electronVersion: '45.4.1' })).toBe(
      '115',
    );
    expect(
      targetAbi('electron', { nodeAbi: '115', electronAbiFile: '150\n', electronVersion: '45.4.1' }),
    ).toBe('150');
    expect(targetAbi('electron', { nodeAbi: '115', electronAbiFile: null, electronVersion: '45.4.1' })).toBe(
      'electron-45.4.1',
    );
  });

  it('rebuilds with npm for Node and electron-builder for Electron', () => {
    expect(rebuildCommand('node')).toEqual({ tool: 'npm', args: ['rebuild', 'better-sqlite3'] });
    expect(rebuildCommand('electron')).toEqual({ tool: 'electron-builder', args: ['install-app-deps'] });
  });
});

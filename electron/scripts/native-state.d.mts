/** Types for native-state.mjs. */
export interface NativeMarker {
  runtime: 'node' | 'electron';
  abi: string;
  binary: { size: number; mtimeMs: number };
}

export type NativeAction = 'up-to-date' | 'probe' | 'rebuild';

export function parseMarker(text: string | null): NativeMarker | null;

export function decideNativeAction(input: {
  runtime: 'node' | 'electron';
  abi: string;
  marker: NativeMarker | null;
  binary: { size: number; mtimeMs: number } | null;
}): NativeAction;

export function targetAbi(
  runtime: 'node' | 'electron',
  facts: { nodeAbi: string; electronAbiFile: string | null; electronVersion: string | null },
): string;

export function rebuildCommand(runtime: 'node' | 'electron'): {
  tool: 'npm' | 'electron-builder';
  args: string[];
};

/**
 * Verdict and run-status icons as inline SVG: emoji and dingbat glyphs (⛔, ⚡, ⏸) render as empty
 * boxes where the platform font lacks them, so every icon is drawn here, in the text colour, sized
 * to the text. Always decorative: the word next to it carries the meaning.
 */
import type { ReactElement } from 'react';

export type IconName =
  | 'pass' | 'fail' | 'blocked' | 'device-lost' | 'inconclusive' | 'not-run' | 'pending' | 'running'
  | 'interrupted' | 'cancelled' | 'warning';

const STROKE = { fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

const SHAPES: Readonly<Record<IconName, ReactElement>> = {
  pass: <path d="M3 8.5l3.2 3.2L13 4.8" {...STROKE} />,
  fail: <path d="M4 4l8 8M12 4l-8 8" {...STROKE} />,
  blocked: (
    <g {...STROKE}>
      <circle cx="8" cy="8" r="6" />
      <path d="M3.8 12.2l8.4-8.4" />
    </g>
  ),
  'device-lost': <path d="M9.5 1.5L4 9h4l-1.5 5.5L12 7H8z" fill="currentColor" />,
  inconclusive: (
    <g {...STROKE}>
      <path d="M5.5 6a2.5 2.5 0 1 1 3.6 2.2c-.7.4-1.1.9-1.1 1.8" />
      <circle cx="8" cy="13" r="0.4" fill="currentColor" />
    </g>
  ),
  'not-run': <path d="M4 8h8" {...STROKE} />,
  pending: <circle cx="8" cy="8" r="5" {...STROKE} strokeWidth={1.6} />,
  running: <circle cx="8" cy="8" r="5" fill="currentColor" />,
  interrupted: <path d="M5.5 3.5v9M10.5 3.5v9" {...STROKE} strokeWidth={2.4} />,
  cancelled: <rect x="3.5" y="3.5" width="9" height="9" rx="1" fill="currentColor" />,
  warning: (
    <g {...STROKE}>
      <path d="M8 2L1.8 13.5h12.4z" />
      <path d="M8 6.5v3.2" />
      <circle cx="8" cy="11.8" r="0.3" fill="currentColor" />
    </g>
  ),
};

export function StatusIcon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg className={`status-icon ${className ?? ''}`} data-icon={name} viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      {SHAPES[name]}
    </svg>
  );
}

/**
 * Verdict and run-status icons drawn without fonts: emoji and dingbat glyphs (⛔, ⚡, ⏸) render
 * as empty boxes where the platform font lacks them. Each icon is an SVG mask over the text colour
 * (status-icon.css), sized to the text; one element per icon keeps large grids cheap. Always
 * decorative: the word next to it carries the meaning.
 */
import './status-icon.css';

export type IconName =
  | 'pass'
  | 'fail'
  | 'blocked'
  | 'device-lost'
  | 'inconclusive'
  | 'not-run'
  | 'pending'
  | 'running'
  | 'interrupted'
  | 'cancelled'
  | 'warning';

export function StatusIcon({ name, className }: { name: IconName; className?: string }) {
  return <span className={`status-icon ${className ?? ''}`} data-icon={name} aria-hidden="true" />;
}

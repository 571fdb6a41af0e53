import type { ReactNode } from 'react';
import '../views/workspaceTools.css';
import type { TagView } from '../../../server/http/ticketViewApiTypes';

/** A tag's name on its colour (a border in the console's default when it has none). */
export function TagChip({ tag, children }: { tag: TagView; children?: ReactNode }) {
  return (
    <span
      className="tag-chip"
      data-testid="tag-chip"
      data-tag-name={tag.name}
      style={tag.color ? { borderColor: tag.color, background: `${tag.color}22` } : undefined}
    >
      {tag.name}
      {children}
    </span>
  );
}

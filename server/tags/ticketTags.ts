import type { SessionUser } from '../auth/sessions';
import { requireVisibleTicket } from '../auth/ticketAccess';
import { writeAudit } from '../commands/writeAudit';
import type { AppContext } from '../context';
import { notFound } from '../http/httpError';
import type { TagView } from '../http/ticketViewApiTypes';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { listTicketTags } from './tagQueries';

type Viewer = Pick<SessionUser, 'userId' | 'role'>;

/**
 * Puts a tag on a ticket the viewer may open (or takes it off): audited on the ticket, and the ticket's watchers
 * are told, so views filtered by the tag follow. Doing what is already done changes nothing. Returns the ticket's tags.
 */
export async function setTicketTag(
  ctx: Pick<AppContext, 'sql' | 'publisher'>,
  viewer: Viewer,
  ticketId: string,
  tagId: string,
  on: boolean,
): Promise<TagView[]> {
  await requireVisibleTicket(ctx.sql, viewer, ticketId);
  const { tags, changed } = await ctx.sql.begin(async (tx) => {
    const [tag] = await tx<TagView[]>`select id, name, color from tags where id = ${tagId} for share`;
    if (!tag) throw notFound('Tag');
    const rows = on
      ? await tx`insert into ticket_tags (ticket_id, tag_id, added_by_user_id) values (${ticketId}, ${tagId}, ${viewer.userId})
                 on conflict do nothing returning tag_id`
      : await tx`delete from ticket_tags where ticket_id = ${ticketId} and tag_id = ${tagId} returning tag_id`;
    if (rows.length) {
      await tx`update tickets set updated_at = now() where id = ${ticketId}`;
      await writeAudit(tx, {
        actorUserId: viewer.userId,
        action: on ? 'ticket.tag_added' : 'ticket.tag_removed',
        entityType: 'ticket',
        entityId: ticketId,
        data: { tagId, name: tag.name },
      });
    }
    return { tags: await listTicketTags(tx, ticketId), changed: rows.length > 0 };
  });
  if (changed) await publishTicketChanged(ctx, ticketId);
  return tags;
}

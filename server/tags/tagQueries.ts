import type { Sql, TransactionSql } from '../db/client';
import type { TagListItem, TagView } from '../http/ticketViewApiTypes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A tag named by its id or (whatever the case) its name, as the views' `tag` filter takes it. */
export async function findTagByIdOrName(sql: Sql | TransactionSql, idOrName: string): Promise<TagView | null> {
  const [tag] = UUID.test(idOrName)
    ? await sql<TagView[]>`select id, name, color from tags where id = ${idOrName}`
    : await sql<TagView[]>`select id, name, color from tags where lower(name) = lower(${idOrName})`;
  return tag ?? null;
}

/** Every tag, by name, with how many tickets carry it. */
export function listTags(sql: Sql): Promise<TagListItem[]> {
  return sql<TagListItem[]>`
    select g.id, g.name, g.color, (select count(*)::int from ticket_tags tt where tt.tag_id = g.id) as ticket_count
    from tags g order by lower(g.name)`;
}

/** The tags on a ticket, by name. */
export function listTicketTags(sql: Sql | TransactionSql, ticketId: string): Promise<TagView[]> {
  return sql<TagView[]>`
    select g.id, g.name, g.color from ticket_tags tt join tags g on g.id = tt.tag_id
    where tt.ticket_id = ${ticketId} order by lower(g.name)`;
}

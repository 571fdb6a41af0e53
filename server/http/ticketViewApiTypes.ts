// Ticket views, search and tags on the wire, shared with the console (import type only: no runtime code here).
import type { TicketSummary } from './apiTypes';

export const TICKET_VIEWS = ['mine', 'unassigned', 'team', 'all', 'resolved'] as const;
/**
 * mine: assigned to you; unassigned: held by nobody (per queue with `queueId`); team: your teams' (supervisors and
 * admins); all: every ticket you may open; resolved: resolved and closed ones. Every view holds only tickets you may
 * open.
 */
export type TicketViewName = (typeof TICKET_VIEWS)[number];

export interface TagView {
  id: string;
  name: string;
  /** `#rrggbb`, or null for the console's default. */
  color: string | null;
}

/** A tag in the tag list: with how many tickets carry it. */
export interface TagListItem extends TagView {
  ticketCount: number;
}

/** One row of a ticket view. */
export interface TicketListItem extends TicketSummary {
  tags: TagView[];
  assignee: { id: string; name: string } | null;
  queue: { id: string; name: string } | null;
}

export interface TicketListResponse {
  /** Newest activity first. */
  tickets: TicketListItem[];
  /** How many tickets the view holds with these filters, over all pages. */
  total: number;
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** Tickets created in the period, per tag (a ticket with two tags counts for each). */
export interface TagReportResponse {
  /** The first and the last day counted (UTC), as asked. */
  from: string;
  to: string;
  /** Tickets created in the period that you may open, tagged or not. */
  tickets: number;
  /** Every tag, most used first; tags on no ticket of the period count 0. */
  tags: (TagView & { tickets: number })[];
}

import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { SessionUser } from '../auth/sessions';
import type { AppContext } from '../context';
import type { Role } from './apiTypes';

/** Who may call a route: anyone, or signed-in users with one of these roles. */
export type Access = 'public' | readonly Role[];

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteCall<Session = SessionUser> {
  ctx: AppContext;
  req: Request;
  res: Response;
  session: Session;
}

/**
 * One HTTP route: who may call it, what input it takes (zod schemas, validated before the handler runs
 * and published in the OpenAPI document), and what it does.
 */
export interface RouteDef<B extends Schema = any, P extends Schema = any, Q extends Schema = any> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  access: Access;
  summary: string;
  body?: B;
  /**
   * The handler reads the request body itself, as a stream (an upload): nothing is parsed for it. Other routes get
   * their JSON parsed only after the caller has been let in (see jsonBody.ts).
   */
  rawBody?: true;
  params?: P;
  query?: Q;
  /** Returns the JSON body (200), or nothing for 204 — unless it answered itself (a file download). */
  handler: (call: RouteCall<any> & { body: Parsed<B>; params: Parsed<P>; query: Parsed<Q> }) => Promise<unknown>;
}

export const ANY_ROLE = ['agent', 'supervisor', 'admin'] as const satisfies readonly Role[];
export const SUPERVISORS = ['supervisor', 'admin'] as const satisfies readonly Role[];
export const ADMINS = ['admin'] as const satisfies readonly Role[];

export const route = <B extends Schema = undefined, P extends Schema = undefined, Q extends Schema = undefined>(
  def: RouteDef<B, P, Q>,
) => def;

import type { Request, Response } from 'express';
import type { SessionUser } from '../auth/sessions';
import type { AppContext } from '../context';
import type { Role } from './apiTypes';

/** Who may call a route: anyone, or signed-in users with one of these roles. */
export type Access = 'public' | readonly Role[];

export interface RouteCall<Session = SessionUser> {
  ctx: AppContext;
  req: Request;
  res: Response;
  session: Session;
}

export interface RouteDef {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  access: Access;
  summary: string;
  /** Returns the JSON body (200), or nothing for 204. */
  handler: (call: RouteCall<any>) => Promise<unknown>;
}

export const ANY_ROLE = ['agent', 'supervisor', 'admin'] as const satisfies readonly Role[];
export const SUPERVISORS = ['supervisor', 'admin'] as const satisfies readonly Role[];
export const ADMINS = ['admin'] as const satisfies readonly Role[];

export const route = (def: RouteDef) => def;

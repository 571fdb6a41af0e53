import { z } from 'zod';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../auth/passwords';
import { createSession, deleteOtherSessions, deleteSession, SESSION_COOKIE } from '../../auth/sessions';
import { writeAudit } from '../../commands/writeAudit';
import { rooms } from '../../realtime/rooms';
import { findUserView } from '../../users/userQueries';
import { HttpError } from '../httpError';
import { ANY_ROLE, route, type RouteCall } from '../route';

const signInBody = z.object({
  email: z.string().trim().toLowerCase().email('must be an email address'),
  password: z.string().min(1, 'is required').max(1024),
});

const changePasswordBody = z.object({
  currentPassword: z.string().min(1, 'is required').max(1024),
  newPassword: z.string().min(10, 'must be at least 10 characters').max(1024),
});

const WRONG_CREDENTIALS = 'Wrong email or password.';

function setSessionCookie({ ctx, res }: RouteCall<unknown>, token: string) {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.PUBLIC_URL.startsWith('https://'),
    path: '/',
    maxAge: ctx.config.SESSION_TTL_HOURS * 3600 * 1000,
  });
}

export const authRoutes = [
  route({
    method: 'post',
    path: '/api/auth/sign-in',
    access: 'public',
    summary: 'Sign in with email and password; sets the session cookie.',
    body: signInBody,
    async handler(call) {
      const { ctx, req, res, body } = call;
      const { email, password } = body;
      const ip = req.ip ?? 'unknown';
      const retryAfter = await ctx.signInLimiter.consume(ip, email);
      if (retryAfter !== null) {
        res.setHeader('Retry-After', String(retryAfter));
        throw new HttpError(429, 'rate_limited', `Too many sign-in attempts. Try again in ${retryAfter} seconds.`);
      }
      const [user] = await ctx.sql<{ id: string; passwordHash: string }[]>`
        select id, password_hash from users where email = ${email} and active`;
      // The same work and the same answer whether the email or the password was wrong.
      const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
      if (!user || !ok) throw new HttpError(401, 'invalid_credentials', WRONG_CREDENTIALS);
      await ctx.signInLimiter.succeeded(ip, email);
      const { token } = await createSession(ctx.sql, user.id, ctx.config.SESSION_TTL_HOURS, {
        userAgent: req.get('user-agent'),
        ip,
      });
      setSessionCookie(call, token);
      return { user: await findUserView(ctx.sql, user.id) };
    },
  }),
  route({
    method: 'post',
    path: '/api/auth/sign-out',
    access: ANY_ROLE,
    summary: 'End this session and close its realtime connections.',
    async handler({ ctx, res, session }) {
      await deleteSession(ctx.sql, session.sessionId);
      ctx.publisher.disconnectRoom(rooms.session(session.sessionId));
      res.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  }),
  route({
    method: 'post',
    path: '/api/auth/password',
    access: ANY_ROLE,
    summary: 'Change your password; your other sessions are signed out.',
    body: changePasswordBody,
    async handler({ ctx, body, session }) {
      const [user] = await ctx.sql<
        { passwordHash: string }[]
      >`select password_hash from users where id = ${session.userId}`;
      if (!(await verifyPassword(body.currentPassword, user.passwordHash))) {
        throw new HttpError(400, 'wrong_password', 'The current password is wrong.', [
          { path: 'currentPassword', message: 'is wrong' },
        ]);
      }
      const passwordHash = await hashPassword(body.newPassword);
      const ended = await ctx.sql.begin(async (tx) => {
        await tx`update users set password_hash = ${passwordHash}, updated_at = now() where id = ${session.userId}`;
        await writeAudit(tx, {
          actorUserId: session.userId,
          action: 'user.password_changed',
          entityType: 'user',
          entityId: session.userId,
        });
        return deleteOtherSessions(tx as never, session.userId, session.sessionId);
      });
      for (const { id } of ended) ctx.publisher.disconnectRoom(rooms.session(id));
    },
  }),
];

import express, { type Request, type Response } from 'express';
import { HttpError } from './httpError';

// A route's JSON is read only once its caller has been let in, so an anonymous request never makes the server
// hold a body. Files travel as uploads (POST /api/uploads, streamed), so no JSON body needs to be large.
const LIMITS = {
  // Sign-in is the only public route with a body: an email and a password.
  public: 16 * 1024,
  // The longest reply or note is 20,000 characters; campaigns and settings are smaller still.
  signedIn: 1024 * 1024,
};
const parsers = {
  public: express.json({ limit: LIMITS.public }),
  signedIn: express.json({ limit: LIMITS.signedIn }),
};

/** Parses the request's JSON body into `req.body`; body-parser's refusals (413, 400, 415) reject with its error. */
export function readJsonBody(req: Request, res: Response, caller: keyof typeof parsers): Promise<void> {
  // body-parser reads a body it refuses to its end before answering; one announced too large is refused unread.
  if (Number(req.headers['content-length']) > LIMITS[caller]) {
    return Promise.reject(new HttpError(413, 'too_large', 'The request body is too large.'));
  }
  return new Promise((resolve, reject) => {
    parsers[caller](req, res, (error?: unknown) => (error ? reject(error) : resolve()));
  });
}

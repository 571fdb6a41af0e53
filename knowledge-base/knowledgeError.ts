/**
 * A refusal the knowledge base answers with: the server turns it into its HTTP error of the same status and code
 * (the knowledge base never imports server/).
 */
export class KnowledgeError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly code: string,
    message: string,
    readonly fields?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export const articleNotFound = () => new KnowledgeError(404, 'not_found', 'Article not found.');
export const invalidField = (path: string, message: string) =>
  new KnowledgeError(400, 'invalid_input', `Invalid ${path}: ${message}`, [{ path, message }]);

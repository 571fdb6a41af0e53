/** What makes Twilio give up on a call: "An application error has occurred". `code` is Twilio's error code. */
export class ApplicationError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly url: string | null = null,
  ) {
    super(message);
    this.name = 'ApplicationError';
  }
}

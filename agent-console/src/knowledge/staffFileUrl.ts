// An article's Markdown names its files by their help center address (/help/files/<id>/<name>), which serves only
// live articles' files, to anyone. Staff reading a draft or an internal article in the console get the same file
// through the API, which lets them see what their role may read.
const HELP_CENTER_FILE = /^\/help\/files\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/[^/?#]*$/i;

/** The console's address for a file an article links to; any other address unchanged. */
export function staffFileUrl(url: string): string {
  const id = url.match(HELP_CENTER_FILE)?.[1];
  return id ? `/api/knowledge/attachments/${id.toLowerCase()}` : url;
}

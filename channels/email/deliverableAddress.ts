// Whether an address can be sent to at all, checked before any SMTP server is asked. Customers' addresses come
// from their mail (and people's typing), so some cannot be delivered to: `name@yahoo.com.` (issue 14: the
// server answered 501 and the acknowledgement was never accounted for), spaces, control characters, empty
// labels. A domain without a dot is allowed: `user@localhost` and intranet hosts are real destinations.

const MAX_ADDRESS = 254;
const MAX_LOCAL_PART = 64;
const MAX_LABEL = 63;

// Characters RFC 5322 allows in an unquoted local part (dot-atom), plus any non-ASCII letter (RFC 6531).
const LOCAL_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uffff-]+$/;
// A domain label: letters, digits and inner hyphens; non-ASCII letters for internationalised names.
const LABEL = /^[A-Za-z0-9\u0080-\uffff](?:[A-Za-z0-9\u0080-\uffff-]*[A-Za-z0-9\u0080-\uffff])?$/;
const ADDRESS_LITERAL = /^\[(?:\d{1,3}(?:\.\d{1,3}){3}|IPv6:[0-9A-Fa-f:.]+)\]$/;

/** Why mail to this address cannot be delivered, or null when it can be tried. */
export function undeliverableReason(address: string | null | undefined): string | null {
  if (!address || !address.trim()) return 'there is no address';
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u001f\u007f]/.test(address)) return 'it contains a control character';
  if (/\s/.test(address)) return 'it contains a space';
  if (address.length > MAX_ADDRESS) return `it is longer than ${MAX_ADDRESS} characters`;
  const at = address.lastIndexOf('@');
  if (at < 0) return 'it has no @';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const localProblem = localPartProblem(local);
  if (localProblem) return localProblem;
  return domainProblem(domain);
}

function localPartProblem(local: string): string | null {
  if (!local) return 'nothing comes before the @';
  if (local.length > MAX_LOCAL_PART) return `the part before the @ is longer than ${MAX_LOCAL_PART} characters`;
  // A quoted local part ("john smith"@x) may hold almost anything; the space check above has already run.
  if (/^"(?:[^"\\]|\\.)+"$/.test(local)) return null;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..'))
    return 'the part before the @ has a misplaced dot';
  if (!local.split('.').every((atom) => LOCAL_ATOM.test(atom)))
    return 'the part before the @ has a character mail does not allow';
  return null;
}

function domainProblem(domain: string): string | null {
  if (!domain) return 'nothing comes after the @';
  if (ADDRESS_LITERAL.test(domain)) return null;
  if (domain.endsWith('.')) return 'the domain ends with a dot';
  if (domain.startsWith('.') || domain.includes('..')) return 'the domain has an empty part (a misplaced dot)';
  const labels = domain.split('.');
  if (labels.some((label) => label.length > MAX_LABEL))
    return `a part of the domain is longer than ${MAX_LABEL} characters`;
  if (!labels.every((label) => LABEL.test(label))) return 'the domain has a character domain names do not allow';
  if (/^\d+$/.test(labels[labels.length - 1])) return 'the domain ends in a number (no domain does)';
  return null;
}

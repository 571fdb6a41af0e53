import { textLinks } from './textLinks';

/** Plain text with its web addresses as links that open in a new tab (the simulated customer's mail client). */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {textLinks(text).map((part, index) =>
        part.kind === 'link' ? (
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer" data-testid="sim-email-link">
            {part.href}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

import type { Channel } from '../../../server/http/apiTypes';

// Inline outlines (24×24, stroked), so no icon font or image is fetched.
const PATHS: Record<Channel | 'note', string> = {
  voice: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z',
  sms: 'M4 5h16v11H9l-5 4z',
  email: 'M3 6h18v12H3zM3 6l9 7 9-7',
  note: 'M5 4h10l4 4v12H5zM14 4v5h5M8 13h8M8 17h5',
};

/** Decorative: the channel is always written next to it. */
export function ChannelIcon({ channel }: { channel: Channel | 'note' }) {
  return (
    <svg className="channel-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d={PATHS[channel]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}

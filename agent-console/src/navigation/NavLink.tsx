import type { MouseEvent, ReactNode } from 'react';
import { isPlainClick } from './isPlainClick';
import type { Navigate } from './useLocationPath';

interface Props {
  to: string;
  current: boolean;
  navigate: Navigate;
  children: ReactNode;
}

/** A real link (so middle-click and "open in new tab" work) that navigates in-app on a plain click. */
export function NavLink({ to, current, navigate, children }: Props) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} aria-current={current ? 'page' : undefined} className="nav-link">
      {children}
    </a>
  );
}

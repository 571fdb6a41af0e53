import type { MouseEvent, ReactNode } from 'react';
import { isPlainClick } from './isPlainClick';
import { useNavigate } from './navigationContext';

interface Props {
  to: string;
  className?: string;
  testId?: string;
  /** Marks the link as the page being shown (e.g. the active tab). */
  current?: boolean;
  children: ReactNode;
}

/** A link inside the console: a real <a> for middle-click and "open in new tab", in-app navigation on a plain click. */
export function AppLink({ to, className, testId, current, children }: Props) {
  const navigate = useNavigate();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a
      href={to}
      onClick={onClick}
      className={className}
      data-testid={testId}
      aria-current={current ? 'page' : undefined}
    >
      {children}
    </a>
  );
}

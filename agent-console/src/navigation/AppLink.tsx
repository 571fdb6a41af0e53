import type { MouseEvent, ReactNode } from 'react';
import { isPlainClick } from './isPlainClick';
import { useNavigate } from './navigationContext';

interface Props {
  to: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}

/** A link inside the console: a real <a> for middle-click and "open in new tab", in-app navigation on a plain click. */
export function AppLink({ to, className, testId, children }: Props) {
  const navigate = useNavigate();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className} data-testid={testId}>
      {children}
    </a>
  );
}

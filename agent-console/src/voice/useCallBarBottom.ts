import { useLayoutEffect, type RefObject } from 'react';

/**
 * Publishes where the call bar ends (its bottom edge, in px from the top of the viewport) as `--call-bar-bottom` on the
 * document, for as long as it is on screen. The screen pop is placed below it, so an offer never covers Answer, Hang up
 * or the transfer panel, whatever the bar's height (wrapped controls, wrap-up form) and however far the page scrolled.
 */
export function useCallBarBottom(ref: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const root = document.documentElement;
    let frame = 0;
    const publish = () => {
      frame = 0;
      root.style.setProperty(
        '--call-bar-bottom',
        `${Math.max(0, Math.round(element.getBoundingClientRect().bottom))}px`,
      );
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(publish);
    };
    publish();
    const observer = new ResizeObserver(schedule);
    observer.observe(element);
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      observer.disconnect();
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
      root.style.removeProperty('--call-bar-bottom');
    };
  }, [ref]);
}

/**
 * A button label as wide as the widest of its states ("Mute" / "Unmute"), so toggling it never moves what sits beside
 * it. Every state is laid out in the same grid cell; only the current one is seen and read.
 */
export function StableLabel({ current, states }: { current: string; states: readonly string[] }) {
  return (
    <span className="stable-label">
      {states.map((state) => (
        <span
          key={state}
          className="stable-label__state"
          aria-hidden={state !== current}
          data-current={state === current}
        >
          {state}
        </span>
      ))}
    </span>
  );
}

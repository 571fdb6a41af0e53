import { useTranslation } from 'react-i18next';
import type { TicketSlaBadge } from '../../../server/http/slaApiTypes';
import { slaDurationText } from './slaDurationText';
import { useSlaCountdown } from './useSlaCountdown';
import './sla.css';

interface Props {
  /** The ticket's most urgent open clock; nothing is shown without one. */
  sla: TicketSlaBadge | null | undefined;
  /** Names the target in view (a ticket's header); lists and pops keep it for screen readers and the tooltip. */
  showTarget?: boolean;
}

/** A ticket's SLA: time left (green), due soon (amber), overdue (red) or paused, counting live. */
export function SlaBadge({ sla, showTarget = false }: Props) {
  if (!sla) return null;
  return <LiveSlaBadge sla={sla} showTarget={showTarget} />;
}

function LiveSlaBadge({ sla, showTarget }: { sla: TicketSlaBadge; showTarget: boolean }) {
  const { t } = useTranslation();
  const { tone, seconds } = useSlaCountdown(sla);
  const target = t(`sla.target.${sla.target}`);
  const label = t('sla.badge.label', { target });
  return (
    <span
      className={`sla-badge sla-badge--${tone}`}
      data-testid="sla-badge"
      data-level={tone}
      data-target={sla.target}
      data-seconds={seconds}
      title={label}
    >
      <span className={showTarget ? 'sla-badge__target' : 'visually-hidden'}>{target}</span>
      <span>{t(`sla.badge.${tone}`, { time: slaDurationText(seconds, t) })}</span>
    </span>
  );
}

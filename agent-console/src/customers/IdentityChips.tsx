import { useTranslation } from 'react-i18next';
import type { IdentityView } from '../../../server/http/apiTypes';
import { OptedOutBadge } from '../sms/OptedOutBadge';

/** Phone numbers (marked when opted out of SMS) and email addresses, compact, e.g. in search results and the screen pop. */
export function IdentityChips({ identities }: { identities: IdentityView[] }) {
  const { t } = useTranslation();
  if (identities.length === 0) return null;
  return (
    <ul className="chip-list">
      {identities.map((identity) => (
        <li
          key={identity.id}
          className="chip"
          title={t(`identityKind.${identity.kind}`)}
          data-testid="identity-chip"
          data-kind={identity.kind}
        >
          <span className="visually-hidden">{t(`identityKind.${identity.kind}`)}: </span>
          {identity.value}
          {identity.smsOptedOutAt && (
            <>
              {' '}
              <OptedOutBadge at={identity.smsOptedOutAt} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

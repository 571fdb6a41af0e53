import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function SignOutButton({ onSignOut }: { onSignOut: () => Promise<void> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const signOut = () => {
    setBusy(true);
    // No reset afterwards: on success this component is already gone.
    void onSignOut();
  };
  return (
    <button type="button" className="button" data-testid="sign-out" onClick={signOut} disabled={busy}>
      {t('signOut.button')}
    </button>
  );
}

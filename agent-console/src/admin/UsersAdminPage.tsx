import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminAudit } from './AdminAudit';
import { useSkills, useTeams, useUsers } from './adminQueries';
import { QueryStatus } from './SaveStatus';
import { UserForm } from './UserForm';
import './admin.css';

/** Admins: everyone who signs in — add a user, change role, skills, teams, capacity, phone, active, password. */
export function UsersAdminPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const skills = useSkills();
  const teams = useTeams();
  // null: nothing open; 'new': the form for a new user; else the id of the user being edited.
  const [open, setOpen] = useState<string | null>(null);
  const list = users.data?.users ?? [];
  const selected = list.find((user) => user.id === open) ?? null;
  const ready = users.data && skills.data && teams.data;
  const teamName = (id: string) => teams.data?.teams.find((team) => team.id === id)?.name ?? '';

  return (
    <section className="page page--wide" data-testid="admin-users-page">
      <header className="page__header">
        <h1>{t('admin.users.title')}</h1>
        <p className="muted">{t('admin.users.intro')}</p>
      </header>
      <QueryStatus pending={!ready} error={users.error ?? skills.error ?? teams.error} />
      {ready && (
        <div className="admin-layout">
          <div className="admin-layout__list">
            <div className="button-row">
              <button
                type="button"
                className="button button--primary"
                data-testid="add-user"
                onClick={() => setOpen('new')}
              >
                {t('admin.users.add')}
              </button>
            </div>
            <div className="table-scroll">
              <table className="data-table data-table--clickable">
                <thead>
                  <tr>
                    <th>{t('admin.users.name')}</th>
                    <th>{t('admin.users.role')}</th>
                    <th className="admin-wide-only">{t('admin.users.skills')}</th>
                    <th className="admin-wide-only">{t('admin.users.teams')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((user) => (
                    <tr
                      key={user.id}
                      data-testid="user-row"
                      data-email={user.email}
                      aria-current={user.id === open ? 'true' : undefined}
                      className={user.active ? undefined : 'admin-row--inactive'}
                      onClick={() => setOpen(user.id)}
                    >
                      <td>
                        <button type="button" className="link-button" onClick={() => setOpen(user.id)}>
                          {user.name}
                        </button>
                        <div className="muted small">{user.email}</div>
                        {!user.active && <span className="status-badge">{t('admin.users.inactive')}</span>}
                      </td>
                      <td>{t(`role.${user.role}`)}</td>
                      <td className="admin-wide-only">{user.skills.join(', ')}</td>
                      <td className="admin-wide-only">{user.teamIds.map(teamName).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <div className="admin-layout__detail">
            {open === 'new' && (
              <UserForm
                key="new"
                user={null}
                skills={skills.data.skills}
                teams={teams.data.teams}
                onCreated={setOpen}
              />
            )}
            {selected && (
              <>
                <UserForm
                  key={selected.id}
                  user={selected}
                  skills={skills.data.skills}
                  teams={teams.data.teams}
                  onCreated={setOpen}
                />
                <AdminAudit entityType="user" entityId={selected.id} />
              </>
            )}
            {!open && <p className="muted">{t('admin.users.pick')}</p>}
          </div>
        </div>
      )}
    </section>
  );
}

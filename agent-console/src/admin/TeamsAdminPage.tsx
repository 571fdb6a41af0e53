import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminAudit } from './AdminAudit';
import { useSkills, useTeams, useUsers } from './adminQueries';
import { NewSkillForm, NewTeamForm } from './NewTeamOrSkill';
import { QueryStatus } from './SaveStatus';
import { SkillForm } from './SkillForm';
import { TeamForm } from './TeamForm';
import './admin.css';

type Open = { kind: 'team' | 'skill'; id: string } | null;

/** Admins: teams (who supervises whom) and skills (who may take which queue's contacts). */
export function TeamsAdminPage() {
  const { t } = useTranslation();
  const teams = useTeams();
  const skills = useSkills();
  const users = useUsers();
  const [open, setOpen] = useState<Open>(null);
  const ready = teams.data && skills.data && users.data;
  const team = open?.kind === 'team' ? teams.data?.teams.find((x) => x.id === open.id) : undefined;
  const skill = open?.kind === 'skill' ? skills.data?.skills.find((x) => x.id === open.id) : undefined;
  const close = () => setOpen(null);

  return (
    <section className="page page--wide" data-testid="admin-teams-page">
      <header className="page__header">
        <h1>{t('admin.teams.title')}</h1>
        <p className="muted">{t('admin.teams.intro')}</p>
      </header>
      <QueryStatus pending={!ready} error={teams.error ?? skills.error ?? users.error} />
      {ready && (
        <div className="admin-layout">
          <div className="admin-layout__list">
            <h2>{t('admin.teams.teams')}</h2>
            <ul className="plain-list" data-testid="team-list">
              {teams.data.teams.map((x) => (
                <li key={x.id} className="plain-list__row" data-testid="team-row" data-name={x.name}>
                  <button type="button" className="link-button" onClick={() => setOpen({ kind: 'team', id: x.id })}>
                    {x.name}
                  </button>
                  <span className="muted small">{t('admin.teams.memberCount', { count: x.memberIds.length })}</span>
                </li>
              ))}
            </ul>
            <NewTeamForm onCreated={(id) => setOpen({ kind: 'team', id })} />

            <h2>{t('admin.skills.title')}</h2>
            <ul className="plain-list" data-testid="skill-list">
              {skills.data.skills.map((x) => (
                <li key={x.id} className="plain-list__row" data-testid="skill-row" data-name={x.name}>
                  <button type="button" className="link-button" onClick={() => setOpen({ kind: 'skill', id: x.id })}>
                    {x.label}
                  </button>
                  <code className="small">{x.name}</code>
                  <span className="muted small">
                    {t('admin.skills.usage', { agents: x.agentCount, queues: x.queueIds.length })}
                  </span>
                </li>
              ))}
            </ul>
            <NewSkillForm onCreated={(id) => setOpen({ kind: 'skill', id })} />
          </div>
          <div className="admin-layout__detail">
            {team && (
              <>
                <TeamForm key={team.id} team={team} users={users.data.users} onDeleted={close} />
                <AdminAudit entityType="team" entityId={team.id} />
              </>
            )}
            {skill && (
              <>
                <SkillForm key={skill.id} skill={skill} onDeleted={close} />
                <AdminAudit entityType="skill" entityId={skill.id} />
              </>
            )}
            {!team && !skill && <p className="muted">{t('admin.teams.pick')}</p>}
          </div>
        </div>
      )}
    </section>
  );
}

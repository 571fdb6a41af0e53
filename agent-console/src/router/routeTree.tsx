// Every page of the console, in one place. To add a page: a route below (its `path`, who may open it in
// `staticData.access`, the navigation entry it belongs under in `staticData.navPage`, and its page component as a
// lazy chunk), add it to `routeTree`, and, for a page of its own in the side navigation, an entry in NAVIGATION
// (with its label under `nav.<page>` in the i18n files).

import {
  createRootRouteWithContext,
  createRoute,
  lazyRouteComponent,
  Navigate,
  redirect,
} from '@tanstack/react-router';
import type { UserView } from '../../../server/http/apiTypes';
import { SignedInLayout } from '../app/SignedInLayout';
import { mayOpen, type Access, type NavEntry } from './access';

/** The side navigation, in order. */
export const NAVIGATION = [
  { page: 'inbox', to: '/', access: 'everyone' },
  { page: 'ticketViews', to: '/tickets', access: 'everyone' },
  { page: 'customers', to: '/customers', access: 'everyone' },
  { page: 'callbacks', to: '/callbacks', access: 'everyone' },
  { page: 'templates', to: '/templates', access: 'everyone' },
  { page: 'knowledge', to: '/knowledge', access: 'everyone' },
  { page: 'supervisor', to: '/supervisor', access: 'supervisors' },
  { page: 'slaAtRisk', to: '/sla', access: 'supervisors' },
  { page: 'campaigns', to: '/campaigns', access: 'supervisors' },
  { page: 'callStats', to: '/reports/calls', access: 'supervisors' },
  { page: 'slaReport', to: '/reports/sla', access: 'supervisors' },
  { page: 'reports', to: '/reports', access: 'supervisors' },
  { page: 'knowledgeStats', to: '/reports/knowledge', access: 'supervisors' },
  { page: 'tags', to: '/tags', access: 'supervisors' },
  { page: 'surveys', to: '/surveys', access: 'supervisors' },
  { page: 'adminUsers', to: '/admin/users', access: 'admins' },
  { page: 'adminTeams', to: '/admin/teams', access: 'admins' },
  { page: 'adminQueues', to: '/admin/queues', access: 'admins' },
  { page: 'adminWall', to: '/admin/wall', access: 'admins' },
  { page: 'adminHours', to: '/admin/hours', access: 'admins' },
  { page: 'slaPolicies', to: '/admin/sla-policies', access: 'admins' },
  { page: 'adminSurveys', to: '/admin/surveys', access: 'admins' },
  { page: 'adminHealth', to: '/admin/customer-health', access: 'admins' },
  { page: 'adminAwayReasons', to: '/admin/away-reasons', access: 'admins' },
  { page: 'mailboxes', to: '/admin/mailboxes', access: 'admins' },
  { page: 'phone', to: '/admin/phone', access: 'admins' },
  { page: 'simulator', to: '/simulator', access: 'everyone', whileSimulating: true },
  { page: 'account', to: '/account', access: 'everyone' },
] as const satisfies readonly NavEntry[];

export type NavigationEntry = (typeof NAVIGATION)[number];
export type NavPage = NavigationEntry['page'];

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /** Who may open it (unset: everyone signed in); anyone else is sent to the inbox. */
    access?: Access;
    /** The navigation entry highlighted while it is open (a ticket belongs under the inbox). */
    navPage?: NavPage;
  }
}

export interface ConsoleRouterContext {
  user: UserView;
}

/** An address the console does not have (or a broken one) opens the inbox instead. */
function BackToInbox() {
  return <Navigate to="/" replace />;
}

const rootRoute = createRootRouteWithContext<ConsoleRouterContext>()({
  beforeLoad: ({ matches, context }) => {
    if (!matches.every((match) => mayOpen(match.staticData.access, context.user.role))) {
      throw redirect({ to: '/', replace: true });
    }
  },
  component: SignedInLayout,
  notFoundComponent: BackToInbox,
});

const inboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  staticData: { navPage: 'inbox' },
  component: lazyRouteComponent(() => import('../inbox/InboxPage'), 'InboxPage'),
});

const ticketRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tickets/$ticketId',
  staticData: { navPage: 'inbox' },
  // Another ticket starts from a clean page instead of showing the previous one.
  remountDeps: ({ params }) => params.ticketId,
  component: lazyRouteComponent(() => import('../tickets/TicketPage'), 'TicketPage'),
});

const ticketViewsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tickets',
  staticData: { navPage: 'ticketViews' },
  component: lazyRouteComponent(() => import('../views/TicketViewsPage'), 'TicketViewsPage'),
});

const templatesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/templates',
  staticData: { navPage: 'templates' },
  component: lazyRouteComponent(() => import('../templates/TemplatesPage'), 'TemplatesPage'),
});

const tagsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tags',
  staticData: { access: 'supervisors', navPage: 'tags' },
  component: lazyRouteComponent(() => import('../tags/TagsPage'), 'TagsPage'),
});

const customersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/customers',
  staticData: { navPage: 'customers' },
  component: lazyRouteComponent(() => import('../customers/CustomerSearchPage'), 'CustomerSearchPage'),
});

const customerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/customers/$customerId',
  staticData: { navPage: 'customers' },
  remountDeps: ({ params }) => params.customerId,
  component: lazyRouteComponent(() => import('../customers/CustomerPage'), 'CustomerPage'),
});

const callbacksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/callbacks',
  staticData: { navPage: 'callbacks' },
  component: lazyRouteComponent(() => import('../callbacks/CallbacksPage'), 'CallbacksPage'),
});

const supervisorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/supervisor',
  staticData: { access: 'supervisors', navPage: 'supervisor' },
  component: lazyRouteComponent(() => import('../supervisor/SupervisorMonitorPage'), 'SupervisorMonitorPage'),
});

// The full-screen wallboard for a TV (agent-console/src/wall): it covers the console's chrome itself.
const wallboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/supervisor/wallboard',
  staticData: { access: 'supervisors', navPage: 'supervisor' },
  component: lazyRouteComponent(() => import('../wall/WallboardPage'), 'WallboardPage'),
});

// Historical contact and agent reports with charts and CSV (agent-console/src/reports).
const reportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports',
  staticData: { access: 'supervisors', navPage: 'reports' },
  component: lazyRouteComponent(() => import('../reports/ReportsPage'), 'ReportsPage'),
});

// Wall thresholds, queue statistics settings and call monitoring settings (agent-console/src/wall/settings).
const adminWallRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/wall',
  staticData: { access: 'admins', navPage: 'adminWall' },
  component: lazyRouteComponent(() => import('../wall/settings/WallSettingsPage'), 'WallSettingsPage'),
});

const campaignsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/campaigns',
  staticData: { access: 'supervisors', navPage: 'campaigns' },
  component: lazyRouteComponent(() => import('../campaigns/CampaignsPage'), 'CampaignsPage'),
});

const campaignStatsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/campaigns/stats',
  staticData: { access: 'supervisors', navPage: 'campaigns' },
  component: lazyRouteComponent(() => import('../campaigns/CampaignStatsPage'), 'CampaignStatsPage'),
});

const campaignRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/campaigns/$campaignId',
  staticData: { access: 'supervisors', navPage: 'campaigns' },
  remountDeps: ({ params }) => params.campaignId,
  component: lazyRouteComponent(() => import('../campaigns/CampaignReportPage'), 'CampaignReportPage'),
});

const callStatsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/calls',
  staticData: { access: 'supervisors', navPage: 'callStats' },
  component: lazyRouteComponent(() => import('../callStats/CallStatsPage'), 'CallStatsPage'),
});

// The knowledge base (agent-console/src/knowledge): articles for everyone, their usage for supervisors.
const knowledgeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/knowledge',
  staticData: { navPage: 'knowledge' },
  component: lazyRouteComponent(() => import('../knowledge/KnowledgePage'), 'KnowledgePage'),
});

const newArticleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/knowledge/new',
  staticData: { navPage: 'knowledge' },
  component: lazyRouteComponent(() => import('../knowledge/ArticleEditorPage'), 'NewArticlePage'),
});

const articleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/knowledge/articles/$articleId',
  staticData: { navPage: 'knowledge' },
  remountDeps: ({ params }) => params.articleId,
  component: lazyRouteComponent(() => import('../knowledge/ArticleEditorPage'), 'ArticlePage'),
});

const knowledgeEditorsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/knowledge/editors',
  staticData: { access: 'admins', navPage: 'knowledge' },
  component: lazyRouteComponent(() => import('../knowledge/KnowledgeEditorsPage'), 'KnowledgeEditorsPage'),
});

const knowledgeStatsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/knowledge',
  staticData: { access: 'supervisors', navPage: 'knowledgeStats' },
  component: lazyRouteComponent(() => import('../knowledge/KnowledgeStatsPage'), 'KnowledgeStatsPage'),
});

const mailboxesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/mailboxes',
  staticData: { access: 'admins', navPage: 'mailboxes' },
  component: lazyRouteComponent(() => import('../mailboxes/MailboxesPage'), 'MailboxesPage'),
});

const phoneRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/phone',
  staticData: { access: 'admins', navPage: 'phone' },
  component: lazyRouteComponent(() => import('../ivr/IvrPage'), 'IvrPage'),
});

// The admin screens for users, teams and skills, queues, and business hours (agent-console/src/admin).
const adminUsersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/users',
  staticData: { access: 'admins', navPage: 'adminUsers' },
  component: lazyRouteComponent(() => import('../admin/UsersAdminPage'), 'UsersAdminPage'),
});

const adminTeamsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/teams',
  staticData: { access: 'admins', navPage: 'adminTeams' },
  component: lazyRouteComponent(() => import('../admin/TeamsAdminPage'), 'TeamsAdminPage'),
});

const adminQueuesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/queues',
  staticData: { access: 'admins', navPage: 'adminQueues' },
  component: lazyRouteComponent(() => import('../admin/QueuesAdminPage'), 'QueuesAdminPage'),
});

const adminHoursRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/hours',
  staticData: { access: 'admins', navPage: 'adminHours' },
  component: lazyRouteComponent(() => import('../admin/BusinessHoursAdminPage'), 'BusinessHoursAdminPage'),
});

// Surveys, return visits and customer health (agent-console/src/surveys, agent-console/src/health).
const lowScoresRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/surveys',
  staticData: { access: 'supervisors', navPage: 'surveys' },
  component: lazyRouteComponent(() => import('../surveys/LowScoresPage'), 'LowScoresPage'),
});

const returnVisitsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/surveys/return-visits',
  staticData: { access: 'supervisors', navPage: 'surveys' },
  component: lazyRouteComponent(() => import('../surveys/ReturnVisitsPage'), 'ReturnVisitsPage'),
});

const atRiskRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/surveys/at-risk',
  staticData: { access: 'supervisors', navPage: 'surveys' },
  component: lazyRouteComponent(() => import('../surveys/AtRiskCustomersPage'), 'AtRiskCustomersPage'),
});

const surveyReportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/surveys/reports',
  staticData: { access: 'supervisors', navPage: 'surveys' },
  component: lazyRouteComponent(() => import('../surveys/SurveyReportsPage'), 'SurveyReportsPage'),
});

const adminSurveysRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/surveys',
  staticData: { access: 'admins', navPage: 'adminSurveys' },
  component: lazyRouteComponent(() => import('../surveys/SurveySettingsAdminPage'), 'SurveySettingsAdminPage'),
});

const adminHealthRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/customer-health',
  staticData: { access: 'admins', navPage: 'adminHealth' },
  component: lazyRouteComponent(() => import('../health/HealthSettingsAdminPage'), 'HealthSettingsAdminPage'),
});

// The reasons agents pick under Away (agent-console/src/awayReasons).
const adminAwayReasonsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/away-reasons',
  staticData: { access: 'admins', navPage: 'adminAwayReasons' },
  component: lazyRouteComponent(() => import('../awayReasons/AwayReasonsAdminPage'), 'AwayReasonsAdminPage'),
});

// Opens for everyone even while the navigation does not list it: its page says when the simulator is off.
const simulatorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/simulator',
  staticData: { navPage: 'simulator' },
  component: lazyRouteComponent(() => import('../simulator/SimulatorPage'), 'SimulatorPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account',
  staticData: { navPage: 'account' },
  component: lazyRouteComponent(() => import('../account/AccountPage'), 'AccountPage'),
});

// SLA (agent-console/src/sla): tickets at risk and breached, the SLA report, and the policy editor with its preview.
const slaAtRiskRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sla',
  staticData: { access: 'supervisors', navPage: 'slaAtRisk' },
  component: lazyRouteComponent(() => import('../sla/SlaAtRiskPage'), 'SlaAtRiskPage'),
});

const slaReportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/sla',
  staticData: { access: 'supervisors', navPage: 'slaReport' },
  component: lazyRouteComponent(() => import('../sla/SlaReportPage'), 'SlaReportPage'),
});

const slaPoliciesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/sla-policies',
  staticData: { access: 'admins', navPage: 'slaPolicies' },
  component: lazyRouteComponent(() => import('../sla/SlaPoliciesAdminPage'), 'SlaPoliciesAdminPage'),
});

export const routeTree = rootRoute.addChildren([
  slaAtRiskRoute,
  slaReportRoute,
  slaPoliciesRoute,
  inboxRoute,
  ticketRoute,
  ticketViewsRoute,
  templatesRoute,
  tagsRoute,
  customersRoute,
  customerRoute,
  callbacksRoute,
  supervisorRoute,
  wallboardRoute,
  reportsRoute,
  adminWallRoute,
  campaignsRoute,
  campaignStatsRoute,
  campaignRoute,
  callStatsRoute,
  knowledgeRoute,
  newArticleRoute,
  articleRoute,
  knowledgeEditorsRoute,
  knowledgeStatsRoute,
  mailboxesRoute,
  phoneRoute,
  adminUsersRoute,
  adminTeamsRoute,
  adminQueuesRoute,
  adminHoursRoute,
  lowScoresRoute,
  returnVisitsRoute,
  atRiskRoute,
  surveyReportsRoute,
  adminSurveysRoute,
  adminHealthRoute,
  adminAwayReasonsRoute,
  simulatorRoute,
  accountRoute,
]);

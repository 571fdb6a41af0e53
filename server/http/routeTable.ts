import type { RouteDef } from './route';
import { adminRoutes } from './routes/adminRoutes';
import { apiDocsRoutes } from './routes/apiDocsRoutes';
import { attachmentRoutes } from './routes/attachmentRoutes';
import { authRoutes } from './routes/authRoutes';
import { campaignRoutes } from './routes/campaignRoutes';
import { directoryRoutes } from './routes/directoryRoutes';
import { customerRoutes } from './routes/customerRoutes';
import { healthRoutes } from './routes/healthRoutes';
import { knowledgeRoutes } from './routes/knowledgeRoutes';
import { meRoutes } from './routes/meRoutes';
import { mailboxRoutes } from './routes/mailboxRoutes';
import { monitorRoutes } from './routes/monitorRoutes';
import { signatureRoutes } from './routes/signatureRoutes';
import { simulatorRoutes } from './routes/simulatorRoutes';
import { offerRoutes } from './routes/offerRoutes';
import { surveyRoutes } from './routes/surveyRoutes';
import { tagRoutes } from './routes/tagRoutes';
import { templateRoutes } from './routes/templateRoutes';
import { ticketRoutes } from './routes/ticketRoutes';
import { ticketViewRoutes } from './routes/ticketViewRoutes';
import { undeliverableMailRoutes } from './routes/undeliverableMailRoutes';
import { uploadRoutes } from './routes/uploadRoutes';
import { voiceRoutes } from './routes/voiceRoutes';
import { voiceSimulatorRoutes } from './routes/voiceSimulatorRoutes';
import { slaRoutes } from './routes/slaRoutes';
import { slaAdminRoutes } from './routes/admin/slaAdminRoutes';
import { wallRoutes } from './routes/wallRoutes';
import { reportRoutes } from './routes/reportRoutes';

/** Every HTTP route with who may call it. The access test walks this table. */
export const routeTable: RouteDef[] = [
  ...healthRoutes,
  ...apiDocsRoutes(() => routeTable),
  ...authRoutes,
  ...meRoutes,
  ...ticketRoutes,
  ...ticketViewRoutes,
  ...tagRoutes,
  ...templateRoutes,
  ...knowledgeRoutes,
  ...signatureRoutes,
  ...offerRoutes,
  ...directoryRoutes,
  ...customerRoutes,
  ...monitorRoutes,
  ...wallRoutes,
  ...reportRoutes,
  ...simulatorRoutes,
  ...campaignRoutes,
  ...mailboxRoutes,
  ...undeliverableMailRoutes,
  ...attachmentRoutes,
  ...uploadRoutes,
  ...adminRoutes,
  ...slaRoutes,
  ...slaAdminRoutes,
  ...voiceRoutes,
  ...voiceSimulatorRoutes,
  ...surveyRoutes,
];

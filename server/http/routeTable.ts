import type { RouteDef } from './route';
import { adminRoutes } from './routes/adminRoutes';
import { apiDocsRoutes } from './routes/apiDocsRoutes';
import { authRoutes } from './routes/authRoutes';
import { healthRoutes } from './routes/healthRoutes';
import { meRoutes } from './routes/meRoutes';
import { monitorRoutes } from './routes/monitorRoutes';
import { ticketRoutes } from './routes/ticketRoutes';

/** Every HTTP route with who may call it. The access test walks this table. */
export const routeTable: RouteDef[] = [
  ...healthRoutes,
  ...apiDocsRoutes(() => routeTable),
  ...authRoutes,
  ...meRoutes,
  ...ticketRoutes,
  ...monitorRoutes,
  ...adminRoutes,
];

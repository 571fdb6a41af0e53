import type { SimulatorStatus } from '../../../server/http/apiTypes';

/**
 * The simulator page's tabs, in order: one per channel whose simulator the server reports in SimulatorStatus.
 * A new channel's simulator adds its name here and its panel in SimulatorPage.
 */
export const SIMULATOR_TABS = ['sms', 'email', 'voice'] as const satisfies readonly (keyof SimulatorStatus)[];
export type SimulatorTab = (typeof SIMULATOR_TABS)[number];

/** The tabs whose simulator runs; none before the status is known. */
export function enabledSimulatorTabs(status: SimulatorStatus | null | undefined): SimulatorTab[] {
  return status ? SIMULATOR_TABS.filter((tab) => status[tab].enabled) : [];
}

/** The tab to show: the one chosen while its simulator still runs, else the first that runs. */
export function shownSimulatorTab(enabled: readonly SimulatorTab[], chosen: SimulatorTab | null): SimulatorTab | null {
  return chosen && enabled.includes(chosen) ? chosen : (enabled[0] ?? null);
}

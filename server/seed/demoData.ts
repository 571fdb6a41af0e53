// What the demo seed creates. Passwords are public on purpose: set SEED_DEMO=false in production.
export const DEMO_PASSWORD = 'switchboard-demo';

export const demoSkills = [
  { name: 'technical', label: 'Technical support' },
  { name: 'billing', label: 'Billing' },
  { name: 'sales', label: 'Sales' },
  { name: 'mandarin', label: 'Mandarin Chinese' },
];

export const demoTeam = { name: 'Front line' };

/** The demo's queues are open whenever someone tries the demo. */
export const demoAlwaysOpen = {
  name: 'Around the clock',
  timezone: 'UTC',
  intervals: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })),
  holidays: [] as { day: string; name: string }[],
};

/** Office hours with a lunch break and holidays: the after-hours demo queue shows what closed sounds like. */
export function demoOfficeHours(now: Date) {
  const year = now.getUTCFullYear();
  return {
    name: 'Office hours (New York)',
    timezone: 'America/New_York',
    intervals: [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, opens: '09:00', closes: '12:30' },
      { weekday, opens: '13:30', closes: '17:00' },
    ]),
    holidays: [
      { day: `${year}-12-25`, name: 'Christmas Day' },
      { day: `${year + 1}-01-01`, name: 'New Year’s Day' },
      { day: `${year + 1}-12-25`, name: 'Christmas Day' },
    ],
  };
}

/** The calendar demos seeded before the demo was always open: still this exactly, it becomes `demoAlwaysOpen`. */
export const legacyDemoBusinessHours = {
  name: 'Weekdays 8–20',
  timezone: 'UTC',
  intervals: [1, 2, 3, 4, 5]
    .map((weekday) => ({ weekday, opens: '08:00', closes: '20:00' }))
    .concat([{ weekday: 6, opens: '09:00', closes: '13:00' }]),
};

export const AFTER_HOURS_QUEUE = 'After-hours demo';

export const demoQueues = [
  {
    name: 'General',
    skills: [] as string[],
    entryForChannels: ['voice', 'sms', 'email'] as ('voice' | 'sms' | 'email')[],
    hours: 'alwaysOpen' as const,
  },
  {
    name: 'Technical support',
    skills: ['technical'],
    overflowTo: 'General',
    overflowAfterSeconds: 300,
    hours: 'alwaysOpen' as const,
  },
  { name: AFTER_HOURS_QUEUE, skills: [] as string[], hours: 'office' as const },
];

/** The demo phone menu: the built-in one (1 agent, 2 voicemail) with a third key for the after-hours queue. */
export const demoMenuPrompt =
  'To speak to an agent, press 1. To leave a message, press 2. To try our after-hours line, press 3.';
export const demoAfterHoursOption = { key: '3', words: ['after hours'], label: 'After-hours demo' };

export const demoUsers = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' as const, skills: [] as string[] },
  { email: 'supervisor@example.com', name: 'Sam Supervisor', role: 'supervisor' as const, skills: [] },
  { email: 'alice@example.com', name: 'Alice Agent', role: 'agent' as const, skills: ['technical', 'billing'] },
  { email: 'bob@example.com', name: 'Bob Agent', role: 'agent' as const, skills: ['sales', 'billing'] },
  { email: 'chen@example.com', name: 'Chen Wei', role: 'agent' as const, skills: ['technical', 'mandarin'] },
];

export const demoCustomers = [
  { name: 'Grace Hopper', company: 'Navy Labs', tags: ['vip'], phone: '+14155550101', email: 'grace@example.org' },
  { name: 'Linus Park', company: 'Park & Sons', tags: [], phone: '+447700900123', email: 'linus@example.net' },
  {
    name: '王芳',
    company: '上海贸易有限公司',
    tags: ['mandarin'],
    phone: '+8613800138000',
    email: 'wang.fang@example.cn',
  },
];

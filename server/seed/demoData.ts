// What the demo seed creates. Passwords are public on purpose: set SEED_DEMO=false in production.
export const DEMO_PASSWORD = 'switchboard-demo';

export const demoSkills = [
  { name: 'technical', label: 'Technical support' },
  { name: 'billing', label: 'Billing' },
  { name: 'sales', label: 'Sales' },
  { name: 'mandarin', label: 'Mandarin Chinese' },
];

export const demoTeam = { name: 'Front line' };

export const demoBusinessHours = {
  name: 'Weekdays 8–20',
  timezone: 'UTC',
  intervals: [1, 2, 3, 4, 5]
    .map((weekday) => ({ weekday, opens: '08:00', closes: '20:00' }))
    .concat([{ weekday: 6, opens: '09:00', closes: '13:00' }]),
  holidays: [],
};

export const demoQueues = [
  {
    name: 'General',
    skills: [] as string[],
    entryForChannels: ['voice', 'sms', 'email'] as ('voice' | 'sms' | 'email')[],
  },
  { name: 'Technical support', skills: ['technical'], overflowTo: 'General', overflowAfterSeconds: 300 },
];

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

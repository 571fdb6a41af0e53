// English strings of the away reasons admin screen; spread into en.ts.
export const awayReasonsEn = {
  awayReasons: {
    admin: {
      title: 'Away reasons',
      intro:
        'The reasons agents and supervisors pick under Away, in this order. A retired reason is no longer offered but keeps its labels in reports.',
      code: 'Code',
      codeHint: 'e.g. coaching',
      labelEn: 'English label',
      labelZhCN: 'Chinese label',
      order: 'Order',
      status: 'Status',
      moveUp: 'Move up',
      moveDown: 'Move down',
      offered: 'Offered',
      retired: 'Retired',
      retire: 'Retire',
      restore: 'Restore',
      add: 'Add reason',
      newReason: 'New reason',
    },
  },
};

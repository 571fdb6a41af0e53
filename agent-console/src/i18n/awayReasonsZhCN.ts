import type { awayReasonsEn } from './awayReasonsEn';

// Simplified Chinese strings of the away reasons admin screen; spread into zh-CN.ts.
export const awayReasonsZhCN: typeof awayReasonsEn = {
  awayReasons: {
    admin: {
      title: '离开原因',
      intro: '坐席和主管在“离开”下可选的原因，按此顺序列出。已停用的原因不再提供，但在报表中保留其名称。',
      code: '代码',
      codeHint: '例如 coaching',
      labelEn: '英文名称',
      labelZhCN: '中文名称',
      order: '顺序',
      status: '状态',
      moveUp: '上移',
      moveDown: '下移',
      offered: '提供中',
      retired: '已停用',
      retire: '停用',
      restore: '恢复',
      add: '添加原因',
      newReason: '新原因',
    },
  },
};

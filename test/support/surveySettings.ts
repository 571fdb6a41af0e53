import { expect } from 'vitest';
import type { TestClient } from './httpClient';

/** Changes some of a queue's survey settings as an admin does: reads them, changes those, saves them whole. */
export async function changeSurveySettings(admin: TestClient, queueId: string, changes: Record<string, unknown>) {
  const { body } = await admin.get('/api/admin/survey-settings');
  const {
    queueId: _id,
    queueName: _name,
    ...current
  } = body.queues.find((q: { queueId: string }) => q.queueId === queueId);
  const res = await admin.put(`/api/admin/survey-settings/${queueId}`, { ...current, ...changes });
  expect(res.status, res.text).toBe(200);
}

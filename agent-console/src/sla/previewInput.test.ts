import { describe, expect, it } from 'vitest';
import { formatDue, localMinute, newPreviewForm, previewInput } from './previewInput';

describe('the preview request', () => {
  it('reads the typed time in the browser’s zone and sends it as an instant, with clean tags and no empty queue', () => {
    const form = { ...newPreviewForm(), createdAt: '2026-03-06T16:30', customerTags: 'VIP, vip' };
    expect(previewInput(form)).toEqual({
      createdAt: new Date(2026, 2, 6, 16, 30).toISOString(),
      queueId: null,
      priority: 'normal',
      channel: 'email',
      customerTags: ['vip'],
    });
  });

  it('waits while the date is unfinished', () => {
    expect(previewInput({ ...newPreviewForm(), createdAt: '' })).toBeNull();
    expect(previewInput({ ...newPreviewForm(), createdAt: '2026-13-45T99:99' })).toBeNull();
  });

  it('starts at this minute', () => {
    expect(localMinute(new Date(2026, 0, 5, 9, 7, 59))).toBe('2026-01-05T09:07');
  });

  it('shows a due time in the calendar’s own zone, named', () => {
    const text = formatDue('2026-03-09T08:30:00.000Z', 'en', 'Europe/Paris');
    expect(text).toContain('Mon');
    expect(text).toContain('09:30');
    expect(text).toMatch(/GMT\+1|CET/);
  });
});

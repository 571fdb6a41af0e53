import { useRef, useState } from 'react';
import { uploadFile } from './uploadFile';

export interface PendingAttachment {
  key: number;
  filename: string;
  /** 0 to 1 while uploading. */
  progress: number;
  uploadId: string | null;
  error: unknown;
}

/** Files picked for a reply, each uploaded at once; the reply names the finished ones. */
export function useAttachments() {
  const [items, setItems] = useState<PendingAttachment[]>([]);
  const nextKey = useRef(0);

  const patch = (key: number, change: Partial<PendingAttachment>) =>
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const add = (files: FileList | File[]) => {
    for (const file of Array.from(files)) {
      const key = nextKey.current++;
      setItems((all) => [...all, { key, filename: file.name, progress: 0, uploadId: null, error: null }]);
      uploadFile(file, (progress) => patch(key, { progress })).then(
        (upload) => patch(key, { uploadId: upload.id, progress: 1 }),
        (error: unknown) => patch(key, { error }),
      );
    }
  };

  return {
    items,
    add,
    remove: (key: number) => setItems((all) => all.filter((item) => item.key !== key)),
    clear: () => setItems([]),
    /** Still uploading: the reply waits for them. */
    busy: items.some((item) => !item.uploadId && !item.error),
    /** What the reply sends: the uploaded files (failed ones are shown, not sent). */
    attachments: items.flatMap((item) => (item.uploadId ? [{ uploadId: item.uploadId }] : [])),
  };
}

export type Attachments = ReturnType<typeof useAttachments>;

import type { ApiError } from '../../../server/http/apiTypes';
import { ApiRequestError, NETWORK_ERROR_CODE } from '../api/ApiRequestError';

export interface UploadedFile {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

/**
 * Sends a file as the raw body of POST /api/uploads. XMLHttpRequest rather than fetch: only it reports upload
 * progress. Rejects with ApiRequestError like every other call (413 `too_large` for a file over the limit).
 */
export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/uploads?${new URLSearchParams({ filename: file.name })}`);
    request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    request.setRequestHeader('Accept', 'application/json');
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiRequestError(0, NETWORK_ERROR_CODE, 'The upload did not reach the server.'));
    request.onload = () => {
      const body = request.response as { upload?: UploadedFile } & Partial<ApiError>;
      if (request.status === 201 && body?.upload) return resolve(body.upload);
      const error = body?.error;
      reject(
        new ApiRequestError(
          request.status,
          error?.code ?? `http_${request.status}`,
          error?.message ?? request.statusText,
          error?.fields ?? [],
        ),
      );
    };
    request.send(file);
  });
}

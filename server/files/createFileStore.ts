import type { Config } from '../config';
import type { Sql } from '../db/client';
import type { FileStore } from './fileStore';
import { createPostgresFileStore } from './postgresFileStore';
import { createS3FileStore } from './s3FileStore';

/** The store FILE_STORE names: the database this process uses (default), or the S3 bucket of the S3_ settings. */
export function createFileStore(
  config: Pick<
    Config,
    | 'FILE_STORE'
    | 'S3_BUCKET'
    | 'S3_ENDPOINT'
    | 'S3_REGION'
    | 'S3_ACCESS_KEY_ID'
    | 'S3_SECRET_ACCESS_KEY'
    | 'S3_FORCE_PATH_STYLE'
  >,
  sql: Sql,
): FileStore {
  if (config.FILE_STORE === 'postgres') return createPostgresFileStore(sql);
  return createS3FileStore({
    bucket: config.S3_BUCKET!,
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}

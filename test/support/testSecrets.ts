import { randomBytes } from 'node:crypto';
import { parseSecretsKey, sealSecret } from '../../server/secrets/secretBox';

/** The SECRETS_KEY of every test server this test file starts (testEnv), made up for the run. */
export const TEST_SECRETS_KEY = randomBytes(32).toString('base64');

/** A password as the server stores it, for tests that write a mailbox row directly. */
export const sealedForTests = (plain: string) => sealSecret(parseSecretsKey(TEST_SECRETS_KEY)!, plain);

/** Signing keys and JWS: the face other code imports. */
export { signJws, verifyJws, JwsError } from './jws.js';
export { ensureActiveKey, rotateKeys, listKeys, jwks, type PublicKeyInfo, type PublishedJwk } from './keys.js';
export { useKeySecret, describeKeySecret, recordDigestKey, senderDigestKey, KeySecretMismatch, type KeySecretSource } from './key-secret.js';
export { signingRoutes } from './signing.routes.js';
